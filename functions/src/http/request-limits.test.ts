// Limits every request meets before a handler: the body size, and the throttle on failing sign-ins.
import { useTestDatabase } from '@revops/db/testing'
import { describe, expect, it } from 'vitest'
import { createTestApp, useTestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
const app = useTestApp(db)
const json = app.call

describe('limits', () => {
  it('refuses a body over the limit before reading it, in the envelope', async () => {
    const response = await json('/api/v1/decisions/evaluate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ace_ids: Array(200_000).fill('O1234567') }),
    })
    expect(response.status).toBe(413)
    expect(response.body.error).toMatchObject({ code: 'payload_too_large' })
  })

  it('throttles a client whose sign-ins keep failing, then lets it try again', async () => {
    const throttled = await createTestApp(db.sql, db.url, 'acme', {
      deps: { clientAddress: () => '203.0.113.7' },
    })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 22; i++) {
        const response = await throttled.request('/api/v1/jobs', { key: 'rk_guessing_0000000000000000000' })
        statuses.push(response.status)
        if (response.status === 429) {
          expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
          expect((await response.json()).error.code).toBe('too_many_requests')
        }
      }
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401))
      expect(statuses.slice(20)).toEqual([429, 429])
    } finally {
      await throttled.close()
    }
  })
})
