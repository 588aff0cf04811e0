// The audit log (ops.audit_events): one append-only row per act — a ruleset published, an evaluation
// run, a decision approved or rejected, a match confirmed or rejected — read back newest first.
import type { Sql, TransactionSql } from '@revops/db'
import { ValidationError } from '../shared/errors.ts'

/** Actions the product records; routes may add their own (e.g. `match.confirmed`). */
export type AuditAction =
  | 'ruleset.published'
  | 'decisions.evaluated'
  | 'decision.approved'
  | 'decision.rejected'
  | 'match.confirmed'
  | 'match.rejected'
  | (string & {})

export interface AuditEventInput {
  tenantId: string
  /**
   * Who acted: an API key's name (a session that presented the key is stamped with it by the database,
   * whatever this says), or `system` / the operator for the CLI and the pipeline.
   */
  actor: string
  /** The key that acted, when one did. */
  actorKeyId?: string | null | undefined
  /** A name the person gave (free text), kept beside the actor, never instead of it. */
  actorDisplayName?: string | null | undefined
  action: AuditAction
  /** What the act was about: `ruleset` (`pod@2`), `ace_opportunity` (its id), `decision`, … */
  subjectType: string
  subjectId: string
  details?: Record<string, unknown>
}

export interface AuditEvent {
  event_id: string
  at: string
  actor: string
  actor_key_id: string | null
  actor_display_name: string | null
  action: string
  subject_type: string
  subject_id: string
  details: Record<string, unknown>
}

/** Appends one audit event; returns its id. */
export async function recordAuditEvent(sql: Sql | TransactionSql, event: AuditEventInput): Promise<string> {
  const [row] = await sql<{ event_id: string }[]>`
    insert into ops.audit_events (tenant_id, actor, actor_key_id, actor_display_name, action, subject_type, subject_id, details)
    values (${event.tenantId}, ${event.actor}, ${event.actorKeyId ?? null}, ${event.actorDisplayName ?? null},
            ${event.action}, ${event.subjectType}, ${event.subjectId}, ${sql.json((event.details ?? {}) as never)})
    returning event_id::text`
  return row!.event_id
}

export interface AuditLogFilter {
  /** One action or several. */
  action?: string | readonly string[] | undefined
  actor?: string | undefined
  subjectType?: string | undefined
  subjectId?: string | undefined
  /** Events at or after this time (ISO 8601). */
  from?: string | undefined
  /** Events before this time (ISO 8601). */
  to?: string | undefined
  limit: number
  /** Keyset cursor: the event id of the last event of the previous page. */
  before?: string | undefined
}

export interface AuditLogPage {
  items: AuditEvent[]
  /** Pass as `before` for the next page; null when this is the last one. */
  next_cursor: string | null
}

interface EventRow {
  event_id: string
  at: Date
  actor: string
  actor_key_id: string | null
  actor_display_name: string | null
  action: string
  subject_type: string
  subject_id: string
  details: Record<string, unknown>
}

/** Turns a stored row into the shape callers see. */
export function toAuditEvent(row: EventRow): AuditEvent {
  return { ...row, at: row.at.toISOString() }
}

/** The audit log of a tenant, newest first, filtered and paged by event id. */
export async function listAuditEvents(
  sql: Sql,
  tenantId: string,
  filter: AuditLogFilter,
): Promise<AuditLogPage> {
  if (filter.before !== undefined && !/^\d{1,18}$/.test(filter.before))
    throw new ValidationError(`cursor ${filter.before} is not an audit event id`, { field: 'cursor' })
  for (const [field, value] of [
    ['from', filter.from],
    ['to', filter.to],
  ] as const) {
    if (value !== undefined && Number.isNaN(Date.parse(value)))
      throw new ValidationError(`${field} must be an ISO 8601 time, got "${value}"`, { field })
  }
  const actions =
    filter.action === undefined
      ? undefined
      : typeof filter.action === 'string'
        ? [filter.action]
        : filter.action
  const rows = await sql<EventRow[]>`
    select event_id::text, at, actor, actor_key_id::text, actor_display_name, action, subject_type, subject_id, details
    from ops.audit_events
    where tenant_id = ${tenantId}
      ${actions ? sql`and action = any(${actions as string[]})` : sql``}
      ${filter.actor ? sql`and actor = ${filter.actor}` : sql``}
      ${filter.subjectType ? sql`and subject_type = ${filter.subjectType}` : sql``}
      ${filter.subjectId ? sql`and subject_id = ${filter.subjectId}` : sql``}
      ${filter.from ? sql`and at >= ${filter.from}` : sql``}
      ${filter.to ? sql`and at < ${filter.to}` : sql``}
      ${filter.before ? sql`and event_id < ${filter.before}` : sql``}
    order by event_id desc
    limit ${filter.limit + 1}`
  const items = rows.slice(0, filter.limit).map(toAuditEvent)
  return {
    items,
    next_cursor: rows.length > filter.limit ? (items[items.length - 1]?.event_id ?? null) : null,
  }
}
