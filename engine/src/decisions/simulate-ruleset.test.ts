import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError } from '../shared/errors.ts'
import { evaluateDecisions } from './evaluate-decisions.ts'
import { ensurePublished, rulesDirOf } from './publish-ruleset.ts'
import { simulateRuleset } from './simulate-ruleset.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture
let podText: string

async function written() {
  const [row] = await db.sql<{ decisions: number; versions: number; events: number }[]>`
    select (select count(*)::int from ops.decisions) as decisions,
           (select count(*)::int from ops.ruleset_versions) as versions,
           (select count(*)::int from ops.audit_events) as events`
  return row!
}

beforeAll(async () => {
  fixture = await createDecisionsFixture(db, { publish: false })
  podText = await readFile(path.join(rulesDirOf(fixture.tenant), 'pod.yaml'), 'utf8')
})
afterAll(() => fixture.dispose())

describe('simulateRuleset', () => {
  it('uses the unpublished tenant file as the current ruleset when nothing is published, writing nothing', async () => {
    const report = await simulateRuleset(db.sql, { tenant: fixture.tenant, text: podText, asOf: AS_OF })
    expect(report.current.version).toBeNull()
    expect(report.diff.identical).toBe(true)
    expect(report.changes).toEqual([])
    expect(report.counts.candidate).toEqual(report.counts.current)
    expect(await written()).toEqual({ decisions: 0, versions: 0, events: 0 })
  })

  it("shows how a lower spend threshold would change today's decisions, before it is published", async () => {
    await ensurePublished(db.sql, fixture.tenant)
    await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF })
    const before = await written()
    const candidate = podText.replace('spend_threshold: 5000', 'spend_threshold: 1')
    const report = await simulateRuleset(db.sql, { tenant: fixture.tenant, text: candidate, asOf: AS_OF })
    expect(report.current).toMatchObject({ ruleset: 'pod', version: 1 })
    expect(report.diff.parameters_changed).toEqual([{ name: 'spend_threshold', before: 5000, after: 1 }])
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)
    expect(total(report.counts.current)).toBe(report.evaluated)
    expect(total(report.counts.candidate)).toBe(report.evaluated)
    // Today's decisions are the current counts.
    const stored = await db.sql<{ outcome: string; n: number }[]>`
      select outcome, count(*)::int as n from ops.current_decisions group by outcome`
    for (const { outcome, n } of stored) expect(report.counts.current[outcome as 'auto_approve']).toBe(n)
    expect(report.changes.length).toBeGreaterThan(0)
    const current = await db.sql<{ ace_id: string; decision_id: string }[]>`
      select ace_id, decision_id::text from ops.current_decisions`
    const currentIds = new Map(current.map((row) => [row.ace_id, row.decision_id]))
    for (const change of report.changes) {
      // Each change names its customer and the decision a reader would open.
      expect(change.decision_id).toBe(currentIds.get(change.ace_id))
      expect(change.customer_name).toEqual(expect.any(String))
      expect(change.after).toBe('auto_reject')
      expect(change.rules).toContainEqual({ rule_id: 'spend_threshold', before: 'pass', after: 'fail' })
    }
    expect(report.counts.candidate.auto_reject - report.counts.current.auto_reject).toBe(
      report.changes.length,
    )
    expect(await written()).toEqual(before)
  })

  it('names the line of a candidate that does not compile', async () => {
    const candidate = podText.replace(
      'pass: spend.amount < params.spend_threshold',
      'pass: spend.amount < "x"',
    )
    const line = candidate.split('\n').findIndex((l) => l.includes('spend.amount < "x"')) + 1
    const error = await simulateRuleset(db.sql, {
      tenant: fixture.tenant,
      text: candidate,
      fileName: 'candidate.yaml',
      asOf: AS_OF,
    }).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toContain(`candidate.yaml:${line}`)
  })
})
