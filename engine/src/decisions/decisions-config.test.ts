import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfigError } from '../shared/errors.ts'
import { DEFAULT_DECISIONS_CONFIG, loadDecisionsConfig } from './decisions-config.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'decisions-config-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('loadDecisionsConfig', () => {
  it('has no end-user source and the default match comparisons without a decisions.yaml', async () => {
    expect(await loadDecisionsConfig(dir)).toEqual(DEFAULT_DECISIONS_CONFIG)
    expect(DEFAULT_DECISIONS_CONFIG.end_user).toBeNull()
    expect(DEFAULT_DECISIONS_CONFIG.match).toMatchObject({
      name_comparison: 'company_name',
      domain_comparison: 'domain',
    })
  })

  it('reads an end-user source with default field names', async () => {
    await writeFile(path.join(dir, 'decisions.yaml'), '# end-user reports\nend_user:\n  source: apn\n')
    expect((await loadDecisionsConfig(dir)).end_user).toEqual({
      source: 'apn',
      table: 'end_user',
      fields: {
        opportunity_id: 'opportunity_id',
        aws_account: 'aws_account',
        usage_type: 'usage_type',
        government_advising: 'government_advising',
        reported_date: 'reported_date',
      },
    })
  })

  it('treats a file of comments as the defaults', async () => {
    await writeFile(path.join(dir, 'decisions.yaml'), '# nothing configured yet\n')
    expect(await loadDecisionsConfig(dir)).toEqual(DEFAULT_DECISIONS_CONFIG)
  })

  it('names the line of a problem', async () => {
    await writeFile(path.join(dir, 'decisions.yaml'), 'end_user:\n  source: apn\n  tabel: end_user\n')
    const error = await loadDecisionsConfig(dir).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toMatch(/decisions\.yaml:\d/)
    expect((error as Error).message).toMatch(/tabel/)
  })
})
