import { useTestDatabase } from '@revops/db/testing'
import { readGroundTruth } from '@revops/lab/demo'
import { evaluateTenant } from '@revops/lab/evaluation'
import { createDemoFixture, type DemoFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../shared/logger.ts'
import { loadMatchingConfig } from './config/load-matching-config.ts'
import type { MatchingConfig } from './config/matching-config.ts'
import { exportMatchRows } from './export-matches.ts'
import { matchTenant } from './match-tenant.ts'
import { createMatchingSession } from './matching-session.ts'
import { readMatches } from './store/read-matches.ts'
import { recordReview } from './store/record-review.ts'

const db = useTestDatabase()
let fixture: DemoFixture
let config: MatchingConfig
let truth: Map<string, string | null>

beforeAll(async () => {
  fixture = await createDemoFixture(db, {
    size: { companies: 70, odooOpportunities: 160, aceOpportunities: 130, billingMonths: 2 },
  })
  config = await loadMatchingConfig(fixture.tenant)
  truth = new Map(
    (await readGroundTruth(fixture.truthUrl)).map((r) => [
      r.aceId,
      r.odooLeadId === null ? null : String(r.odooLeadId),
    ]),
  )
}, 120_000)
afterAll(() => fixture.dispose())

const run = (mode: 'auto' | 'full' = 'auto') =>
  matchTenant({ sql: db.sql, tenantId: 'demo', config, mode, log: silentLogger })

describe('matchTenant', () => {
  it('matches the demo without labels, with calibrated probabilities and high blocking recall', async () => {
    const report = await run()
    expect(report.mode).toBe('full')
    expect(report.rescored).toBe(130)
    const evaluation = await evaluateTenant(db.sql, 'demo', config, truth)
    expect(evaluation.atReview.f1).toBeGreaterThan(0.9)
    expect(evaluation.atAutoLink.precision).toBeGreaterThan(0.95)
    expect(evaluation.blocking.recall).toBeGreaterThan(0.95)
    expect(evaluation.calibration.expectedCalibrationError).toBeLessThan(0.05)
    // no Odoo opportunity is linked automatically to two ACE opportunities: the weaker is held for review
    const contested = await db.sql`
      select right_id from match.candidates where tenant_id = 'demo' and selected and band = 'auto_link'
      group by right_id having count(*) > 1`
    expect(contested).toEqual([])
    // an agreeing company name says how common it is (term-frequency adjustment, part of its bits)
    const [names] = await db.sql<{ total: number; adjusted: number }[]>`
      select count(*)::int as total, count(c -> 'term_frequency')::int as adjusted
      from match.candidates m, jsonb_array_elements(m.explanation -> 'contributions') c
      where m.tenant_id = 'demo' and c ->> 'comparison' = 'company_name' and c ->> 'level' = 'same name'`
    expect(names!.total).toBeGreaterThan(0)
    expect(names!.adjusted).toBe(names!.total)
  })

  it('explains every probability: prior + contributions − competition = log-odds', async () => {
    const [someAce] = [...truth.entries()].find(([, lead]) => lead !== null)!
    const matches = await readMatches(db.sql, 'demo', 'ace_opportunity', someAce)
    expect(matches.length).toBeGreaterThan(0)
    for (const match of matches) {
      const e = match.explanation
      const bits = e.prior.bits + e.contributions.reduce((sum, c) => sum + c.bits, 0) - e.competition.bits
      const probability = 1 / (1 + 2 ** -bits)
      expect(probability).toBeCloseTo(match.probability, 6)
      expect(e.contributions.map((c) => c.comparison)).toEqual(config.comparisons.map((c) => c.name))
      // a dependent comparison names the comparison it was weighed given, and that one's level here
      e.contributions.forEach((c, index) => {
        const given = config.comparisons[index]!.given
        expect(c.given?.comparison).toBe(given)
        if (given) expect(c.given!.level).toBe(e.contributions.find((p) => p.comparison === given)!.level)
      })
      expect(match.provenance.length).toBeGreaterThan(0)
    }
  })

  it('re-scores only what changed on an incremental run', async () => {
    const unchanged = await run()
    expect(unchanged.mode).toBe('incremental')
    expect(unchanged.rescored).toBe(0)
    const [ace] = await db.sql`select ace_id from core.ace_opportunities order by ace_id limit 1`
    await db.sql`update core.ace_opportunities set title = 'Something else entirely', normalized_at = now() where ace_id = ${ace!.ace_id}`
    const report = await run()
    expect(report.mode).toBe('incremental')
    expect(report.rescored).toBeGreaterThanOrEqual(1)
    expect(report.rescored).toBeLessThan(10)
  })

  it('applies reviewers’ decisions, keeps them append-only and learns from them', async () => {
    const [ace, lead] = [...truth.entries()].find(([, l]) => l !== null)!
    const before = await readMatches(db.sql, 'demo', 'ace_opportunity', ace)
    const wrong = before.find((m) => m.right_id !== lead)
    const right = before.find((m) => m.right_id === lead)!
    if (wrong) {
      const confirmed = await recordReview(db.sql, {
        tenantId: 'demo',
        config,
        candidateId: wrong.id,
        decision: 'confirm',
        reviewer: 'ana',
        note: 'checked',
      })
      expect(confirmed.selected).toBe(true)
      expect(confirmed.review).toMatchObject({ decision: 'confirm', reviewer: 'ana', note: 'checked' })
    }
    const rejected = await recordReview(db.sql, {
      tenantId: 'demo',
      config,
      candidateId: right.id,
      decision: 'reject',
      reviewer: 'ana',
    })
    expect(rejected.selected).toBe(false)
    await expect(db.sql`update match.reviews set decision = 'confirm'`).rejects.toThrow(/append-only/)
    await expect(db.sql`delete from match.reviews`).rejects.toThrow(/append-only/)
    // On demand, the rejected pair gets probability 0 and its siblings share the rest.
    const session = createMatchingSession({ tenantId: 'demo', config })
    const after = await session.matchOne(db.sql, ace)
    expect(after.find((m) => m.right_id === lead)?.probability ?? 0).toBe(0)
    const full = await run('full')
    expect(full.estimation).toMatchObject({ labels: wrong ? 2 : 1 })
  })

  it('exports one row per ACE opportunity', async () => {
    const rows = []
    for await (const row of exportMatchRows(db.sql, 'demo', config)) rows.push(row)
    expect(rows).toHaveLength(130)
    const linked = rows.filter((r) => r[1] !== '')
    expect(linked.length).toBeGreaterThan(80)
    for (const row of linked) expect(Number(row[2])).toBeGreaterThanOrEqual(0.7)
  })

  it('redoes a single-record match PostgreSQL aborted as a deadlock, and records the aborted attempt as failed', async () => {
    // The fault: the first update of candidates after this point fails as PostgreSQL fails a deadlock's
    // victim (a sequence, not a flag: the failing statement's own writes are rolled back).
    await db.sql.unsafe(`
      create sequence public.deadlock_fault;
      create function public.deadlock_once() returns trigger language plpgsql as $$
      begin
        if nextval('public.deadlock_fault') = 1 then
          raise exception 'deadlock detected (injected)' using errcode = 'deadlock_detected';
        end if;
        return null;
      end $$;
      create trigger deadlock_once before update on match.candidates
        for each statement execute function public.deadlock_once();`)
    try {
      const [ace] = [...truth.keys()]
      const [before] = await db.sql<{ last: string }[]>`
        select coalesce(max(run_id), 0)::text as last from match.runs`
      const last = before!.last
      const session = createMatchingSession({ tenantId: 'demo', config })
      const matches = await session.matchOne(db.sql, ace!)
      expect(matches.length).toBeGreaterThan(0)
      const runs = await db.sql<{ status: string; error: string | null }[]>`
        select status, error from match.runs where run_id > ${last} order by run_id`
      expect(runs).toEqual([
        { status: 'failed', error: 'deadlock detected (injected)' },
        { status: 'succeeded', error: null },
      ])
    } finally {
      await db.sql.unsafe(`drop trigger deadlock_once on match.candidates;
        drop function public.deadlock_once(); drop sequence public.deadlock_fault;`)
    }
  })
})
