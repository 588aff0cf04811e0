// One CSV field (RFC 4180), for every export. `text`: a column of free text, where a value a
// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe; numbers and
// decimal strings are written as they are.
export type CsvCell = string | number | boolean | null

export function csvField(value: CsvCell, text = false): string {
  if (value === null) return ''
  let out = String(value)
  if (text && /^[=+\-@\t\r]/.test(out)) out = `'${out}`
  return /[",\r\n]/.test(out) ? `"${out.replace(/"/g, '""')}"` : out
}
