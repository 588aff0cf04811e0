// What is worth telling people, read from what the platform recorded, each with an idempotency key (so
// collecting again finds the same events and adds nothing): a decision whose outcome changed, a decision
// waiting for a person longer than the review SLA, a run that failed for good, open data-quality issues
// that jumped. Each collector remembers how far it read in ops.stage_watermarks.
import type { Sql } from '@revops/db'
import type { NotificationEvent, NotificationsConfig } from '../config/tenant-config.ts'

export interface CollectedEvent {
  event: NotificationEvent
  key: string
  subject: string
  body: string
  details: Record<string, unknown>
}

export interface CollectEventsInput {
  tenantId: string
  config: NotificationsConfig
  now: Date
}

const OUTCOME_WORDS: Record<string, string> = {
  auto_approve: 'approved',
  needs_review: 'needs review',
  auto_reject: 'rejected',
}

export async function collectEvents(sql: Sql, input: CollectEventsInput): Promise<CollectedEvent[]> {
  return [
    ...(await decisionChanges(sql, input)),
    ...(await overdueReviews(sql, input)),
    ...(await failedRuns(sql, input)),
    ...(await dataQualityJump(sql, input)),
  ]
}

async function position(sql: Sql, tenantId: string, stage: string): Promise<string | null> {
  const [row] = await sql<{ position: string }[]>`
    select position::text from ops.stage_watermarks where tenant_id = ${tenantId} and stage = ${stage}`
  return row?.position ?? null
}

async function savePosition(sql: Sql, tenantId: string, stage: string, value: string): Promise<void> {
  await sql`
    insert into ops.stage_watermarks (tenant_id, stage, position) values (${tenantId}, ${stage}, ${value})
    on conflict (tenant_id, stage) do update set position = excluded.position, updated_at = now()`
}

/** Decisions appended since the last collection whose outcome differs from the one before them. */
async function decisionChanges(sql: Sql, input: CollectEventsInput): Promise<CollectedEvent[]> {
  const after = (await position(sql, input.tenantId, 'notify-decisions')) ?? '0'
  const rows = await sql<
    { decision_id: string; ace_id: string; outcome: string; previous: string; customer: string | null }[]
  >`
    select d.decision_id::text, d.ace_id, d.outcome, p.outcome as previous, a.customer_name as customer
    from ops.decisions d
    cross join lateral (
      select outcome from ops.decisions p
      where p.tenant_id = d.tenant_id and p.ace_id = d.ace_id and p.decision_id < d.decision_id
      order by p.decision_id desc limit 1) p
    left join core.ace_opportunities a on a.tenant_id = d.tenant_id and a.ace_id = d.ace_id
    where d.tenant_id = ${input.tenantId} and d.decision_id > ${after} and p.outcome <> d.outcome
    order by d.decision_id`
  const [newest] = await sql<{ id: string | null }[]>`
    select max(decision_id)::text as id from ops.decisions where tenant_id = ${input.tenantId}`
  if (newest?.id) await savePosition(sql, input.tenantId, 'notify-decisions', newest.id)
  return rows.map((row) => ({
    event: 'decision_changed',
    key: `decision_changed:${row.decision_id}`,
    subject: `POD decision changed: ${row.customer ?? row.ace_id} is now ${OUTCOME_WORDS[row.outcome] ?? row.outcome}`,
    body: `ACE opportunity ${row.ace_id}${row.customer ? ` (${row.customer})` : ''} went from ${OUTCOME_WORDS[row.previous] ?? row.previous} to ${OUTCOME_WORDS[row.outcome] ?? row.outcome}.`,
    details: { ace_id: row.ace_id, decision_id: row.decision_id, from: row.previous, to: row.outcome },
  }))
}

/** Current decisions waiting for a person longer than the SLA, without a review: reminded once each. */
async function overdueReviews(sql: Sql, input: CollectEventsInput): Promise<CollectedEvent[]> {
  const rows = await sql<
    { decision_id: string; ace_id: string; evaluated_at: Date; customer: string | null }[]
  >`
    select d.decision_id::text, d.ace_id, d.evaluated_at, a.customer_name as customer
    from ops.current_decisions d
    left join core.ace_opportunities a on a.tenant_id = d.tenant_id and a.ace_id = d.ace_id
    where d.tenant_id = ${input.tenantId} and d.outcome = 'needs_review'
      and d.evaluated_at <= ${input.now}::timestamptz - make_interval(secs => ${input.config.review_sla_hours * 3600})
      and not exists (select 1 from ops.decision_reviews r where r.decision_id = d.decision_id)
    order by d.evaluated_at`
  return rows.map((row) => {
    const hours = Math.floor((input.now.getTime() - row.evaluated_at.getTime()) / 3_600_000)
    return {
      event: 'review_overdue',
      key: `review_overdue:${row.decision_id}`,
      subject: `Review overdue: ${row.customer ?? row.ace_id} has waited ${hours} hours`,
      body: `The POD decision on ACE opportunity ${row.ace_id} needs a person and has waited ${hours} hours (the review SLA is ${input.config.review_sla_hours} hours).`,
      details: { ace_id: row.ace_id, decision_id: row.decision_id, waiting_hours: hours },
    }
  })
}

/** Runs that failed for good (no retry left) in the last week. */
async function failedRuns(sql: Sql, input: CollectEventsInput): Promise<CollectedEvent[]> {
  const rows = await sql<
    { job_id: string; kind: string; last_error: string | null; finished_at: Date | null }[]
  >`
    select job_id::text, kind, last_error, finished_at from ops.jobs
    where tenant_id = ${input.tenantId} and status = 'failed'
      and coalesce(finished_at, updated_at) > ${input.now}::timestamptz - interval '7 days'
    order by created_at`
  return rows.map((row) => ({
    event: 'run_failed',
    key: `run_failed:${row.job_id}`,
    subject: `A ${row.kind} run failed`,
    body: `Job ${row.job_id} (${row.kind}) failed: ${row.last_error ?? 'no error recorded'}.`,
    details: { job_id: row.job_id, kind: row.kind, error: row.last_error },
  }))
}

/** Open data-quality issues compared with the count at the last collection. */
async function dataQualityJump(sql: Sql, input: CollectEventsInput): Promise<CollectedEvent[]> {
  const [row] = await sql<{ open: number }[]>`
    select count(*)::int as open from ops.data_quality_issues where tenant_id = ${input.tenantId} and resolved_at is null`
  const open = row!.open
  const before = await position(sql, input.tenantId, 'notify-data-quality')
  await savePosition(sql, input.tenantId, 'notify-data-quality', String(open))
  if (before === null) return []
  const previous = Number(before)
  const rise = open - previous
  if (rise < 5 || rise < (previous * input.config.data_quality_jump_percent) / 100) return []
  return [
    {
      event: 'data_quality_jump',
      key: `data_quality_jump:${input.now.toISOString().slice(0, 13)}:${open}`,
      subject: `Data-quality issues jumped from ${previous} to ${open}`,
      body: `Open data-quality issues rose by ${rise} (from ${previous} to ${open}) since the last check; the dashboard lists them.`,
      details: { before: previous, now: open },
    },
  ]
}
