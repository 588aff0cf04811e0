import { describe, expect, it } from 'vitest'
import { isFiltered, podSearch, readPodFilters } from './pod-filters.ts'

describe('pod filters in the URL', () => {
  it('reads the filters the API accepts and drops the rest', () => {
    expect(
      readPodFilters({
        outcome: 'needs_review',
        rule: 'spend_threshold',
        close_from: '2026-01-01',
        close_to: 'tomorrow',
        sort: 'probability',
        order: 'sideways',
        q: '  acme ',
      }),
    ).toEqual({
      outcome: 'needs_review',
      rule: 'spend_threshold',
      close_from: '2026-01-01',
      sort: 'probability',
      q: 'acme',
    })
    expect(readPodFilters({ outcome: 'maybe', stage: '' })).toEqual({})
  })

  it('writes them back in a stable order, and knows when the queue is narrowed', () => {
    const filters = readPodFilters({ q: 'acme', outcome: 'auto_reject', sort: 'ace_id' })
    expect(podSearch(filters)).toBe('?outcome=auto_reject&q=acme&sort=ace_id')
    expect(podSearch({})).toBe('')
    expect(isFiltered(filters)).toBe(true)
    expect(isFiltered({ sort: 'ace_id', order: 'desc' })).toBe(false)
  })
})
