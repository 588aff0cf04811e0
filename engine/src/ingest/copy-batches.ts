// Cuts a COPY ... TO STDOUT byte stream (text format) into batches of whole rows without parsing them:
// in COPY text format a row ends at a raw newline byte, newlines inside values are escaped as \n.

const NEWLINE = 0x0a

export interface CopyBatch {
  /** The batch's bytes, ready to be written to COPY ... FROM STDIN with the same columns. */
  chunks: Buffer[]
  rows: number
  bytes: number
  /** The last row of the batch (without its newline), to read the resume position from. */
  lastRow: Buffer
}

/** Groups the rows of `stream` into batches of at most `rowsPerBatch` rows (the last may be smaller). */
export async function* batchCopyRows(
  stream: AsyncIterable<Buffer | string>,
  rowsPerBatch: number,
): AsyncGenerator<CopyBatch> {
  let chunks: Buffer[] = []
  let rows = 0
  let bytes = 0
  let pending: Buffer[] = [] // bytes of a row not yet terminated
  let lastRow: Buffer = Buffer.alloc(0)

  for await (const piece of stream) {
    const buffer = typeof piece === 'string' ? Buffer.from(piece) : piece
    let start = 0
    while (start < buffer.length) {
      const newline = buffer.indexOf(NEWLINE, start)
      if (newline === -1) {
        pending.push(buffer.subarray(start))
        break
      }
      const rowEnd = newline + 1
      const part = buffer.subarray(start, rowEnd)
      const rowBytes = pending.length > 0 ? Buffer.concat([...pending, part]) : part
      pending = []
      chunks.push(rowBytes)
      bytes += rowBytes.length
      rows += 1
      lastRow = rowBytes.subarray(0, rowBytes.length - 1)
      if (rows === rowsPerBatch) {
        yield { chunks: coalesce(chunks), rows, bytes, lastRow }
        chunks = []
        rows = 0
        bytes = 0
      }
      start = rowEnd
    }
  }
  if (pending.length > 0) throw new Error('COPY stream ended in the middle of a row')
  if (rows > 0) yield { chunks: coalesce(chunks), rows, bytes, lastRow }
}

/** Joins many small row buffers into a few large writes. */
function coalesce(chunks: Buffer[]): Buffer[] {
  const out: Buffer[] = []
  let group: Buffer[] = []
  let size = 0
  for (const chunk of chunks) {
    group.push(chunk)
    size += chunk.length
    if (size >= 1 << 20) {
      out.push(Buffer.concat(group, size))
      group = []
      size = 0
    }
  }
  if (group.length > 0) out.push(Buffer.concat(group, size))
  return out
}

/** Splits a COPY text row into its fields, decoding backslash escapes; `\N` becomes null. */
export function parseCopyTextRow(row: Buffer | string): (string | null)[] {
  const text = typeof row === 'string' ? row : row.toString('utf8')
  return text.split('\t').map(decodeCopyTextField)
}

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }

/** Decodes one COPY text-format field. */
export function decodeCopyTextField(field: string): string | null {
  if (field === '\\N') return null
  if (!field.includes('\\')) return field
  return field.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_match, code: string) => {
    if (code[0] === 'x') return String.fromCharCode(Number.parseInt(code.slice(1), 16))
    if (/^[0-7]/.test(code)) return String.fromCharCode(Number.parseInt(code, 8))
    return ESCAPES[code] ?? code
  })
}
