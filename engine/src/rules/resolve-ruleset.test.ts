import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, NotFoundError, ValidationError } from '../shared/errors.ts'
import { listRulesetNames, loadRuleset } from './load-ruleset.ts'
import { parseRulesetText, rulesetFromContent } from './resolve-ruleset.ts'

const RULES_DIR = path.resolve(import.meta.dirname, '../../../tenants/demo/rules')

const BASE = `ruleset: base
description: Base rules.
parameters:
  spend_threshold: 5000
  stages: [Launched]
rules:
  - id: active
    description: Not lost.
    severity: critical
    pass: opportunity.stage != 'Closed Lost'
    explanation: Stage {{opportunity.stage}}.
  - id: spend
    description: Low spend.
    severity: critical
    pass: spend.amount < params.spend_threshold
    explanation: '{{spend.amount | usd}}'
`

function parseWith(files: Record<string, string>, name: string) {
  return parseRulesetText(files[name]!, { name, resolveFile: (parent) => files[parent] })
}

async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(ConfigError)
  return error as ConfigError
}

describe('parseRulesetText', () => {
  it('fills rule defaults and makes absent optional fields explicit', async () => {
    const resolved = await parseWith({ base: BASE }, 'base')
    expect(resolved.files).toEqual(['base.yaml'])
    expect(resolved.content.rules[0]).toEqual({
      id: 'active',
      description: 'Not lost.',
      severity: 'critical',
      enabled: true,
      requires: [],
      review_if: null,
      pass: "opportunity.stage != 'Closed Lost'",
      fail: null,
      explanation: 'Stage {{opportunity.stage}}.',
      facts: null,
    })
    expect(resolved.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(resolved.locations.get('rules.spend.pass')).toEqual({ file: 'base.yaml', line: 15, block: false })
  })

  it('applies extends and overrides, keeping where each value was written', async () => {
    const child = `ruleset: child
description: Child rules.
extends: base
parameters:
  name_min: 0.9
rules:
  - id: extra
    description: Extra.
    severity: review
    pass: pipeline.open_on_account == 0
    explanation: Fine.
overrides:
  parameters:
    spend_threshold: 10000
  rules:
    active:
      severity: review
      fail: opportunity.stage == 'Closed Lost'
`
    const resolved = await parseWith({ base: BASE, child }, 'child')
    expect(resolved.files).toEqual(['child.yaml', 'base.yaml'])
    expect(resolved.content.parameters).toEqual({
      spend_threshold: 10000,
      stages: ['Launched'],
      name_min: 0.9,
    })
    expect(resolved.content.rules.map((rule) => rule.id)).toEqual(['active', 'spend', 'extra'])
    expect(resolved.content.rules[0]).toMatchObject({
      severity: 'review',
      fail: "opportunity.stage == 'Closed Lost'",
    })
    expect(resolved.locations.get('rules.active.fail')).toMatchObject({ file: 'child.yaml', line: 18 })
    expect(resolved.locations.get('rules.active.pass')).toMatchObject({ file: 'base.yaml', line: 10 })
    expect(resolved.locations.get('parameters.spend_threshold')).toMatchObject({
      file: 'child.yaml',
      line: 14,
    })
  })

  it('removes an optional field overridden with null', async () => {
    const withFail = BASE.replace(
      "    pass: opportunity.stage != 'Closed Lost'",
      "    pass: 'true'\n    fail: 'false'",
    )
    const child =
      'ruleset: child\ndescription: C.\nextends: base\noverrides:\n  rules:\n    active: { fail: null }\n'
    const resolved = await parseWith({ base: withFail, child }, 'child')
    expect(resolved.content.rules[0]!.fail).toBeNull()
  })

  it('hashes content, not layout', async () => {
    const a = await parseWith({ base: BASE }, 'base')
    const relaid = BASE.replace('  stages: [Launched]', '  stages:\n    - Launched').replace(
      "    pass: opportunity.stage != 'Closed Lost'",
      "    pass: >-\n      opportunity.stage != 'Closed Lost'",
    )
    const b = await parseWith({ base: relaid }, 'base')
    expect(b.contentHash).toBe(a.contentHash)
    const changed = await parseWith({ base: BASE.replace('5000', '5001') }, 'base')
    expect(changed.contentHash).not.toBe(a.contentHash)
  })

  it('names the line of invalid YAML', async () => {
    const error = await problemsOf(parseWith({ base: `${BASE}  - id: [unclosed\n` }, 'base'))
    expect(error.message).toMatch(/base\.yaml:18/)
    const tabs = await problemsOf(parseWith({ base: BASE.replace('parameters:', 'parameters: : :') }, 'base'))
    expect(tabs.message).toMatch(/base\.yaml:3/)
  })

  it('rejects a misspelt key, naming the line', async () => {
    const typo = BASE.replace(
      '  - id: spend\n    description: Low spend.\n',
      '  - id: spend\n    description: Low spend.\n    sevrity: x\n',
    )
    const typoError = await problemsOf(parseWith({ base: typo }, 'base'))
    expect(typoError.message).toMatch(/base\.yaml:1[2-5].*sevrity/)
  })

  it('rejects a ruleset whose name is not its file', async () => {
    const error = await problemsOf(parseWith({ other: BASE }, 'other'))
    expect(error.message).toContain('other.yaml:1 at ruleset')
    expect(error.message).toContain('says "base" but the file is ruleset "other"')
  })

  it('rejects an extends cycle', async () => {
    const a = 'ruleset: a\ndescription: A.\nextends: b\n'
    const b = 'ruleset: b\ndescription: B.\nextends: a\n'
    const error = await problemsOf(parseWith({ a, b }, 'a'))
    expect(error.message).toContain('b.yaml:3 at extends: extends cycle: a → b → a')
  })

  it('rejects an unknown extended ruleset', async () => {
    const error = await problemsOf(parseWith({ a: 'ruleset: a\ndescription: A.\nextends: nope\n' }, 'a'))
    expect(error.message).toContain('a.yaml:3 at extends: unknown ruleset nope')
  })

  it('rejects an override of an unknown rule id, naming the line and the known ids', async () => {
    const child =
      'ruleset: child\ndescription: C.\nextends: base\noverrides:\n  rules:\n    actve:\n      enabled: false\n'
    const error = await problemsOf(parseWith({ base: BASE, child }, 'child'))
    expect(error.message).toContain(
      'child.yaml:7 at overrides.rules.actve: unknown rule id actve (known: active, spend)',
    )
  })

  it('rejects a parameter overridden with another kind of value', async () => {
    const child =
      "ruleset: child\ndescription: C.\nextends: base\noverrides:\n  parameters:\n    spend_threshold: 'ten thousand'\n"
    const error = await problemsOf(parseWith({ base: BASE, child }, 'child'))
    expect(error.message).toContain(
      'child.yaml:6 at overrides.parameters.spend_threshold: parameter spend_threshold must stay a number (base.yaml:4), got a string',
    )
  })

  it('rejects redefining an inherited rule or parameter outside overrides', async () => {
    const child = `ruleset: child
description: C.
extends: base
parameters:
  spend_threshold: 1
rules:
  - id: spend
    description: Again.
    severity: review
    pass: 'true'
    explanation: x
`
    const error = await problemsOf(parseWith({ base: BASE, child }, 'child'))
    expect(error.message).toContain(
      'child.yaml:5 at parameters.spend_threshold: parameter spend_threshold is already defined',
    )
    expect(error.message).toContain(
      'child.yaml:7 at rules.spend: rule spend is already defined (base.yaml:12)',
    )
  })

  it('rejects duplicate rule ids and overrides without extends', async () => {
    const duplicate = BASE.replace('  - id: spend', '  - id: active')
    expect((await problemsOf(parseWith({ base: duplicate }, 'base'))).message).toContain(
      'duplicate rule id active',
    )
    const overrides = `${BASE}overrides:\n  parameters:\n    spend_threshold: 1\n`
    expect((await problemsOf(parseWith({ base: overrides }, 'base'))).message).toContain(
      'overrides need `extends`',
    )
  })
})

describe('rulesetFromContent', () => {
  it('round-trips published content to the same hash', async () => {
    const resolved = await parseWith({ base: BASE }, 'base')
    const stored = JSON.parse(JSON.stringify(resolved.content))
    expect(rulesetFromContent(stored).contentHash).toBe(resolved.contentHash)
  })

  it('rejects stored content that does not fit the schema', () => {
    expect(() =>
      rulesetFromContent({ ruleset: 'x', description: 'x', parameters: {}, rules: [{ id: 'a' }] }),
    ).toThrow(ConfigError)
  })
})

describe('loadRuleset', () => {
  it('loads the demo tenant rulesets and resolves the example', async () => {
    const pod = await loadRuleset(RULES_DIR, 'pod')
    const acme = await loadRuleset(RULES_DIR, 'pod-acme.example')
    expect(acme.files.map((file) => path.basename(file))).toEqual(['pod-acme.example.yaml', 'pod.yaml'])
    expect(acme.content.parameters.spend_threshold).toBe(10000)
    expect(pod.content.parameters.spend_threshold).toBe(5000)
    expect(acme.contentHash).not.toBe(pod.contentHash)
  })

  it('says which file it expected for an unknown ruleset, and refuses a path for a name', async () => {
    await expect(loadRuleset(RULES_DIR, 'nope')).rejects.toThrow(
      /no ruleset "nope" \(expected rules\/nope.yaml\)/,
    )
    await expect(loadRuleset(RULES_DIR, 'nope')).rejects.toThrow(NotFoundError)
    for (const name of ['../tenant', '../../other/rules/pod', '/etc/passwd', 'a/b', 'x'.repeat(65)])
      await expect(loadRuleset(RULES_DIR, name)).rejects.toThrow(ValidationError)
  })

  it('lists the rulesets to publish, examples only when asked', async () => {
    expect(await listRulesetNames(RULES_DIR)).toEqual(['pod'])
    expect(await listRulesetNames(RULES_DIR, { includeExamples: true })).toEqual([
      'pod',
      'pod-acme.example',
      'pod-discount.example',
    ])
  })
})
