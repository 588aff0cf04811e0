// The audit history of one ACE opportunity: every decision appended for it (what changed, with which
// version) and every act recorded about it (reviews of its decisions, match confirmations), newest first.
import type { Sql } from '@revops/db'
import { type AuditEvent, toAuditEvent } from '../audit/audit-events.ts'
import { NotFoundError } from '../shared/errors.ts'
import { summaryQuery, toSummary } from './read-decisions.ts'

export interface HistoryEntry {
  at: string
  /** `decision.evaluated` for a decision appended, else the audit event's action. */
  action: string
  actor: string
  details: Record<string, unknown>
}

export interface DecisionHistory {
  ace_id: string
  current_decision_id: string | null
  entries: HistoryEntry[]
}

/**
 * The history of one ACE opportunity. Audit events count when their subject is the opportunity
 * (`ace_opportunity`, its id) or their details name it (`ace_id`). NotFoundError when the tenant knows
 * nothing of it.
 */
export async function readDecisionHistory(
  sql: Sql,
  tenantId: string,
  aceId: string,
): Promise<DecisionHistory> {
  const decisions = await summaryQuery<{ run_id: string; actor: string }>(
    sql,
    tenantId,
    sql`ops.decisions`,
    sql`and d.ace_id = ${aceId} order by d.decision_id desc`,
    sql`, d.run_id::text, d.actor`,
  )
  const events = await sql<Parameters<typeof toAuditEvent>[0][]>`
    select event_id::text, at, actor, actor_key_id::text, actor_display_name, action, subject_type, subject_id, details
    from ops.audit_events
    where tenant_id = ${tenantId}
      and ((subject_type = 'ace_opportunity' and subject_id = ${aceId}) or details->>'ace_id' = ${aceId})
    order by event_id desc`
  if (decisions.length === 0 && events.length === 0) {
    const [known] =
      await sql`select 1 from core.ace_opportunities where tenant_id = ${tenantId} and ace_id = ${aceId}`
    if (!known) throw new NotFoundError(`no ACE opportunity ${aceId}`)
  }
  const entries: (HistoryEntry & { order: number })[] = [
    ...decisions.map((row) => {
      const summary = toSummary(row)
      return {
        at: summary.evaluated_at,
        order: 0,
        action: 'decision.evaluated',
        actor: row.actor,
        details: {
          decision_id: summary.decision_id,
          outcome: summary.outcome,
          ruleset: summary.ruleset,
          ruleset_version: summary.ruleset_version,
          as_of: summary.as_of,
          failed_rules: summary.failed_rules,
          review_rules: summary.review_rules,
          run_id: row.run_id,
        },
      }
    }),
    ...events.map((row) => {
      const event: AuditEvent = toAuditEvent(row)
      return {
        at: event.at,
        order: 1,
        action: event.action,
        actor: event.actor,
        details: { event_id: event.event_id, ...event.details },
      }
    }),
  ]
  // Newest first; at the same instant a review comes after the decision it reviewed.
  entries.sort((a, b) => (a.at === b.at ? b.order - a.order : a.at < b.at ? 1 : -1))
  return {
    ace_id: aceId,
    current_decision_id: decisions[0]?.decision_id ?? null,
    entries: entries.map(({ order: _order, ...entry }) => entry),
  }
}
