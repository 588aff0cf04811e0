import { describe, expect, it } from 'vitest'
import { createSerialQueue } from './serial-queue.ts'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('serial queue', () => {
  it('runs one piece of work at a time, in order, and hands each caller its own result or error', async () => {
    const queue = createSerialQueue()
    const log: string[] = []
    let running = 0
    const job = (name: string, fail = false) =>
      queue.run(async () => {
        running++
        expect(running).toBe(1)
        log.push(`start ${name}`)
        await tick()
        log.push(`end ${name}`)
        running--
        if (fail) throw new Error(`${name} failed`)
        return name
      })
    const results = await Promise.allSettled([job('a'), job('b', true), job('c')])
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'a',
      'b failed',
      'c',
    ])
  })

  it('is idle once everything queued has settled, failures included', async () => {
    const queue = createSerialQueue()
    let done = false
    queue
      .run(async () => {
        await tick()
        throw new Error('boom')
      })
      .catch(() => undefined)
    queue.run(async () => {
      await tick()
      done = true
    })
    await queue.idle()
    expect(done).toBe(true)
  })
})
