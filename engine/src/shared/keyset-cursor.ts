// Keyset pagination shared by the lists: opaque cursors (the sort value and id of the last row of a
// page) and the escaped pattern of a contains-search.
import { ValidationError } from './errors.ts'
import { unstorableTextProblem } from './storable-text.ts'

export interface CursorPosition {
  /** The sort column's value of the last row (null when the row had none). */
  value: string | number | null
  id: string
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id])).toString('base64url')
}

/** The SQL type of a list's sort key: a cursor's value must be one (it is cast back in the query). */
export type SortKeyType = 'text' | 'date' | 'timestamptz' | 'numeric' | 'float8'

const VALUE_FORMS: Record<SortKeyType, (value: string) => boolean> = {
  text: (value) => value.length <= 1000,
  date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value),
  timestamptz: (value) =>
    /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/.test(value) &&
    isRealDate(value.slice(0, 10)),
  numeric: (value) => /^-?\d{1,30}(\.\d{1,20})?$/.test(value),
  float8: (value) => /^-?\d+(\.\d+)?(e[+-]?\d{1,3})?$/i.test(value) && Number.isFinite(Number(value)),
}

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return year >= 1000 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

// Text the database cannot hold or compare is never a value this API returned.
const storable = (text: string) => unstorableTextProblem(text) === undefined

/**
 * Reads a cursor this API returned; ValidationError for anything else, including a tampered one whose
 * value does not fit the list's sort key (`sortKey`), so no cursor reaches SQL as something it cannot cast.
 */
export function decodeCursor(cursor: string, sortKey: SortKeyType): CursorPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      const [value, id] = parsed as [unknown, string]
      const idFits = id.length > 0 && id.length <= 200 && storable(id)
      if (idFits && value === null) return { value, id }
      if (idFits && typeof value === 'string' && storable(value) && VALUE_FORMS[sortKey](value))
        return { value, id }
    }
  } catch {
    // fall through to the error below
  }
  throw invalidCursor()
}

/** The error for a cursor this API did not return (or one of another list). */
export function invalidCursor(): ValidationError {
  return new ValidationError('cursor: not a cursor returned by this API', {
    fields: [{ field: 'query.cursor', problem: 'invalid cursor' }],
  })
}

/** An ILIKE pattern matching text that contains `text` (its `%`, `_` and `\` taken literally). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}
