// Decisions over time: append-only storage, re-evaluation that appends only what changed, reviews,
// reproducing an older version's decisions, the history of one opportunity and the pipeline stage.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { TransactionSql } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAuditEvents } from '../audit/audit-events.ts'
import { ConflictError, ValidationError } from '../shared/errors.ts'
import { stageContext } from '../stage/stage.ts'
import { decideStage } from './decide-stage.ts'
import { readDecisionHistory } from './decision-history.ts'
import { lockDecisionForReview, lockTenantDecisions } from './decision-store.ts'
import { evaluateDecisions } from './evaluate-decisions.ts'
import { publishRulesetText, rulesDirOf } from './publish-ruleset.ts'
import { DETAIL_REVIEWS, readCurrentDecision, readDecision } from './read-decisions.ts'
import { reproduceDecision } from './reproduce-decision.ts'
import { reviewDecision } from './review-decision.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture

const evaluate = (options: { asOf?: string; version?: number; aceIds?: string[] } = {}) =>
  evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF, ...options })

async function count(table: string): Promise<number> {
  const [row] = await db.sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`)
  return row!.n
}

async function currentOutcomes(): Promise<Map<string, string>> {
  const rows = await db.sql<{ ace_id: string; outcome: string }[]>`
    select ace_id, outcome from ops.current_decisions where tenant_id = 'demo'`
  return new Map(rows.map((row) => [row.ace_id, row.outcome]))
}

beforeAll(async () => {
  fixture = await createDecisionsFixture(db, { publish: false })
})
afterAll(() => fixture.dispose())

describe('the decide stage', () => {
  it('decides every ACE opportunity at the pipeline date, publishing version 1 from the tenant file', async () => {
    const report = await decideStage.run(
      stageContext({ tenant: fixture.tenant, sql: db.sql, url: db.url, asOf: AS_OF }),
      decideStage.options.parse({ publishConfigured: true }),
    )
    const decided = await count('ops.decisions')
    expect(decided).toBe(fixture.truth.length)
    expect(report).toMatchObject({ version: 1, evaluated: decided, appended: decided, published: true })
    const outcomes = [...(await currentOutcomes()).values()]
    if ('skipped' in report) throw new Error(report.skipped)
    expect(report.outcomes.auto_approve + report.outcomes.needs_review + report.outcomes.auto_reject).toBe(
      outcomes.length,
    )
  })
})

describe('re-evaluation', () => {
  it('appends nothing when nothing changed, not even a day later, and audits each run', async () => {
    const before = await count('ops.decisions')
    const same = await evaluate()
    const nextDay = await evaluate({ asOf: '2026-11-02' })
    expect(same).toMatchObject({ appended: 0, unchanged: before })
    // Only decisions whose results moved with the date (a close date now passed, …) are appended.
    expect(nextDay.appended).toBeLessThan(before / 4)
    const runs = await listAuditEvents(db.sql, 'demo', { action: 'decisions.evaluated', limit: 10 })
    expect(runs.items).toHaveLength(3)
    expect(runs.items[0]!.details).toMatchObject({ as_of: '2026-11-02', evaluated: before, version: 1 })
    await evaluate()
  })

  it('appends one decision when an opportunity changes, and moves its current decision', async () => {
    const [target] = await db.sql<{ ace_id: string }[]>`
      select ace_id from ops.current_decisions where tenant_id = 'demo' and outcome <> 'auto_reject' order by ace_id limit 1`
    const aceId = target!.ace_id
    const previous = await readCurrentDecision(db.sql, 'demo', aceId)
    const before = await count('ops.decisions')
    await db.sql`update core.ace_opportunities set stage = 'Closed Lost' where tenant_id = 'demo' and ace_id = ${aceId}`
    const report = await evaluate()
    expect(report.appended).toBe(1)
    expect(await count('ops.decisions')).toBe(before + 1)
    const current = await readCurrentDecision(db.sql, 'demo', aceId)
    expect(current).toMatchObject({ outcome: 'auto_reject', is_current: true })
    expect(current.failed_rules).toContain('active_opportunity')
    expect(previous.failed_rules).not.toContain('active_opportunity')
    expect(BigInt(current.decision_id)).toBeGreaterThan(BigInt(previous.decision_id))
    const old = await readDecision(db.sql, 'demo', previous.decision_id)
    expect(old).toMatchObject({ is_current: false, current_decision_id: current.decision_id })
  })
})

describe('reviewDecision', () => {
  it('needs a note and a reviewer; the database refuses a blank note too', async () => {
    const [decision] = await db.sql<{ decision_id: string; ace_id: string }[]>`
      select decision_id::text, ace_id from ops.current_decisions where tenant_id = 'demo' order by ace_id limit 1`
    const input = { tenantId: 'demo', decisionId: decision!.decision_id, action: 'approve' as const }
    await expect(reviewDecision(db.sql, { ...input, note: '  ', reviewer: 'ann' })).rejects.toBeInstanceOf(
      ValidationError,
    )
    await expect(reviewDecision(db.sql, { ...input, note: 'ok', reviewer: '' })).rejects.toBeInstanceOf(
      ValidationError,
    )
    await expect(
      db.sql`insert into ops.decision_reviews (tenant_id, decision_id, ace_id, action, note, reviewer)
             values ('demo', ${decision!.decision_id}, ${decision!.ace_id}, 'approve', ' ', 'ann')`,
    ).rejects.toThrow(/check constraint/)
    expect(await count('ops.decision_reviews')).toBe(0)
  })

  it('records an approval of the current decision with its audit event, and shows it in the history', async () => {
    const [decision] = await db.sql<{ decision_id: string; ace_id: string }[]>`
      select decision_id::text, ace_id from ops.current_decisions where tenant_id = 'demo' and outcome = 'needs_review'
      order by ace_id limit 1`
    const review = await reviewDecision(db.sql, {
      tenantId: 'demo',
      decisionId: decision!.decision_id,
      action: 'approve',
      note: 'Customer confirmed the deal with us.',
      reviewer: 'ann',
    })
    expect(review).toMatchObject({ action: 'approve', reviewer: 'ann', ace_id: decision!.ace_id })
    const detail = await readDecision(db.sql, 'demo', decision!.decision_id)
    expect(detail.review).toMatchObject({ action: 'approve', reviewer: 'ann' })
    expect(detail.reviews).toHaveLength(1)
    const history = await readDecisionHistory(db.sql, 'demo', decision!.ace_id)
    expect(history.entries[0]).toMatchObject({
      action: 'decision.approved',
      actor: 'ann',
      details: { decision_id: decision!.decision_id, note: 'Customer confirmed the deal with us.' },
    })
    expect(history.entries.filter((e) => e.action === 'decision.evaluated').length).toBeGreaterThan(0)
  })

  it('is a conflict for a decision that is no longer current', async () => {
    const [superseded] = await db.sql<{ decision_id: string }[]>`
      select d.decision_id::text from ops.decisions d
      where d.tenant_id = 'demo' and d.decision_id not in (select decision_id from ops.current_decisions)
      limit 1`
    const error = await reviewDecision(db.sql, {
      tenantId: 'demo',
      decisionId: superseded!.decision_id,
      action: 'reject',
      note: 'too late',
      reviewer: 'bob',
    }).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(ConflictError)
  })

  it('waits for an evaluation in progress and for a review of the same decision, not for reviews of others', async () => {
    const decisions = await db.sql<{ decision_id: string }[]>`
      select decision_id::text from ops.current_decisions where tenant_id = 'demo' and outcome = 'needs_review'
      order by ace_id offset 1 limit 3`
    const [first, second, third] = decisions.map((d) => d.decision_id)
    const review = (decisionId: string, note: string) =>
      reviewDecision(db.sql, { tenantId: 'demo', decisionId, action: 'reject', note, reviewer: 'cy' })
    /** Runs `body` inside a transaction that holds `lock` until the returned release is called. */
    const holding = async (lock: (tx: TransactionSql) => Promise<void>) => {
      let release = () => {}
      let held = () => {}
      const isHeld = new Promise<void>((resolve) => {
        held = resolve
      })
      const done = db.sql.begin(async (tx) => {
        await lock(tx)
        held()
        await new Promise<void>((resolve) => {
          release = resolve
        })
      })
      await isHeld
      return async () => {
        release()
        await done
      }
    }
    const settledWithin = (promise: Promise<unknown>, ms: number) =>
      Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))])

    // A review of the first decision is in progress: the second is reviewed meanwhile, the first waits.
    const endReview = await holding((tx) => lockDecisionForReview(tx, 'demo', first!))
    const sameDecision = review(first!, 'after the other review')
    try {
      expect(await settledWithin(review(second!, 'side by side'), 5000)).toBe(true)
      expect(await settledWithin(sameDecision, 300)).toBe(false)
    } finally {
      await endReview()
    }
    await expect(sameDecision).resolves.toMatchObject({ decision_id: first })

    // An evaluation holds every decision of the tenant: a review waits for it to commit.
    const endEvaluation = await holding((tx) => lockTenantDecisions(tx, 'demo'))
    const duringEvaluation = review(third!, 'after the evaluation')
    try {
      expect(await settledWithin(duringEvaluation, 300)).toBe(false)
    } finally {
      await endEvaluation()
    }
    await expect(duringEvaluation).resolves.toMatchObject({ decision_id: third })
  })
})

describe('a decision reviewed many times', () => {
  it('carries its latest reviews and how many there are; the history keeps every one', async () => {
    const [decision] = await db.sql<{ decision_id: string; ace_id: string }[]>`
      select decision_id::text, ace_id from ops.current_decisions where tenant_id = 'demo' and outcome = 'needs_review'
      order by ace_id desc limit 1`
    const before = (await readDecision(db.sql, 'demo', decision!.decision_id)).reviews_total
    const times = DETAIL_REVIEWS + 5
    for (let i = 0; i < times; i++) {
      await reviewDecision(db.sql, {
        tenantId: 'demo',
        decisionId: decision!.decision_id,
        action: i % 2 ? 'approve' : 'reject',
        note: `look ${i}`,
        reviewer: 'dee',
      })
    }
    const detail = await readDecision(db.sql, 'demo', decision!.decision_id)
    expect(detail.reviews_total).toBe(before + times)
    expect(detail.reviews).toHaveLength(DETAIL_REVIEWS)
    expect(detail.reviews[0]).toMatchObject({ note: `look ${times - 1}` })
    // Each names the review it replaced, the last one listed too.
    expect(detail.reviews.at(-1)!.supersedes_review_id).not.toBeNull()
    const history = await readDecisionHistory(db.sql, 'demo', decision!.ace_id)
    expect(history.entries.filter((e) => e.actor === 'dee')).toHaveLength(times)
  })
})

describe('reproducibility', () => {
  it("evaluating with version 1 after version 2 was published gives version 1's outcomes again", async () => {
    const version1 = await currentOutcomes()
    const text = await readFile(path.join(rulesDirOf(fixture.tenant), 'pod.yaml'), 'utf8')
    const { version } = await publishRulesetText(
      db.sql,
      text.replace('spend_threshold: 5000', 'spend_threshold: 1'),
      {
        tenantId: 'demo',
        author: 'ann',
      },
    )
    expect(version.version).toBe(2)
    const withVersion2 = await evaluate()
    expect(withVersion2.version).toBe(2)
    const version2 = await currentOutcomes()
    expect(
      [...version2.entries()].filter(([id, outcome]) => version1.get(id) !== outcome).length,
    ).toBeGreaterThan(0)
    const again = await evaluate({ version: 1 })
    expect(again).toMatchObject({ version: 1, appended: version1.size })
    expect(await currentOutcomes()).toEqual(version1)
    const [latest] = await db.sql<{ decision_id: string; ruleset_version: number }[]>`
      select decision_id::text, ruleset_version from ops.current_decisions where tenant_id = 'demo' limit 1`
    expect(latest!.ruleset_version).toBe(1)
    expect(await reproduceDecision(db.sql, 'demo', latest!.decision_id)).toMatchObject({ identical: true })
  })

  it('replays every stored decision with the version it names to the same result', async () => {
    const ids = await db.sql<
      { decision_id: string }[]
    >`select decision_id::text from ops.decisions where tenant_id = 'demo'`
    for (const { decision_id } of ids) {
      const replay = await reproduceDecision(db.sql, 'demo', decision_id)
      expect(replay.differences).toEqual([])
      expect(replay.identical).toBe(true)
    }
  })
})

describe('append-only storage', () => {
  it('refuses to update, delete or truncate decisions, reviews and the audit log', async () => {
    for (const table of ['ops.decisions', 'ops.decision_reviews', 'ops.audit_events']) {
      await expect(db.sql.unsafe(`update ${table} set tenant_id = tenant_id`)).rejects.toThrow(/append-only/)
      await expect(db.sql.unsafe(`delete from ${table}`)).rejects.toThrow(/append-only/)
      await expect(db.sql.unsafe(`truncate ${table} cascade`)).rejects.toThrow(/append-only/)
    }
    expect(await count('ops.decisions')).toBeGreaterThan(0)
  })
})
