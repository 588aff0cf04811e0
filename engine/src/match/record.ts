// The records the engine compares: an id, typed values by field name, and a cache for derived
// features (tokens, TF-IDF vectors) so each is computed once per record, not once per pair.

export type FieldValue = string | number | string[] | Float32Array | Record<string, number> | null | undefined

export interface MatchRecord {
  id: string
  values: Record<string, FieldValue>
  cache: Map<string, unknown>
}

export function createRecord(id: string, values: Record<string, FieldValue>): MatchRecord {
  return { id, values, cache: new Map() }
}

/** Computes a derived feature once per record and field. */
export function cached<T>(record: MatchRecord, key: string, compute: () => T): T {
  const hit = record.cache.get(key)
  if (hit !== undefined) return hit as T
  const value = compute()
  record.cache.set(key, value)
  return value
}

export function stringValue(record: MatchRecord, field: string): string | null {
  const value = record.values[field]
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.join(' ')
  return null
}

export function numberValue(record: MatchRecord, field: string): number | null {
  const value = record.values[field]
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string') {
    const parsed = Number(value.replace(/[$,\s]/g, ''))
    return value.trim() !== '' && Number.isFinite(parsed) ? parsed : null
  }
  return null
}

export function listValue(record: MatchRecord, field: string): string[] {
  const value = record.values[field]
  if (Array.isArray(value)) return value.filter((v) => v !== '')
  if (typeof value === 'string' && value !== '') return [value]
  return []
}
