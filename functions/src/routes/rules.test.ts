// The rules routes: the tenant's file before anything is published, invalid rulesets refused with the
// line, simulation against current decisions, publishing versions (with their diff and audit), and rules
// too costly to evaluate refused without holding the event loop.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { useTestDatabase } from '@revops/db/testing'
import { ensurePublished, evaluateDecisions } from '@revops/engine/decisions'
import { longestStall } from '@revops/engine/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture
let app: TestApp
let podYaml: string

const call: TestApp['call'] = (path, init) => app.call(path, init)

beforeAll(async () => {
  fixture = await createDecisionsFixture(db, { publish: false })
  app = await createTestApp(db.sql, db.url, fixture.tenant)
  podYaml = await readFile(path.join(fixture.tenant.dir, 'rules', 'pod.yaml'), 'utf8')
}, 180_000)
afterAll(async () => {
  await app.close()
  await fixture.dispose()
})

describe('rules API', () => {
  it("shows the tenant's unpublished file, then the published version", async () => {
    const before = await call('/api/v1/rules/pod/config')
    expect(before.status).toBe(200)
    expect(before.body.data).toMatchObject({ ruleset: 'pod', version: null, yaml: podYaml })
    expect(before.body.data.content.rules.map((rule: { id: string }) => rule.id)).toContain('spend_threshold')
    // Evaluating never publishes; the pipeline's first run publishes the tenant's own file.
    const evaluate = await call('/api/v1/decisions/evaluate', { method: 'POST', json: { as_of: AS_OF } })
    expect(evaluate.status).toBe(404)
    expect(evaluate.body.error.message).toMatch(/ruleset pod has no published version/)
    await ensurePublished(db.sql, fixture.tenant)
    await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF, actor: 'system' })
    const after = await call('/api/v1/rules/pod/config')
    expect(after.body.data).toMatchObject({ version: 1, author: 'system', yaml: podYaml })
    expect(after.body.data.content_hash).toBe(before.body.data.content_hash)
    expect((await call('/api/v1/rules/nope/config')).status).toBe(404)
  })

  it('rejects invalid rulesets with the line and the problem, publishing nothing', async () => {
    const cases = [
      [podYaml.replace('spend_threshold: 5000', 'spend_threshold: [5000'), /line \d+/],
      [
        podYaml.replace('spend.amount < params.spend_threshold', 'spend.amont < params.spend_threshold'),
        /spend\.amont/,
      ],
      [podYaml.replace('spend_threshold: 5000', "spend_threshold: 'five thousand'"), /spend_threshold/],
    ] as const
    for (const [yaml, message] of cases) {
      const { status, body } = await call('/api/v1/rules/pod/config', { method: 'PUT', json: { yaml } })
      expect(status).toBe(400)
      expect(body.error.code).toBe('invalid_config')
      expect(body.error.message).toMatch(message)
    }
    const other = await call('/api/v1/rules/pod-acme/config', { method: 'PUT', json: { yaml: podYaml } })
    expect(other.status).toBe(400)
    expect(other.body.error.message).toMatch(/declares ruleset pod/)
    expect((await call('/api/v1/rules/pod/config', { method: 'PUT', json: {} })).status).toBe(400)
    const versions = await call('/api/v1/rules/pod/versions')
    expect(versions.body.data.map((v: { version: number }) => v.version)).toEqual([1])
  })

  it('simulates an edit against current decisions, then publishes it as a new version', async () => {
    const edited = podYaml.replace('spend_threshold: 5000', 'spend_threshold: 1000000')
    const simulated = await call('/api/v1/rules/pod/simulate', {
      method: 'POST',
      json: { yaml: edited, as_of: AS_OF },
    })
    expect(simulated.status).toBe(200)
    const report = simulated.body.data
    expect(report.current).toMatchObject({ ruleset: 'pod', version: 1 })
    expect(report.diff.parameters_changed).toEqual([
      { name: 'spend_threshold', before: 5000, after: 1000000 },
    ])
    expect(report.evaluated).toBe(fixture.truth.length)
    // A higher threshold only ever lets more through.
    expect(report.counts.candidate.auto_reject).toBeLessThanOrEqual(report.counts.current.auto_reject)
    for (const change of report.changes) {
      expect(change.rules.map((rule: { rule_id: string }) => rule.rule_id)).toContain('spend_threshold')
      expect(change.decision_id).toMatch(/^\d+$/)
    }

    const published = await call('/api/v1/rules/pod/config', { method: 'PUT', json: { yaml: edited } })
    expect(published.status).toBe(201)
    expect(published.body.data).toMatchObject({ version: 2, author: 'tests', yaml: edited })
    const again = await call('/api/v1/rules/pod/config', { method: 'PUT', json: { yaml: edited } })
    expect(again.status).toBe(200)
    expect(again.body.data.version).toBe(2)
    const versions = await call('/api/v1/rules/pod/versions')
    expect(versions.body.data.map((v: { version: number }) => v.version)).toEqual([2, 1])
    const diff = await call('/api/v1/rules/pod/diff?from=1&to=2')
    expect(diff.body.data.parameters_changed).toEqual([
      { name: 'spend_threshold', before: 5000, after: 1000000 },
    ])
    const v1 = await call('/api/v1/rules/pod/config?version=1')
    expect(v1.body.data.yaml).toBe(podYaml)
    const audit = await call('/api/v1/audit?action=ruleset.published')
    expect(audit.body.data.items[0]).toMatchObject({ actor: 'tests', subject_type: 'ruleset' })
    // Today's decisions are made again with the new version (what the queued job does).
    await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF, actor: 'tests' })
  })
})

describe('rules that cost too much', () => {
  // Five nested comprehensions over ten elements: 100,000 steps per opportunity (the reported ruleset).
  const nested = [1, 2, 3, 4, 5].reduce(
    (body, depth) => `[1,2,3,4,5,6,7,8,9,10].all(x${depth}, ${body})`,
    'x1 + x2 + x3 + x4 + x5 > 0',
  )

  it('are refused when published or simulated, naming the rule, without holding the event loop', async () => {
    const costly = podYaml.replace(
      'spend.amount < params.spend_threshold',
      `spend.amount < params.spend_threshold && ${nested}`,
    )
    for (const [method, url] of [
      ['PUT', '/api/v1/rules/pod/config'],
      ['POST', '/api/v1/rules/pod/simulate'],
    ] as const) {
      const { result, stallMs } = await longestStall(() =>
        call(url, { method, json: { yaml: costly, as_of: AS_OF } }),
      )
      const response = result as Awaited<ReturnType<typeof call>>
      expect(response.status).toBe(400)
      expect(response.body.error.code).toBe('invalid_config')
      expect(response.body.error.message).toMatch(/rules\.spend_threshold\.pass: is too costly to evaluate/)
      expect(stallMs).toBeLessThan(100)
    }
  })

  it('keep a large simulation off the event loop', async () => {
    // Fifty more rules of the largest size a body may carry, each a dozen comparisons long.
    const condition = Array.from(
      { length: 12 },
      (_, i) => `spend.amount < double(params.spend_threshold + ${i})`,
    ).join(' || ')
    const extra = Array.from(
      { length: 50 },
      (_, i) => `  - id: extra_${i}
    description: Extra rule ${i}.
    severity: review
    requires: [spend.amount]
    pass: ${condition}
    explanation: 'Spend {{spend.amount | usd}}'
`,
    ).join('')
    const large = `${podYaml.trimEnd()}\n${extra}`
    const { result, stallMs } = await longestStall(() =>
      call('/api/v1/rules/pod/simulate', { method: 'POST', json: { yaml: large, as_of: AS_OF } }),
    )
    const response = result as Awaited<ReturnType<typeof call>>
    expect(response.status).toBe(200)
    expect(response.body.data.evaluated).toBe(fixture.truth.length)
    expect(stallMs).toBeLessThan(100)
  })
})
