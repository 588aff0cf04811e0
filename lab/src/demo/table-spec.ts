// Tables as data: a column list in SQL, rows as plain objects. One description drives CREATE TABLE,
// the COPY that loads the rows and the indexes built afterwards.
import { quoteIdent, quoteLiteral } from '@revops/db'

export interface TableSpec {
  name: string
  /** Column definitions in SQL, e.g. `id serial primary key`, `"c_aws_ace_useCase" varchar`. */
  columns: readonly string[]
  /** Column lists indexed after loading. */
  indexes?: readonly (readonly string[])[]
}

export type Row = Record<string, unknown>

export interface TableData {
  spec: TableSpec
  rows: Row[]
}

/** A translated Odoo name; written as jsonb from Odoo 16, as its `en_US` text before. */
export interface TranslatedText {
  en_US: string
  [lang: string]: string
}

export interface ColumnInfo {
  name: string
  type: string
}

/** Name and type of each column definition; quoted names keep their case. */
export function describeColumns(spec: TableSpec): ColumnInfo[] {
  return spec.columns.map((definition) => {
    const match = /^("(?:[^"]|"")+"|\S+)\s+(\S+)/.exec(definition)
    if (!match) throw new Error(`bad column definition in ${spec.name}: ${definition}`)
    const raw = match[1] as string
    const name = raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw
    return { name, type: (match[2] as string).toLowerCase() }
  })
}

export function createTableSql(spec: TableSpec): string {
  return `create table ${quoteIdent(spec.name)} (\n  ${spec.columns.join(',\n  ')}\n)`
}

export function createIndexSql(spec: TableSpec): string[] {
  return (spec.indexes ?? []).map((columns) => {
    const name = `${spec.name}_${columns.join('_')}_index`.replace(/[^A-Za-z0-9_]/g, '').slice(0, 63)
    return `create index ${quoteIdent(name)} on ${quoteIdent(spec.name)} (${columns.map(quoteIdent).join(', ')})`
  })
}

/**
 * Renders rows as COPY text: tab-separated, `\N` for NULL, backslash escapes. Throws on a key the table
 * does not have, so a misspelt column fails the seed instead of silently becoming NULL.
 */
export function toCopyText(spec: TableSpec, rows: readonly Row[]): string {
  const columns = describeColumns(spec)
  checkColumns(spec, rows)
  const lines = rows.map((row) =>
    columns.map((column) => copyValue(row[column.name], column.type)).join('\t'),
  )
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

/** One multi-row INSERT with literal values (no parameters, so one round trip in the simple protocol). */
export function toInsertSql(spec: TableSpec, rows: readonly Row[]): string {
  const columns = describeColumns(spec)
  checkColumns(spec, rows)
  const values = rows.map(
    (row) => `(${columns.map((column) => sqlValue(row[column.name], column.type)).join(', ')})`,
  )
  const names = columns.map((column) => quoteIdent(column.name)).join(', ')
  return `insert into ${quoteIdent(spec.name)} (${names}) values\n${values.join(',\n')}`
}

function checkColumns(spec: TableSpec, rows: readonly Row[]): void {
  const known = new Set(describeColumns(spec).map((c) => c.name))
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!known.has(key)) throw new Error(`${spec.name} has no column ${key}`)
    }
  }
}

function sqlValue(value: unknown, type: string): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`non-finite number ${value}`)
    return String(value)
  }
  return quoteLiteral(textValue(value, type))
}

function copyValue(value: unknown, type: string): string {
  if (value === null || value === undefined) return '\\N'
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`non-finite number ${value}`)
    return String(value)
  }
  return escapeCopy(textValue(value, type))
}

/** Strings as they are; objects as JSON for json columns, as their `en_US` text for varchar ones. */
function textValue(value: unknown, type: string): string {
  if (typeof value === 'string') return value
  if (type === 'jsonb' || type === 'json') return JSON.stringify(value)
  const translated = value as Partial<TranslatedText>
  if (typeof translated.en_US === 'string') return translated.en_US
  throw new Error(`cannot write ${JSON.stringify(value)} to a ${type} column`)
}

function escapeCopy(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
  )
}
