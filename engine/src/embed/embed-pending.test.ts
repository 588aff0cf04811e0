import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { useTestDatabase } from '@revops/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConflictError } from '../shared/errors.ts'
import type { Progress } from '../shared/progress.ts'
import { embedPending } from './embed-pending.ts'
import type { Embedder } from './embedder.ts'
import { createLexicalEmbedder, LEXICAL_MODEL } from './lexical-embedder.ts'
import { createOnnxEmbedder } from './onnx-embedder.ts'
import { buildTinyBgeM3 } from './testing/build-tiny-bge-m3.ts'
import { buildIdentityText, textHash } from './texts.ts'

const db = useTestDatabase()
const lexical = createLexicalEmbedder({ batchSize: 4 })
const run = (
  embedder: Embedder = lexical,
  extra: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {},
) => embedPending({ sql: db.sql, tenantId: 'acme', embedder, pageSize: 3, ...extra })
const stored = () =>
  db.sql<
    {
      entity_kind: string
      entity_id: string
      text_kind: string
      model: string
      dimensions: number
      text_hash: string
      has_sparse: boolean
    }[]
  >`
    select entity_kind, entity_id, text_kind, model, dimensions, text_hash, sparse is not null as has_sparse
    from search.embeddings where tenant_id = 'acme' order by entity_kind, entity_id, text_kind`

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme'), ('other', 'Other')`
  await db.sql`
    insert into core.companies (tenant_id, company_id, name, is_company, website_domain, raw_source, raw_table, raw_pk)
    values ('acme', 7, 'Initech Holdings', true, 'initech.com', 'odoo', 'res_partner', '7')`
  await db.sql`
    insert into core.odoo_opportunities (tenant_id, lead_id, company_id, customer_name, email_domain, title, description_text, use_case, team_name, raw_pk)
    values
      ('acme', 1, 7, 'Initech', 'initech.com', 'Data lake', 'Move the warehouse to S3', 'Analytics', 'Enterprise', '1'),
      ('acme', 2, null, 'Globex', null, 'Migration', null, null, null, '2'),
      ('acme', 10, null, null, null, null, null, null, null, '10'),
      ('other', 1, null, 'Elsewhere', null, 'Not ours', null, null, null, '1')`
  await db.sql`
    insert into core.ace_opportunities (tenant_id, ace_id, customer_name, website_domain, title, description, industry, use_case, aws_account_id_status, raw_pk)
    values
      ('acme', 'O100', 'Initech Inc.', 'initech.com', 'Data lake on AWS', 'S3 and Glue', 'Software', 'Analytics', 'missing', 'O100'),
      ('acme', 'O200', 'Globex Corporation', null, 'Migration', null, null, null, 'missing', 'O200'),
      ('acme', 'O300', 'Umbrella', 'umbrella.example', 'Containers', 'EKS', 'Healthcare', 'Containers', 'missing', 'O300')`
})

describe('embedPending', () => {
  it('embeds both texts of every record, saying which model made them and that it is not semantic', async () => {
    const progress: Progress[] = []
    const result = await run(lexical, { onProgress: (p) => progress.push(p) })
    expect(result).toMatchObject({
      model: LEXICAL_MODEL,
      semantic: false,
      dimensions: 1024,
      embedded: 10,
      removed: 0,
    })
    expect(result.entities).toEqual([
      { entityKind: 'ace_opportunity', records: 3, embedded: 6, unchanged: 0, removed: 0 },
      { entityKind: 'odoo_opportunity', records: 3, embedded: 4, unchanged: 0, removed: 0 },
    ])
    const rows = await stored()
    expect(rows).toHaveLength(10)
    expect(
      rows.every((row) => row.model === LEXICAL_MODEL && row.dimensions === 1024 && row.has_sparse),
    ).toBe(true)
    // Lead 10 has no name, domain, title or description: nothing to embed.
    expect(rows.filter((row) => row.entity_id === '10')).toEqual([])
    expect(progress.at(-1)).toEqual({ step: 'embed odoo_opportunity', done: 3, total: 3 })
  })

  it('names the CRM company as an alias in the identity text of an Odoo lead', async () => {
    const [row] = await db.sql<{ text_hash: string }[]>`
      select text_hash from search.embeddings
      where entity_kind = 'odoo_opportunity' and entity_id = '1' and text_kind = 'identity'`
    const expected = buildIdentityText({
      companyName: 'Initech',
      domains: [null, 'initech.com', 'initech.com'],
      aliases: ['Initech Holdings'],
    })!
    expect(row!.text_hash).toBe(textHash(expected))
  })

  it('skips unchanged texts, re-embeds changed ones and removes texts and records that are gone', async () => {
    expect(await run()).toMatchObject({ embedded: 0, removed: 0 })
    await db.sql`update core.ace_opportunities set title = 'Data lake and BI' where ace_id = 'O100'`
    await db.sql`update core.ace_opportunities set title = null, description = null, industry = null, use_case = null where ace_id = 'O300'`
    await db.sql`delete from core.odoo_opportunities where tenant_id = 'acme' and lead_id = 2`
    const result = await run()
    expect(result.entities).toEqual([
      { entityKind: 'ace_opportunity', records: 3, embedded: 1, unchanged: 4, removed: 1 },
      { entityKind: 'odoo_opportunity', records: 2, embedded: 0, unchanged: 2, removed: 2 },
    ])
    const rows = await stored()
    expect(rows.map((row) => `${row.entity_id}/${row.text_kind}`)).toEqual([
      'O100/context',
      'O100/identity',
      'O200/context',
      'O200/identity',
      'O300/identity',
      '1/context',
      '1/identity',
    ])
  })

  it('re-embeds everything when the model changes (a tiny ONNX model with bge-m3 outputs)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'embed-stage-'))
    const model = await buildTinyBgeM3({ dir: path.join(dir, 'bge-m3'), signature: 'bge-m3' })
    const onnx = await createOnnxEmbedder({ modelDir: model.dir, batchSize: 2 })
    try {
      const result = await run(onnx)
      expect(result).toMatchObject({ model: onnx.model, semantic: true, dimensions: 8, embedded: 7 })
      const rows = await stored()
      expect(rows.every((row) => row.model === onnx.model && row.dimensions === 8)).toBe(true)
      expect(await run(onnx)).toMatchObject({ embedded: 0 })
    } finally {
      await onnx.close()
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('stops after the batch in flight when interrupted, and the next run finishes the work', async () => {
    await db.sql`delete from search.embeddings where tenant_id = 'acme'`
    const controller = new AbortController()
    const stopping: Embedder = {
      ...lexical,
      embed: async (texts) => {
        controller.abort()
        return lexical.embed(texts)
      },
    }
    const interrupted = await run(stopping, { signal: controller.signal })
    expect(interrupted).toMatchObject({ interrupted: true, embedded: 4 })
    expect(await stored()).toHaveLength(4)
    expect(await run()).toMatchObject({ interrupted: false, embedded: 3 })
    expect(await stored()).toHaveLength(7)
  })

  it('refuses a second run for the same tenant while one holds the lock', async () => {
    const holder = await db.sql.reserve()
    try {
      await holder`select pg_advisory_lock(hashtext('revops.embed:acme'))`
      await expect(run()).rejects.toBeInstanceOf(ConflictError)
      await holder`select pg_advisory_unlock(hashtext('revops.embed:acme'))`
    } finally {
      holder.release()
    }
  })
})

afterAll(() => lexical.close())
