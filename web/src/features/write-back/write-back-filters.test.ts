import { describe, expect, it } from 'vitest'
import { readWriteBackFilters, writeBackSearch, writeBacksHref } from './write-back-filters.ts'

describe('readWriteBackFilters', () => {
  it('reads a known status and an ACE id', () => {
    expect(readWriteBackFilters({ status: 'pending_approval', ace_id: 'O123' })).toEqual({
      status: 'pending_approval',
      ace_id: 'O123',
    })
  })

  it('drops what the API would refuse', () => {
    expect(readWriteBackFilters({ status: 'done', ace_id: 'O 1; drop' })).toEqual({})
    expect(readWriteBackFilters({ status: ['failed', 'held'], ace_id: '  ' })).toEqual({ status: 'failed' })
  })
})

describe('writeBackSearch', () => {
  it('writes only what narrows the list', () => {
    expect(writeBackSearch({})).toBe('')
    expect(writeBackSearch({ status: 'held', ace_id: 'O9' })).toBe('?status=held&ace_id=O9')
    expect(writeBacksHref('O7')).toBe('/write-backs?ace_id=O7')
  })

  it('reads back what it writes', () => {
    const filters = { status: 'dry_run', ace_id: 'O42' } as const
    const params = Object.fromEntries(new URLSearchParams(writeBackSearch(filters)))
    expect(readWriteBackFilters(params)).toEqual(filters)
  })
})
