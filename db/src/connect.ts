// One place that turns a connection URL into a postgres.js client with the product's type rules.
import postgres from 'postgres'

export type Sql = postgres.Sql
export type TransactionSql = postgres.TransactionSql

export interface ConnectOptions {
  /** Pool size; jobs and the API each hold their own pool. */
  max?: number
  /** Shown in pg_stat_activity, so an operator can tell the processes apart. */
  applicationName?: string
  /** Seconds an idle pooled connection is kept. */
  idleTimeout?: number
  /** Seconds to wait for a new connection before failing. */
  connectTimeout?: number
  /** Called for server NOTICE messages; silenced by default. */
  onNotice?: (message: string) => void
  /** Every transaction read-only (source databases are never written to). */
  readOnly?: boolean
}

const DATE_OID = 1082

/**
 * Opens a pooled client. `date` columns stay `YYYY-MM-DD` strings (a calendar date has no zone and
 * turning it into a JS Date shifts it by the machine's offset); numerics and int8 stay strings so no
 * money or id loses precision; the session runs in UTC.
 */
export function connect(url: string, options: ConnectOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    idle_timeout: options.idleTimeout ?? 30,
    connect_timeout: options.connectTimeout ?? 10,
    onnotice: (notice) => options.onNotice?.(String(notice.message)),
    connection: {
      application_name: options.applicationName ?? 'revops',
      TimeZone: 'UTC',
      ...(options.readOnly ? { default_transaction_read_only: true } : {}),
    },
    types: {
      calendarDate: {
        to: DATE_OID,
        from: [DATE_OID],
        serialize: (value: string) => value,
        parse: (value: string) => value,
      },
    },
  })
}

/** Replaces the database name in a connection URL, keeping credentials, host and options. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${encodeURIComponent(database)}`
  return parsed.toString()
}

/** The database name a connection URL points at. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''))
}

/** A URL safe to print: the password is replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '<invalid database url>'
  }
}

/** Quotes an identifier for the rare statements (CREATE DATABASE, COPY) that cannot take parameters. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** Quotes a literal for statements that cannot take bind parameters (COPY). */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('NUL byte in SQL literal')
  return `'${value.replaceAll("'", "''")}'`
}
