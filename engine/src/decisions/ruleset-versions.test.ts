import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { useTestDatabase } from '@revops/db/testing'
import { TENANTS_DIR } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAuditEvents } from '../audit/audit-events.ts'
import type { TenantConfig } from '../config/tenant-config.ts'
import { ConfigError, ConflictError, NotFoundError } from '../shared/errors.ts'
import { ensurePublished, publishRulesetFile, publishRulesetText } from './publish-ruleset.ts'
import { listRulesetVersions, readLatestRulesetVersion, readRulesetVersion } from './ruleset-versions.ts'

const db = useTestDatabase()
let dir: string
let rulesDir: string
let podText: string
const tenant = () => ({ dir, config: { tenant_id: 'demo' } as TenantConfig })

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('demo', 'Demo')`
  dir = await mkdtemp(path.join(tmpdir(), 'ruleset-versions-'))
  await cp(path.join(TENANTS_DIR, 'demo', 'rules'), path.join(dir, 'rules'), { recursive: true })
  rulesDir = path.join(dir, 'rules')
  podText = await readFile(path.join(rulesDir, 'pod.yaml'), 'utf8')
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const withThreshold = (value: string) => podText.replace('spend_threshold: 5000', `spend_threshold: ${value}`)

async function versionCount() {
  const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from ops.ruleset_versions`
  return row!.n
}

async function publishError(text: string): Promise<ConfigError> {
  const before = await versionCount()
  const error = await publishRulesetText(db.sql, text, { tenantId: 'demo', author: 'ann', rulesDir }).catch(
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(ConfigError)
  expect(await versionCount()).toBe(before)
  return error as ConfigError
}

describe('ensurePublished', () => {
  it("publishes the tenant's file as version 1 by system when nothing is published", async () => {
    const result = await ensurePublished(db.sql, tenant(), 'pod')
    expect(result).toMatchObject({ published: true, fileDiffers: false })
    expect(result.version).toMatchObject({
      ruleset: 'pod',
      version: 1,
      author: 'system',
      files: ['pod.yaml'],
    })
    expect(result.version.source['pod.yaml']).toBe(podText)
    expect(result.version.content_hash).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(result.compiled.contentHash).toBe(result.version.content_hash)
    const log = await listAuditEvents(db.sql, 'demo', { action: 'ruleset.published', limit: 10 })
    expect(log.items).toHaveLength(1)
    expect(log.items[0]).toMatchObject({
      actor: 'system',
      subject_type: 'ruleset',
      subject_id: 'pod',
      details: { version: 1, content_hash: result.version.content_hash, files: ['pod.yaml'] },
    })
  })

  it('never publishes an edited file itself: it keeps evaluating with the latest version and says so', async () => {
    await writeFile(path.join(rulesDir, 'pod.yaml'), withThreshold('7500'))
    try {
      const warnings: string[] = []
      const log = { ...silent(), warn: (message: string) => warnings.push(message) }
      const result = await ensurePublished(db.sql, tenant(), 'pod', { log })
      expect(result).toMatchObject({ published: false, fileDiffers: true, version: { version: 1 } })
      expect(warnings.join('\n')).toMatch(/differs from published version 1/)
      expect(await versionCount()).toBe(1)
    } finally {
      await writeFile(path.join(rulesDir, 'pod.yaml'), podText)
    }
  })
})

describe('publishing a ruleset', () => {
  it('stores a new version only when the content differs from the latest', async () => {
    const same = await publishRulesetFile(db.sql, { tenantId: 'demo', rulesDir, author: 'ann' })
    expect(same).toMatchObject({ created: false, version: { version: 1, author: 'system' } })
    const changed = await publishRulesetText(db.sql, withThreshold('6000'), {
      tenantId: 'demo',
      author: 'ann',
      rulesDir,
    })
    expect(changed).toMatchObject({ created: true, version: { version: 2, author: 'ann' } })
    expect(changed.version.content.parameters.spend_threshold).toBe(6000)
    expect((await readLatestRulesetVersion(db.sql, 'demo', 'pod'))?.version).toBe(2)
    expect((await readRulesetVersion(db.sql, 'demo', 'pod', 1)).content.parameters.spend_threshold).toBe(5000)
    expect((await listRulesetVersions(db.sql, 'demo')).map((v) => [v.ruleset, v.version, v.author])).toEqual([
      ['pod', 2, 'ann'],
      ['pod', 1, 'system'],
    ])
  })

  it('refuses to publish an older version’s content again (versions never go back)', async () => {
    const error = await publishRulesetText(db.sql, podText, {
      tenantId: 'demo',
      author: 'ann',
      rulesDir,
    }).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as Error).message).toMatch(/already version 1/)
  })

  it('resolves extends from the rules folder and keeps the text of every file used', async () => {
    const text = await readFile(path.join(rulesDir, 'pod-acme.example.yaml'), 'utf8')
    const { version } = await publishRulesetText(db.sql, text, { tenantId: 'demo', author: 'ann', rulesDir })
    expect(version).toMatchObject({ ruleset: 'pod-acme.example', version: 1 })
    expect(version.files).toEqual(['pod-acme.example.yaml', 'pod.yaml'])
    expect(version.content.parameters.spend_threshold).toBe(10000)
  })

  it('resolves extends from the published version when the folder does not have the file', async () => {
    const text =
      'ruleset: pod-strict\ndescription: Strict.\nextends: pod\noverrides:\n  parameters:\n    spend_threshold: 1000\n'
    const { version } = await publishRulesetText(db.sql, text, { tenantId: 'demo', author: 'ann' })
    expect(version.files).toEqual(['pod-strict.yaml', 'pod.yaml'])
    expect(version.source['pod.yaml']).toBe(withThreshold('6000'))
  })

  it('is not found for a version that does not exist', async () => {
    await expect(readRulesetVersion(db.sql, 'demo', 'pod', 9)).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('bad input publishes nothing and names the line', () => {
  it('invalid YAML', async () => {
    const error = await publishError(podText.replace('  timeline_days: 90', '  timeline_days: [90'))
    expect(error.message).toMatch(/pod\.yaml:\d+/)
  })

  it('an unknown fact name', async () => {
    const text = podText.replace(
      'pass: spend.amount < params.spend_threshold',
      'pass: spend.amout < params.spend_threshold',
    )
    const line = text.split('\n').findIndex((l) => l.includes('spend.amout')) + 1
    const error = await publishError(text)
    expect(error.message).toContain(`pod.yaml:${line}`)
    expect(error.message).toMatch(/amout/)
  })

  it('a type error in a condition', async () => {
    const text = podText.replace("pass: opportunity.stage != 'Closed Lost'", 'pass: opportunity.stage != 3')
    const line = text.split('\n').findIndex((l) => l.includes('opportunity.stage != 3')) + 1
    expect((await publishError(text)).message).toContain(`pod.yaml:${line}`)
  })

  it('a threshold of the wrong type, naming the parameter', async () => {
    const text = withThreshold('"5000"')
    const parameterLine = text.split('\n').findIndex((l) => l.includes('spend_threshold: "5000"')) + 1
    const error = await publishError(text)
    expect(error.message).toContain('params.spend_threshold is string')
    expect(error.message).toContain(`pod.yaml:${parameterLine}`)
  })
})

describe('ops.ruleset_versions', () => {
  it('is append-only: published versions cannot be changed or deleted', async () => {
    await expect(db.sql`update ops.ruleset_versions set author = 'mallory'`).rejects.toThrow(/append-only/)
    await expect(db.sql`delete from ops.ruleset_versions`).rejects.toThrow(/append-only/)
    await expect(db.sql`truncate ops.ruleset_versions cascade`).rejects.toThrow(/append-only/)
  })
})

function silent() {
  return { debug() {}, info() {}, warn() {}, error() {}, child: () => silent() }
}
