import { describe, expect, it } from 'vitest'
import { diffColumns } from './column-changes.ts'

const col = (name: string, dataType: string, ordinal: number, isPresent = true) => ({
  name,
  dataType,
  ordinal,
  isPresent,
})

describe('diffColumns', () => {
  it('reports nothing for the first sighting and for an unchanged table', () => {
    expect(diffColumns([], [col('id', 'integer', 1)])).toEqual([])
    expect(diffColumns([col('id', 'integer', 1)], [col('id', 'integer', 1)])).toEqual([])
  })

  it('reports added, removed, re-added and retyped columns', () => {
    const known = [
      col('id', 'integer', 1),
      col('name', 'character varying', 2),
      col('old', 'text', 3, false),
      col('gone', 'text', 4),
    ]
    const current = [
      col('id', 'integer', 1),
      col('name', 'jsonb', 2),
      col('old', 'text', 3),
      col('new', 'numeric', 5),
    ]
    expect(diffColumns(known, current)).toEqual([
      { column: 'name', change: 'type_changed', oldType: 'character varying', newType: 'jsonb' },
      { column: 'old', change: 'column_added', oldType: 'text', newType: 'text' },
      { column: 'new', change: 'column_added', oldType: null, newType: 'numeric' },
      { column: 'gone', change: 'column_removed', oldType: 'text', newType: null },
    ])
  })
})
