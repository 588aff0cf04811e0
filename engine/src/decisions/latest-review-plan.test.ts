import { API_ROLE, runtimeRoleUrl } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey } from '../tenancy/api-keys.ts'
import { createApiDatabase } from '../tenancy/tenant-sql.ts'
import { evaluateDecisions } from './evaluate-decisions.ts'
import { joinLatestReview } from './latest-review.ts'

// The review queue joins each decision's latest review. Reviews pile up on a few decisions (the load
// test reviews the same twenty hundreds of times; a disputed deal gathers many), and from that sample
// PostgreSQL once judged "walk every review from the newest, keep this decision's" the cheaper way to
// the latest one: for each of the hundreds of decisions nobody reviewed, that walked the whole table
// (the queue took 1.1 s at 9,600 reviews, under the API role's row policy). Migration 000021 tells the
// planner reviews are few per decision, so each lookup descends the decision's own index.
const db = useTestDatabase()
let fixture: DecisionsFixture
let api: ReturnType<typeof createApiDatabase>
let key: string

interface PlanNode {
  'Node Type': string
  'Index Name'?: string
  'Relation Name'?: string
  Plans?: PlanNode[]
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)]
}

beforeAll(async () => {
  fixture = await createDecisionsFixture(db)
  await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF, actor: 'ann' })
  // 6,000 reviews over twenty decisions, given in turn (as reviewers take them), the rest unreviewed.
  await db.sql`
    insert into ops.decision_reviews (tenant_id, decision_id, ace_id, action, note, reviewer)
    select d.tenant_id, d.decision_id, d.ace_id, case when n % 2 = 0 then 'approve' else 'reject' end,
           'again', 'load'
    from (select * from ops.current_decisions where tenant_id = 'demo' order by ace_id limit 20) d,
         generate_series(1, 300) n
    order by n, d.ace_id`
  await db.sql`analyze ops.decision_reviews`
  key = (await createApiKey(db.sql, 'demo', 'queue')).key
  api = createApiDatabase(runtimeRoleUrl(db.url, API_ROLE))
})
afterAll(async () => {
  await api?.close()
  await fixture?.dispose()
})

describe("a decision's latest review", () => {
  it("is looked up through the decision's own reviews, not by walking all reviews", async () => {
    const sql = api.forKey(key)
    const [row] = await sql<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>`
      explain (format json)
      select d.decision_id, v.review_id from ops.current_decisions d ${joinLatestReview(sql)}
      where d.tenant_id = 'demo'`
    const scans = nodes(row!['QUERY PLAN'][0].Plan).filter(
      (node) => node['Relation Name'] === 'decision_reviews',
    )
    expect(scans.length).toBeGreaterThan(0)
    for (const scan of scans) expect(scan['Index Name']).toBe('decision_reviews_decision_idx')
    // And it is still the latest: the reviewed decisions show their last review, the others none.
    const latest = await sql<{ decision_id: string; review_id: string | null }[]>`
      select d.decision_id::text, v.review_id::text from ops.current_decisions d ${joinLatestReview(sql)}
      where d.tenant_id = 'demo' and v.review_id is not null`
    const expected = await db.sql<{ decision_id: string; review_id: string }[]>`
      select decision_id::text, max(review_id)::text as review_id from ops.decision_reviews
      where tenant_id = 'demo' group by decision_id`
    expect(latest.sort((a, b) => a.decision_id.localeCompare(b.decision_id))).toEqual(
      expected.sort((a, b) => a.decision_id.localeCompare(b.decision_id)),
    )
  })
})
