// Compares the columns a source table has now with the ones recorded before.

export interface SourceColumn {
  name: string
  dataType: string
  ordinal: number
}

export interface KnownColumn extends SourceColumn {
  isPresent: boolean
}

export interface ColumnChange {
  column: string
  change: 'column_added' | 'column_removed' | 'type_changed'
  oldType: string | null
  newType: string | null
}

/** Changes since the last recorded state. A first sighting of a table reports no column changes. */
export function diffColumns(known: KnownColumn[], current: SourceColumn[]): ColumnChange[] {
  if (known.length === 0) return []
  const before = new Map(known.map((column) => [column.name, column]))
  const now = new Map(current.map((column) => [column.name, column]))
  const changes: ColumnChange[] = []
  for (const column of current) {
    const previous = before.get(column.name)
    if (!previous?.isPresent) {
      changes.push({
        column: column.name,
        change: 'column_added',
        oldType: previous?.dataType ?? null,
        newType: column.dataType,
      })
    } else if (previous.dataType !== column.dataType) {
      changes.push({
        column: column.name,
        change: 'type_changed',
        oldType: previous.dataType,
        newType: column.dataType,
      })
    }
  }
  for (const column of known) {
    if (column.isPresent && !now.has(column.name)) {
      changes.push({ column: column.name, change: 'column_removed', oldType: column.dataType, newType: null })
    }
  }
  return changes
}
