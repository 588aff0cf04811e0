import { describe, expect, it } from 'vitest'
import { diffWords } from './word-diff.ts'

describe('diffWords', () => {
  it('marks only the words that changed', () => {
    const { before, after } = diffWords('spend.amount < params.spend_threshold', 'spend.amount <= 10000')
    expect(before).toEqual([
      { text: 'spend.amount < ', changed: false },
      { text: 'params.spend_threshold', changed: true },
    ])
    expect(after).toEqual([
      { text: 'spend.amount <', changed: false },
      { text: '= 10000', changed: true },
    ])
  })

  it('keeps every character of both texts', () => {
    const a = 'End-user record says {{end_user.usage_type}}, within 30 days.'
    const b = 'End-user record says {{end_user.usage_type}}, within 45 days!'
    const { before, after } = diffWords(a, b)
    expect(before.map((s) => s.text).join('')).toBe(a)
    expect(after.map((s) => s.text).join('')).toBe(b)
    expect(before.filter((s) => s.changed).map((s) => s.text)).toEqual(['30', '.'])
    expect(after.filter((s) => s.changed).map((s) => s.text)).toEqual(['45', '!'])
  })

  it('marks a value added or removed as a whole', () => {
    expect(diffWords('', 'x > 1')).toEqual({ before: [], after: [{ text: 'x > 1', changed: true }] })
    expect(diffWords('same', 'same')).toEqual({
      before: [{ text: 'same', changed: false }],
      after: [{ text: 'same', changed: false }],
    })
  })
})
