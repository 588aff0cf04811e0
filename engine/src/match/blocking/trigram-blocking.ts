// Trigram name similarity in the database (pg_trgm): for each left record, the right records whose
// field is most similar, using the trigram GIN index on the right side's column.
import type { Sql } from '@revops/db'
import type { RecordSource } from '../config/matching-config.ts'
import { type MatchRecord, stringValue } from '../record.ts'
import type { ProposedPair } from './key-blocking.ts'

export async function blockOnTrigrams(
  sql: Sql,
  tenantId: string,
  rule: { name: string; left: string; right: string; threshold: number; limit: number },
  left: MatchRecord[],
  right: RecordSource,
): Promise<ProposedPair[]> {
  const expression = right.fields[rule.right]
  if (!expression) throw new Error(`trigram rule ${rule.name}: the right side has no field ${rule.right}`)
  const probes = left
    .map((r) => ({ id: r.id, value: stringValue(r, rule.left) }))
    .filter((p): p is { id: string; value: string } => !!p.value)
  const pairs: ProposedPair[] = []
  const reserved = await sql.reserve()
  try {
    await reserved.unsafe(`select set_config('pg_trgm.similarity_threshold', $1, false)`, [
      String(rule.threshold),
    ])
    for (let start = 0; start < probes.length; start += 500) {
      const batch = probes.slice(start, start + 500)
      const rows = await reserved.unsafe<{ left_id: string; right_id: string }[]>(
        `select p.id as left_id, x.right_id
         from unnest($2::text[], $3::text[]) as p(id, value)
         cross join lateral (
           select (${right.id})::text as right_id
           from ${right.from}
           where ${right.tenant} = $1 and (${expression}) % p.value
           order by (${expression}) <-> p.value
           limit ${Math.floor(rule.limit)}
         ) x`,
        [tenantId, batch.map((p) => p.id), batch.map((p) => p.value)],
      )
      for (const row of rows) pairs.push({ left: row.left_id, right: row.right_id, rule: rule.name })
    }
  } finally {
    reserved.release()
  }
  return pairs
}
