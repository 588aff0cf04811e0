// The decisions routes: evaluation queued as a job, ruleset names never paths, the review queue, one
// decision explained and reviewed (If-Match, audit), and superseded decisions refused.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { useTestDatabase } from '@revops/db/testing'
import { ensurePublished, evaluateDecisions } from '@revops/engine/decisions'
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
  // Two versions, each evaluated: the tenant's file published by the first run, then an edit published
  // through the API (as rules.test.ts does), so decisions of version 1 are superseded by version 2's.
  await ensurePublished(db.sql, fixture.tenant)
  await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF, actor: 'system' })
  const edited = podYaml.replace('spend_threshold: 5000', 'spend_threshold: 1000000')
  const published = await call('/api/v1/rules/pod/config', { method: 'PUT', json: { yaml: edited } })
  if (published.status !== 201)
    throw new Error(`could not publish version 2: ${JSON.stringify(published.body)}`)
  await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF, actor: 'tests' })
}, 180_000)
afterAll(async () => {
  await app.close()
  await fixture.dispose()
})

describe('decisions API', () => {
  it('queues an evaluation as a job, reusing one already queued', async () => {
    const first = await call('/api/v1/decisions/evaluate', { method: 'POST', json: { as_of: AS_OF } })
    expect(first.status).toBe(202)
    expect(first.body.data).toMatchObject({ kind: 'decide', status: 'queued' })
    expect(first.body.data.payload).toMatchObject({ asOf: AS_OF, actor: 'tests' })
    const second = await call('/api/v1/decisions/evaluate', { method: 'POST', json: { as_of: AS_OF } })
    expect(second.status).toBe(200)
    expect(second.body.data.id).toBe(first.body.data.id)
    expect(
      (await call('/api/v1/decisions/evaluate', { method: 'POST', json: { as_of: '2026-13-01' } })).status,
    ).toBe(400)
  })

  it('takes a ruleset name, never a path, and refuses what is not published at once', async () => {
    for (const ruleset of [
      '../../other/rules/pod',
      '../../../../etc/passwd',
      '/etc/hosts',
      'pod/../pod',
      '',
    ]) {
      const { status, body } = await call('/api/v1/decisions/evaluate', { method: 'POST', json: { ruleset } })
      expect(status).toBe(400)
      expect(body.error.code).toBe('validation_failed')
      expect(JSON.stringify(body)).not.toMatch(/\/tmp|\/work|tenants\//)
    }
    const unknown = await call('/api/v1/decisions/evaluate', { method: 'POST', json: { ruleset: 'nope' } })
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } })
    const version = await call('/api/v1/decisions/evaluate', { method: 'POST', json: { version: 99 } })
    expect(version).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } })
    // The example file in the tenant folder exists but is not published: evaluating does not publish it.
    const example = await call('/api/v1/decisions/evaluate', {
      method: 'POST',
      json: { ruleset: 'pod-acme.example' },
    })
    expect(example.status).toBe(404)
    const versions = await call('/api/v1/rules/pod-acme.example/versions')
    expect(versions.body.data).toEqual([])
  })

  it('lists the review queue filtered, searched, sorted and paged', async () => {
    const all = await call('/api/v1/decisions?limit=500')
    expect(all.status).toBe(200)
    expect(all.body.data.items).toHaveLength(fixture.truth.length)
    const rejected = await call('/api/v1/decisions?outcome=auto_reject&limit=500')
    expect(rejected.body.data.items.length).toBeGreaterThan(0)
    expect(
      rejected.body.data.items.every((item: { outcome: string }) => item.outcome === 'auto_reject'),
    ).toBe(true)
    const first = await call('/api/v1/decisions?sort=probability&order=desc&limit=5')
    const probabilities = first.body.data.items.map((item: any) => item.best_match?.probability)
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a))
    const next = await call(
      `/api/v1/decisions?sort=probability&order=desc&limit=5&cursor=${first.body.data.next_cursor}`,
    )
    expect(next.body.data.items[0].best_match.probability).toBeLessThanOrEqual(probabilities[4])
    const someone = all.body.data.items.find((item: any) => item.customer_name)
    const found = await call(`/api/v1/decisions?q=${encodeURIComponent(someone.ace_id)}`)
    expect(found.body.data.items.map((item: any) => item.ace_id)).toEqual([someone.ace_id])
    const bad = await call('/api/v1/decisions?close_from=tomorrow&sort=size')
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/query\.close_from/)
    expect(bad.body.error.message).toMatch(/query\.sort/)
  })

  it('explains one decision, and records an approval with its note in the audit log', async () => {
    const queue = await call('/api/v1/decisions?outcome=needs_review&rule=match_confidence&limit=1')
    const item = queue.body.data.items[0]
    const detail = await call(`/api/v1/decisions/${item.decision_id}`)
    expect(detail.status).toBe(200)
    expect(detail.body.data).toMatchObject({ ace_id: item.ace_id, is_current: true, ruleset_version: 2 })
    const trace = detail.body.data.rules.find((rule: any) => rule.rule_id === 'match_confidence')
    expect(['fail', 'review']).toContain(trace.result)
    expect(trace.explanation.length).toBeGreaterThan(10)
    if (detail.body.data.match)
      expect(detail.body.data.match.explanation.contributions.length).toBeGreaterThan(0)

    expect(detail.headers.get('etag')).toBe(`"${detail.body.data.etag}"`)
    const seen = { 'if-match': `"${detail.body.data.etag}"` }
    const noNote = await call(`/api/v1/decisions/${item.decision_id}/approve`, {
      method: 'PUT',
      json: { note: ' ' },
      headers: seen,
    })
    expect(noNote.status).toBe(400)
    expect(noNote.body.error.message).toMatch(/body\.note/)
    const unstated = await call(`/api/v1/decisions/${item.decision_id}/approve`, {
      method: 'PUT',
      json: { note: 'no state given' },
    })
    expect(unstated).toMatchObject({ status: 428, body: { error: { code: 'precondition_required' } } })
    const approved = await call(`/api/v1/decisions/${item.decision_id}/approve`, {
      method: 'PUT',
      // A name in the body is a display name: the actor is the key that made the call.
      json: { note: 'Checked with the account manager', reviewer: 'Chief Financial Officer' },
      headers: seen,
    })
    expect(approved.status).toBe(200)
    expect(approved.body.data).toMatchObject({
      action: 'approve',
      reviewer: 'tests',
      reviewer_display_name: 'Chief Financial Officer',
      supersedes_review_id: null,
      ace_id: item.ace_id,
    })
    // The same state again (someone else's view from before the approval): a conflict, nothing recorded.
    const stale = await call(`/api/v1/decisions/${item.decision_id}/reject`, {
      method: 'PUT',
      json: { note: 'I disagree' },
      headers: seen,
    })
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } })
    const after = await call(`/api/v1/decisions/${item.decision_id}`)
    expect(after.body.data.review).toMatchObject({
      action: 'approve',
      note: 'Checked with the account manager',
    })
    const audit = await call(`/api/v1/audit?subject_id=${item.ace_id}`)
    expect(audit.body.data.items[0]).toMatchObject({
      action: 'decision.approved',
      actor: 'tests',
      actor_key_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      actor_display_name: 'Chief Financial Officer',
    })
    // Changing the verdict on purpose, having seen the approval: recorded, naming what it replaces.
    const changed = await call(`/api/v1/decisions/${item.decision_id}/reject`, {
      method: 'PUT',
      json: { note: 'The customer is AWS-sourced after all' },
      headers: { 'if-match': after.body.data.etag },
    })
    expect(changed.body.data).toMatchObject({
      action: 'reject',
      supersedes_review_id: approved.body.data.review_id,
    })
    const history = await call(`/api/v1/audit/opportunities/${item.ace_id}`)
    expect(history.body.data.entries.map((entry: any) => entry.action)).toEqual(
      expect.arrayContaining(['decision.approved', 'decision.evaluated']),
    )
    expect((await call('/api/v1/decisions/999999999')).status).toBe(404)
    expect((await call('/api/v1/audit/opportunities/O-none')).status).toBe(404)
  })

  it('refuses to review a decision a newer evaluation has superseded', async () => {
    const [old] = await db.sql<{ decision_id: string; ace_id: string }[]>`
      select decision_id::text, ace_id from ops.decisions where tenant_id = 'demo' and ruleset_version = 1
        and ace_id in (select ace_id from ops.decisions where ruleset_version = 2) limit 1`
    const { status, body } = await call(`/api/v1/decisions/${old!.decision_id}/reject`, {
      method: 'PUT',
      json: { note: 'too late' },
      headers: { 'if-match': `"${old!.decision_id}.0"` },
    })
    expect(status).toBe(409)
    expect(body.error.details).toMatchObject({ ace_id: old!.ace_id })
  })

  it('records match confirmations in the audit log of the opportunity', async () => {
    const [candidate] = await db.sql<{ candidate_id: string; left_id: string }[]>`
      select candidate_id::text, left_id from match.candidates where tenant_id = 'demo' and rank = 1 limit 1`
    const [match] = (await call(`/api/v1/matches?ace_id=${candidate!.left_id}`)).body.data
    const confirmed = await call(`/api/v1/matches/${candidate!.candidate_id}/confirm`, {
      method: 'PUT',
      json: { note: 'same deal' },
      headers: { 'if-match': match.etag },
    })
    expect(confirmed.status).toBe(200)
    const history = await call(`/api/v1/audit/opportunities/${candidate!.left_id}`)
    expect(history.body.data.entries[0]).toMatchObject({ action: 'match.confirmed', actor: 'tests' })
  })
})
