// The ingestion routes: a sync queued as a job (reused while active) and reported by the jobs route.
import { useTestDatabase } from '@revops/db/testing'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
const app = useTestApp(db)
const json = app.call

describe('jobs and ingestion', () => {
  it('queues a sync, reuses it while active, and reports it by id', async () => {
    const first = await json('/api/v1/ingestion/odoo/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'full' }),
    })
    expect(first.status).toBe(202)
    expect(first.body.data).toMatchObject({
      kind: 'sync',
      status: 'queued',
      payload: { sources: ['odoo'], mode: 'full' },
    })
    const second = await json('/api/v1/ingestion/odoo/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'full' }),
    })
    expect(second.status).toBe(200)
    expect(second.body.data.id).toBe(first.body.data.id)
    const job = await json(`/api/v1/jobs/${first.body.data.id}`)
    expect(job.body.data.status).toBe('queued')
    const [queued] =
      await db.sql`select task_identifier from graphile_worker.jobs where key = ${`revops:${first.body.data.id}`}`
    expect(queued!.task_identifier).toBe('sync')
  })

  it('rejects unknown sources, bad modes, bad JSON and unknown jobs clearly', async () => {
    expect((await json('/api/v1/ingestion/salesforce/sync', { method: 'POST' })).status).toBe(404)
    const badMode = await json('/api/v1/ingestion/apn/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'sideways' }),
    })
    expect(badMode.status).toBe(400)
    expect(badMode.body.error.message).toMatch(/^body\.mode/)
    const badJson = await json('/api/v1/ingestion/apn/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    })
    expect(badJson.status).toBe(400)
    expect((await json('/api/v1/jobs/not-a-uuid')).status).toBe(400)
    expect((await json('/api/v1/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404)
  })
})
