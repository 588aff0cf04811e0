import { useTestDatabase } from '@revops/db/testing'
import { loadMatchingConfig, matchTenant, reviewLabels } from '@revops/engine/match'
import { silentLogger } from '@revops/engine/shared'
import { createDemoFixture, type DemoFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
let fixture: DemoFixture
let app: TestApp

const call: TestApp['call'] = (path, init) => app.call(path, init)

beforeAll(async () => {
  fixture = await createDemoFixture(db)
  await matchTenant({
    sql: db.sql,
    tenantId: 'demo',
    config: await loadMatchingConfig(fixture.tenant),
    log: silentLogger,
  })
  app = await createTestApp(db.sql, db.url, fixture.tenant)
}, 120_000)
afterAll(async () => {
  await app.close()
  await fixture.dispose()
})

describe('matching API', () => {
  it('matches one ACE opportunity on demand, with explanations', async () => {
    const [ace] =
      await db.sql`select left_id from match.candidates where selected and band = 'auto_link' limit 1`
    const { status, body } = await call('/api/v1/matching/generate', {
      method: 'POST',
      json: { ace_id: ace!.left_id },
    })
    expect(status).toBe(200)
    const [best] = body.data.matches
    expect(best).toMatchObject({ ace_id: ace!.left_id, band: 'auto_link', selected: true, rank: 1 })
    expect(best.explanation.contributions.length).toBeGreaterThan(5)
    expect(best.odoo.title).toBeTruthy()
  })

  it('lists candidates and links, and records confirm / reject with who and why', async () => {
    const [ace] =
      await db.sql`select left_id from match.candidates group by left_id having count(*) >= 2 limit 1`
    const list = await call(`/api/v1/matches?ace_id=${ace!.left_id}`)
    expect(list.body.data.length).toBeGreaterThanOrEqual(2)
    const second = list.body.data[1]
    const confirmed = await call(`/api/v1/matches/${second.id}/confirm`, {
      method: 'PUT',
      json: { reviewer: 'ana', note: 'same deal' },
      headers: { 'if-match': `"${second.etag}"` },
    })
    expect(confirmed.status).toBe(200)
    // The key is the reviewer; the name in the body is kept beside it, never instead of it.
    expect(confirmed.body.data).toMatchObject({
      id: second.id,
      selected: true,
      probability: 1,
      review: { decision: 'confirm', reviewer: 'tests', display_name: 'ana', note: 'same deal' },
    })
    // The state the first confirmation saw is gone: a second verdict on it is a conflict.
    const stale = await call(`/api/v1/matches/${second.id}/reject`, {
      method: 'PUT',
      headers: { 'if-match': `"${second.etag}"` },
    })
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } })
    const unstated = await call(`/api/v1/matches/${second.id}/reject`, { method: 'PUT' })
    expect(unstated).toMatchObject({ status: 428, body: { error: { code: 'precondition_required' } } })
    const rejected = await call(`/api/v1/matches/${second.id}/reject`, {
      method: 'PUT',
      headers: { 'if-match': confirmed.body.data.etag },
    })
    expect(rejected.body.data).toMatchObject({
      selected: false,
      probability: 0,
      review: { decision: 'reject', reviewer: 'tests', display_name: null },
    })
    const links = await call('/api/v1/matches?band=auto_link&limit=5')
    expect(links.body.data).toHaveLength(5)
    for (const link of links.body.data) expect(link).toMatchObject({ selected: true, band: 'auto_link' })
  })

  it('keeps a confirmed weak candidate through re-scoring and links it', async () => {
    const [ace] = await db.sql`
      select left_id from match.candidates group by left_id having count(*) >= 3 order by max(rank) desc limit 1`
    const list = await call(`/api/v1/matches?ace_id=${ace!.left_id}`)
    const weakest = list.body.data.at(-1)
    expect(weakest.rank).toBeGreaterThanOrEqual(3)
    const confirmed = await call(`/api/v1/matches/${weakest.id}/confirm`, {
      method: 'PUT',
      json: {},
      headers: { 'if-match': weakest.etag },
    })
    expect(confirmed.status).toBe(200)
    expect(confirmed.body.data).toMatchObject({ odoo_lead_id: weakest.odoo_lead_id, selected: true, rank: 1 })
    const again = await call(`/api/v1/matching/generate`, { method: 'POST', json: { ace_id: ace!.left_id } })
    expect(again.status).toBe(200)
    const best = again.body.data.matches[0]
    expect(best).toMatchObject({ odoo_lead_id: weakest.odoo_lead_id, selected: true })
  })

  it('queues a full matching job and validates input', async () => {
    const queued = await call('/api/v1/matching/generate', { method: 'POST', json: { mode: 'full' } })
    expect(queued.status).toBe(202)
    expect(queued.body.data).toMatchObject({ kind: 'match', status: 'queued', payload: { mode: 'full' } })
    expect(
      (await call('/api/v1/matching/generate', { method: 'POST', json: { ace_id: 'O-nope!' } })).status,
    ).toBe(400)
    expect(
      (await call('/api/v1/matching/generate', { method: 'POST', json: { ace_id: 'O0000000' } })).status,
    ).toBe(404)
    const stated = { method: 'PUT', headers: { 'if-match': '"1.0"' } }
    expect((await call('/api/v1/matches/999999999/confirm', stated)).status).toBe(404)
    expect((await call('/api/v1/matches/abc/confirm', stated)).status).toBe(400)
  })

  it('a later confirmation supersedes an earlier one, visibly and audited, and the link follows it', async () => {
    const [ace] = await db.sql`
      select left_id from match.candidates c where not exists (
        select 1 from match.reviews r where r.left_id = c.left_id)
      group by left_id having count(*) >= 2 limit 1`
    const list = await call(`/api/v1/matches?ace_id=${ace!.left_id}`)
    const [first, second] = list.body.data
    const one = await call(`/api/v1/matches/${first.id}/confirm`, {
      method: 'PUT',
      headers: { 'if-match': first.etag },
    })
    expect(one.body.data).toMatchObject({ selected: true, review: { decision: 'confirm' } })
    // Confirming the other candidate on the state the reviewer now sees: it becomes the link.
    const seen = (await call(`/api/v1/matches?ace_id=${ace!.left_id}`)).body.data.find(
      (m: { id: string }) => m.id === second.id,
    )
    const two = await call(`/api/v1/matches/${second.id}/confirm`, {
      method: 'PUT',
      headers: { 'if-match': seen.etag },
    })
    expect(two.status).toBe(200)
    expect(two.body.data).toMatchObject({ id: second.id, selected: true, review: { decision: 'confirm' } })
    const after = (await call(`/api/v1/matches?ace_id=${ace!.left_id}`)).body.data
    const old = after.find((m: { id: string }) => m.id === first.id)
    expect(old).toMatchObject({
      selected: false,
      review: { decision: 'reject', note: `superseded by the confirmation of ${second.odoo_lead_id}` },
    })
    expect(after.filter((m: { selected: boolean }) => m.selected)).toHaveLength(1)
    const audit = await call(`/api/v1/audit?action=match.confirmation_superseded`)
    expect(audit.body.data.items[0]).toMatchObject({ actor: 'tests', subject_id: ace!.left_id })
    // What the model learns from: one confirmed pair for this opportunity, the other a non-match.
    const labels = await reviewLabels(db.sql, 'demo', 'ace_opportunity')
    expect(labels.get(`${ace!.left_id}\u0000${second.odoo_lead_id}`)).toBe(true)
    expect(labels.get(`${ace!.left_id}\u0000${first.odoo_lead_id}`)).toBe(false)
  })
})
