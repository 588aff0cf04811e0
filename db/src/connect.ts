// One place that turns a connection URL into a postgres.js client with the product's type rules.
import { connect as connectTcp, type Socket } from 'node:net'
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
  /** Further session settings sent at connection start (e.g. `role`, `app.tenant_id`). */
  parameters?: Record<string, string>
  /** Named prepared statements (default true). Off behind a transaction pooler such as RDS Proxy, where
   *  a prepared statement pins the client to one server connection. */
  prepare?: boolean
}

const DATE_OID = 1082
const TIMESTAMP_OID = 1114
const TIMESTAMPTZ_OID = 1184

/**
 * Opens a pooled client. `date` columns stay `YYYY-MM-DD` strings (a calendar date has no zone and
 * turning it into a JS Date shifts it by the machine's offset); numerics and int8 stay strings so no
 * money or id loses precision; the session runs in UTC.
 */
export function connect(url: string, options: ConnectOptions = {}): Sql {
  return postgres(url, {
    ...({ socket: openSocket } as object),
    max: options.max ?? 10,
    idle_timeout: options.idleTimeout ?? 30,
    connect_timeout: options.connectTimeout ?? 10,
    prepare: options.prepare ?? true,
    onnotice: (notice) => options.onNotice?.(String(notice.message)),
    connection: {
      application_name: options.applicationName ?? 'revops',
      TimeZone: 'UTC',
      ...(options.readOnly ? { default_transaction_read_only: true } : {}),
      ...(options.parameters ?? {}),
    },
    types: {
      // Timestamps given as text pass through as text: through a JavaScript Date they would lose
      // their microseconds (and resume positions stored that way would fall behind the data).
      date: {
        to: TIMESTAMPTZ_OID,
        from: [DATE_OID, TIMESTAMP_OID, TIMESTAMPTZ_OID],
        serialize: (value: Date | string) => (value instanceof Date ? value.toISOString() : String(value)),
        parse: (value: string) => new Date(value),
      },
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

/**
 * Opens the TCP connection with Nagle's algorithm off. postgres.js writes a COPY's data and its end as
 * separate small packets; with Nagle on, the second waits for the server's delayed ACK (40 ms), which
 * made every committed batch ~80 ms slower.
 *
 * The socket is handed over while it is still connecting, as postgres.js does with its own: its error and
 * close handlers then see a refused or dropped connection and free the pool slot. (A factory that waited
 * for `connect` and rejected on ECONNREFUSED left the slot taken for good: after a database restart every
 * query hung until the process was restarted.) Writes made before the connection opens are buffered.
 */
function openSocket(options: { host: string[]; port: number[] }): Socket {
  const host = options.host[0] ?? '127.0.0.1'
  const port = options.port[0] ?? 5432
  // A host starting with / is a Unix-socket directory (libpq's convention).
  return host.startsWith('/')
    ? connectTcp({ path: `${host}/.s.PGSQL.${port}` })
    : connectTcp({ host, port, noDelay: true })
}

/**
 * Reads a `COPY ... TO STDOUT` stream to its end and leaves its connection usable. postgres.js pauses
 * the socket when the stream's buffer is full; when the last data and the end of the COPY arrive in
 * the same chunk, nothing resumes it and the next query on that connection hangs forever
 * (porsager/postgres#499, fix proposed in #1016). Calling the stream's read hook resumes the socket.
 */
export async function* readCopyStream(readable: NodeJS.ReadableStream & { _read?: (size: number) => void }) {
  try {
    for await (const chunk of readable) yield chunk as Buffer
  } finally {
    readable._read?.(0)
  }
}

/** Resumes the connection of a fully consumed COPY stream (see readCopyStream). */
export function releaseCopyStream(
  readable: NodeJS.ReadableStream & { _read?: (size: number) => void },
): void {
  readable._read?.(0)
}
