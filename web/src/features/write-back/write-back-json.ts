// A record or request as readable JSON lines, with the lines that carry a given key marked, so the one
// field a write-back changes stands out in the whole UpdateOpportunity request.

export interface JsonLine {
  text: string
  /** Whether the line holds the key asked for. */
  marked: boolean
}

/** `value` as indented JSON, one entry per line; lines whose key is `markKey` are marked. */
export function toJsonLines(value: unknown, markKey?: string): JsonLine[] {
  const text = JSON.stringify(value, null, 2) ?? 'null'
  const keyPrefix = markKey === undefined ? null : `${JSON.stringify(markKey)}:`
  return text.split('\n').map((line) => ({
    text: line,
    marked: keyPrefix !== null && line.trimStart().startsWith(keyPrefix),
  }))
}

/** A top-level string field of a record read from Partner Central, or null. */
export function readField(record: Record<string, unknown> | null, key: string): string | null {
  const value = record?.[key]
  return typeof value === 'string' && value !== '' ? value : null
}
