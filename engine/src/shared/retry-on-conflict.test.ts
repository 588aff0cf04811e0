// A real deadlock in PostgreSQL: the transaction it aborts is done again and succeeds; other errors are
// not retried, and retrying stops after the attempts allowed.
import { useTestDatabase } from '@revops/db/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { isRetryableConflict, retryOnConflict } from './retry-on-conflict.ts'

const db = useTestDatabase()

beforeAll(async () => {
  await db.sql`create table public.deadlock_probe (id int primary key, v int not null)`
  await db.sql`insert into public.deadlock_probe values (1, 0), (2, 0)`
})

describe('retryOnConflict', () => {
  it('does again the work PostgreSQL aborted as a deadlock, which then succeeds', async () => {
    let otherHoldsRow2 = () => {}
    const row2Held = new Promise<void>((resolve) => {
      otherHoldsRow2 = resolve
    })
    let firstHoldsRow1 = () => {}
    const row1Held = new Promise<void>((resolve) => {
      firstHoldsRow1 = resolve
    })
    // The other transaction: row 2, then row 1 (it waits long enough never to be the one aborted).
    const other = db.sql.begin(async (tx) => {
      await tx`set local deadlock_timeout = '10s'`
      await tx`update public.deadlock_probe set v = v + 1 where id = 2`
      otherHoldsRow2()
      await row1Held
      await tx`update public.deadlock_probe set v = v + 1 where id = 1`
    })
    const errors: string[] = []
    let attempts = 0
    const result = await retryOnConflict(async () => {
      attempts++
      try {
        return await db.sql.begin(async (tx) => {
          await tx`set local deadlock_timeout = '50ms'`
          await tx`update public.deadlock_probe set v = v + 10 where id = 1`
          if (attempts === 1) {
            await row2Held
            firstHoldsRow1()
          }
          await tx`update public.deadlock_probe set v = v + 10 where id = 2`
          return 'done'
        })
      } catch (error) {
        errors.push(String((error as { code?: string }).code))
        throw error
      }
    })
    await other
    expect(result).toBe('done')
    expect(attempts).toBe(2)
    expect(errors).toEqual(['40P01'])
    const rows = await db.sql<
      { id: number; v: number }[]
    >`select id, v from public.deadlock_probe order by id`
    // Both transactions' updates are there once: the aborted attempt left nothing behind.
    expect(rows).toEqual([
      { id: 1, v: 11 },
      { id: 2, v: 11 },
    ])
  })

  it('passes any other error on at once, and stops after the attempts allowed', async () => {
    let calls = 0
    await expect(
      retryOnConflict(async () => {
        calls++
        throw Object.assign(new Error('unique violation'), { code: '23505' })
      }),
    ).rejects.toThrow('unique violation')
    expect(calls).toBe(1)
    calls = 0
    await expect(
      retryOnConflict(
        async () => {
          calls++
          throw Object.assign(new Error('deadlock detected'), { code: '40P01' })
        },
        { attempts: 3, random: () => 0 },
      ),
    ).rejects.toThrow('deadlock detected')
    expect(calls).toBe(3)
    expect([isRetryableConflict({ code: '40001' }), isRetryableConflict(new Error('x'))]).toEqual([
      true,
      false,
    ])
  })
})
