// Opens a source database strictly read-only and turns connection failures into one clear error.
import { connect, connectionFailureReason, redactUrl, type Sql } from '@revops/db'
import { SourceUnavailableError } from '../shared/errors.ts'

export interface SourceConnection {
  name: string
  sql: Sql
  close(): Promise<void>
}

/** Connects and checks the source answers, so an unreachable source fails before any work starts. */
export async function openSource(name: string, url: string): Promise<SourceConnection> {
  const sql = connect(url, { max: 2, applicationName: 'revops-ingest', readOnly: true, connectTimeout: 15 })
  try {
    await sql`select 1`
  } catch (error) {
    // The failure to report is the connection's; one closing the pool would only hide it.
    await sql.end({ timeout: 1 }).catch(() => undefined)
    throw asSourceError(name, url, error)
  }
  return { name, sql, close: () => sql.end({ timeout: 5 }) }
}

/** A SourceUnavailableError for connection-level failures; other errors pass through unchanged. */
export function asSourceError(name: string, url: string, error: unknown): unknown {
  const reason = connectionFailureReason(error)
  if (!reason) return error
  return new SourceUnavailableError(
    `source "${name}" is unreachable (${reason}) at ${redactUrl(url)}`,
    { source: name, reason },
    { cause: error },
  )
}
