// The local fake Partner Central a demo tenant points at: started in this process the first time it is
// needed, seeded from an APN database (the same demo world the APN-database demo reads), and kept for
// the life of the process. Writes made to it last as long as the process does; a restart seeds again.
import { connect } from '@revops/db'
import { type ApnFields, recordFromApnRow } from '../apn-fields.ts'
import type { Catalog } from '../opportunity-record.ts'
import { FakePartnerCentral } from './fake-partner-central.ts'

const started = new Map<string, Promise<FakePartnerCentral>>()

/** The running fake for this seed and catalog (started and seeded on first use). */
export function startLocalFake(seedUrl: string, catalog: Catalog): Promise<FakePartnerCentral> {
  const key = `${seedUrl}\n${catalog}`
  let fake = started.get(key)
  if (!fake) {
    fake = seedFake(seedUrl, catalog)
    started.set(key, fake)
    // A failed start (the seed database not there yet) is tried again next time.
    fake.catch(() => started.delete(key))
  }
  return fake
}

/** Stops every local fake of this process (tests, and a clean shutdown). */
export async function stopLocalFakes(): Promise<void> {
  const fakes = [...started.values()]
  started.clear()
  await Promise.all(fakes.map(async (fake) => (await fake.catch(() => null))?.close()))
}

async function seedFake(seedUrl: string, catalog: Catalog): Promise<FakePartnerCentral> {
  const records = await readApnRecords(seedUrl, catalog)
  const fake = await FakePartnerCentral.start()
  for (const record of records) fake.put(catalog, record)
  return fake
}

/** Every APN opportunity as the API record it stands for. */
export async function readApnRecords(seedUrl: string, catalog: Catalog) {
  const sql = connect(seedUrl, { max: 1, readOnly: true, applicationName: 'revops-local-fake' })
  try {
    // Every value as text, exactly as ingestion's RAW documents read them.
    const asText = (table: string) =>
      sql.unsafe<{ doc: ApnFields }[]>(
        `select (select jsonb_object_agg(key, value) from jsonb_each_text(to_jsonb(t))) as doc from ${table} t order by 1`,
      )
    const users = new Map(
      (await asText('users')).map(({ doc }) => [
        doc.id,
        { name: doc.name ?? null, email: doc.email ?? null },
      ]),
    )
    return (await asText('opportunity')).map(({ doc }) =>
      recordFromApnRow(doc, users.get(doc.owner_id ?? '') ?? null, catalog),
    )
  } finally {
    await sql.end({ timeout: 5 })
  }
}
