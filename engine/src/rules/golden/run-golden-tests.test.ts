// The golden cases of the demo tenant are the CI run of its rules: each case is one test here.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../shared/errors.ts'
import { formatGoldenResults, runGoldenTests } from './run-golden-tests.ts'

const RULES_DIR = path.resolve(import.meta.dirname, '../../../../tenants/demo/rules')
const results = await runGoldenTests(RULES_DIR)

describe('golden cases of tenants/demo/rules', () => {
  it.each(results.map((result) => [`${path.basename(result.file)}:${result.line} ${result.name}`, result]))(
    '%s',
    (_name, result) => {
      expect(result.failures).toEqual([])
      expect(result.passed).toBe(true)
    },
  )

  it('covers every rule of the default ruleset', () => {
    const tested = new Set(results.filter((result) => result.ruleset === 'pod').map((result) => result.rule))
    for (const rule of [
      'active_opportunity',
      'partner_originated',
      'spend_threshold',
      'end_user_reporting',
      'match_confidence',
      'timeline',
      'competing_opportunity',
      'discount_benefit_window',
    ]) {
      expect(tested, rule).toContain(rule)
    }
  })
})

describe('runGoldenTests', () => {
  async function withFixture(fixture: string, run: (dir: string) => Promise<void>) {
    const dir = await mkdtemp(path.join(tmpdir(), 'rules-golden-'))
    try {
      await cp(path.join(RULES_DIR, 'pod.yaml'), path.join(dir, 'pod.yaml'))
      await mkdir(path.join(dir, 'tests'))
      await writeFile(path.join(dir, 'tests', 'fixture.yaml'), fixture)
      await run(dir)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  it('reports what differs when a case is wrong', async () => {
    const fixture = `rule: spend_threshold
as_of: 2025-06-15
cases:
  - name: wrong on purpose
    facts: { spend: { amount: 5000 } }
    expect: { result: pass, outcome: auto_approve, explanation_contains: nonsense }
`
    await withFixture(fixture, async (dir) => {
      const [result] = await runGoldenTests(dir)
      expect(result!.passed).toBe(false)
      expect(result!.line).toBe(4)
      expect(result!.failures).toEqual([
        'outcome: expected auto_approve, got auto_reject',
        expect.stringContaining('spend_threshold: expected pass, got fail'),
        expect.stringContaining('explanation lacks "nonsense"'),
      ])
      expect(formatGoldenResults([result!], dir)).toContain(
        'FAIL tests/fixture.yaml:4 spend_threshold: wrong on purpose',
      )
    })
  })

  it('rejects a fixture naming an unknown fact, with its line', async () => {
    const fixture = `as_of: 2025-06-15
cases:
  - name: typo
    facts:
      spend: { amout: 1 }
    expect: { outcome: auto_approve }
`
    await withFixture(fixture, async (dir) => {
      const error = await runGoldenTests(dir).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(ConfigError)
      expect((error as Error).message).toMatch(
        /fixture\.yaml:5 at cases\.0\.facts\.spend\.amout: unknown fact spend\.amout/,
      )
    })
  })
})
