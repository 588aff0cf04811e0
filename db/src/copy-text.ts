// Encoding rows in COPY's text format, for bulk loads through `COPY ... FROM STDIN`.

/**
 * One field: NULL as \N, backslashes, tabs and line breaks escaped. Arrays become PostgreSQL array
 * literals and other objects JSON; pass JSON for json/jsonb columns as a string (JSON.stringify).
 */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N'
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? arrayLiteral(value)
        : value instanceof Date
          ? value.toISOString()
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value)
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  )
}

/** A row as one line of COPY text (tab-separated, newline-terminated). */
export function copyRow(values: unknown[]): string {
  return `${values.map(copyField).join('\t')}\n`
}

/** A PostgreSQL array literal of text values: {"a","b \\"c\\""}. */
export function arrayLiteral(values: unknown[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`
}
