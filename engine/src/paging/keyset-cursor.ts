// Keyset pagination shared by the lists: opaque cursors (the sort value and id of the last row of a
// page) and the escaped pattern of a contains-search.
import { ValidationError } from '../errors.ts'

export interface CursorPosition {
  /** The sort column's value of the last row (null when the row had none). */
  value: string | number | null
  id: string
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id])).toString('base64url')
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      const [value, id] = parsed as [unknown, string]
      if (value === null || typeof value === 'string' || typeof value === 'number') return { value, id }
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
