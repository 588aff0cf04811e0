// Reading write-backs and approving them in a batch. An approval is the principal's (the route passes
// the key's name; the audit log is stamped by the database), and only writes waiting for one move.
import type { Sql } from '@revops/db'
import { recordAuditEvent } from '../audit/audit-events.ts'

export const WRITE_STATUSES = [
  'pending_approval',
  'approved',
  'held',
  'dry_run',
  'succeeded',
  'failed',
  'superseded',
] as const
export type WriteStatus = (typeof WRITE_STATUSES)[number]

export interface WriteBack {
  write_id: string
  ace_id: string
  lead_id: string
  source: string
  catalog: string
  reason: 'confirmed' | 'auto_link'
  status: WriteStatus
  mode: 'dry_run' | 'live'
  attempts: number
  message: string | null
  before: Record<string, unknown> | null
  request: Record<string, unknown> | null
  after: Record<string, unknown> | null
  approved_by: string | null
  approved_at: string | null
  created_at: string
  updated_at: string
  done_at: string | null
}

const COLUMNS = `write_id::text, ace_id, lead_id, source, catalog, reason, status, mode, attempts, message,
  before, request, after, approved_by, approved_at, created_at, updated_at, done_at`

export interface ListWriteBacksFilter {
  statuses?: readonly WriteStatus[] | undefined
  aceId?: string | undefined
  limit?: number | undefined
  /** Only writes older than this id (paging newest first). */
  before?: string | undefined
}

export async function listWriteBacks(
  sql: Sql,
  tenantId: string,
  filter: ListWriteBacksFilter = {},
): Promise<WriteBack[]> {
  return sql<WriteBack[]>`
    select ${sql.unsafe(COLUMNS)} from ops.partner_central_writes
    where tenant_id = ${tenantId}
      ${filter.statuses && filter.statuses.length > 0 ? sql`and status = any(${filter.statuses as string[]})` : sql``}
      ${filter.aceId ? sql`and ace_id = ${filter.aceId}` : sql``}
      ${filter.before ? sql`and write_id < ${filter.before}` : sql``}
    order by write_id desc
    limit ${filter.limit ?? 100}`
}

/** How many writes are in each status (for the page's tabs), of one ACE opportunity when `aceId` is given. */
export async function countWriteBacks(
  sql: Sql,
  tenantId: string,
  aceId?: string | undefined,
): Promise<Record<WriteStatus, number>> {
  const rows = await sql<{ status: WriteStatus; n: number }[]>`
    select status, count(*)::int as n from ops.partner_central_writes
    where tenant_id = ${tenantId} ${aceId ? sql`and ace_id = ${aceId}` : sql``}
    group by status`
  const counts = Object.fromEntries(WRITE_STATUSES.map((s) => [s, 0])) as Record<WriteStatus, number>
  for (const row of rows) counts[row.status] = row.n
  return counts
}

export interface ApproveWriteBacksInput {
  tenantId: string
  writeIds: readonly string[]
  approver: string
  approverKeyId?: string | null | undefined
}

/** Approves the writes of this list that wait for approval; returns the ids approved. */
export async function approveWriteBacks(sql: Sql, input: ApproveWriteBacksInput): Promise<string[]> {
  if (input.writeIds.length === 0) return []
  return sql.begin(async (tx) => {
    const approved = await tx<{ write_id: string; ace_id: string; lead_id: string }[]>`
      update ops.partner_central_writes
      set status = 'approved', approved_by = ${input.approver}, approved_by_key_id = ${input.approverKeyId ?? null},
          approved_at = now(), updated_at = now()
      where tenant_id = ${input.tenantId} and status = 'pending_approval'
        and write_id = any(${input.writeIds.map(String)}::bigint[])
      returning write_id::text, ace_id, lead_id`
    if (approved.length > 0) {
      await recordAuditEvent(tx as unknown as Sql, {
        tenantId: input.tenantId,
        actor: input.approver,
        actorKeyId: input.approverKeyId,
        action: 'partner_central.writes_approved',
        subjectType: 'partner_central_write',
        subjectId: approved.map((w) => w.write_id).join(','),
        details: { writes: approved },
      })
    }
    return approved.map((w) => w.write_id)
  })
}
