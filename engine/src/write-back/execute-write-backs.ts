// Runs the approved write-backs of a tenant (and retries held ones): read the opportunity, hold while AWS
// reviews it, build the whole-record update with its LastModifiedDate, send it (or, in a dry run, only
// record it), re-read and retry on a conflict, and audit every write with the record before and after.
// A crash between AWS accepting a write and this recording it is harmless: the next run reads the
// identifier already in place and records the write as done without sending it again.
import type { Sql } from '@revops/db'
import { recordAuditEvent } from '../audit/audit-events.ts'
import { type SellingOpportunity, UNDER_REVIEW_STATUSES } from '../partner-central/opportunity-record.ts'
import { PartnerCentralError, type SellingApi } from '../partner-central/selling-api.ts'
import { coerceError } from '../shared/errors.ts'
import type { Logger } from '../shared/logger.ts'
import { buildUpdateRequest } from './update-request.ts'

export interface ExecuteWriteBacksOptions {
  tenantId: string
  api: SellingApi
  log: Logger
  signal?: AbortSignal | undefined
  /** Conflicting updates tried again after a fresh read before the write fails. */
  conflictRetries?: number
  limit?: number
}

export interface WriteRunReport {
  attempted: number
  succeeded: number
  dry_run: number
  held: number
  failed: number
}

interface DueWrite {
  write_id: string
  ace_id: string
  lead_id: string
  mode: 'dry_run' | 'live'
}

type Outcome = { status: 'succeeded' | 'dry_run' | 'held' | 'failed'; message: string | null }

export async function executeWriteBacks(
  sql: Sql,
  options: ExecuteWriteBacksOptions,
): Promise<WriteRunReport> {
  const due = await sql<DueWrite[]>`
    select write_id::text, ace_id, lead_id, mode from ops.partner_central_writes
    where tenant_id = ${options.tenantId} and status in ('approved', 'held')
    order by write_id limit ${options.limit ?? 500}`
  const report: WriteRunReport = { attempted: 0, succeeded: 0, dry_run: 0, held: 0, failed: 0 }
  for (const write of due) {
    if (options.signal?.aborted) break
    report.attempted++
    const trail: { before: SellingOpportunity | null; request: unknown; after: SellingOpportunity | null } = {
      before: null,
      request: null,
      after: null,
    }
    let outcome: Outcome
    try {
      outcome = await writeOne(options, write, trail)
    } catch (error) {
      outcome = { status: 'failed', message: coerceError(error).message }
    }
    report[outcome.status]++
    await sql.begin(async (tx) => {
      await tx`
        update ops.partner_central_writes
        set status = ${outcome.status}, message = ${outcome.message}, attempts = attempts + 1,
            before = ${tx.json(trail.before as never)}, request = ${tx.json(trail.request as never)},
            after = ${tx.json(trail.after as never)}, updated_at = now(),
            done_at = ${outcome.status === 'held' ? null : new Date()}
        where tenant_id = ${options.tenantId} and write_id = ${write.write_id}`
      if (outcome.status !== 'held') {
        await recordAuditEvent(tx as unknown as Sql, {
          tenantId: options.tenantId,
          actor: 'system',
          action: `partner_central.write_${outcome.status}`,
          subjectType: 'ace_opportunity',
          subjectId: write.ace_id,
          details: {
            write_id: write.write_id,
            mode: write.mode,
            field: 'PartnerOpportunityIdentifier',
            before: trail.before?.PartnerOpportunityIdentifier ?? null,
            after:
              write.mode === 'live' ? (trail.after?.PartnerOpportunityIdentifier ?? null) : write.lead_id,
            message: outcome.message,
          },
        })
      }
    })
    options.log.info(`write-back ${write.write_id} (${write.ace_id} -> ${write.lead_id}): ${outcome.status}`)
  }
  return report
}

async function writeOne(
  options: ExecuteWriteBacksOptions,
  write: DueWrite,
  trail: { before: SellingOpportunity | null; request: unknown; after: SellingOpportunity | null },
): Promise<Outcome> {
  const retries = options.conflictRetries ?? 3
  for (let attempt = 0; ; attempt++) {
    const current = await options.api.getOpportunity(write.ace_id)
    trail.before = current
    const review = current.LifeCycle?.ReviewStatus
    if (review && UNDER_REVIEW_STATUSES.includes(review))
      return { status: 'held', message: `AWS is reviewing the opportunity (${review}); tried again next run` }
    if (current.PartnerOpportunityIdentifier === write.lead_id) {
      trail.after = current
      return { status: 'succeeded', message: 'Partner Central already holds this identifier' }
    }
    const request = buildUpdateRequest(current, write.lead_id)
    trail.request = request
    if (write.mode === 'dry_run')
      return { status: 'dry_run', message: 'dry run: the request was recorded, not sent' }
    try {
      await options.api.updateOpportunity(request)
    } catch (error) {
      if (error instanceof PartnerCentralError && error.awsCode === 'ConflictException' && attempt < retries)
        continue
      throw error
    }
    trail.after = await options.api.getOpportunity(write.ace_id)
    if (trail.after.PartnerOpportunityIdentifier !== write.lead_id)
      return { status: 'failed', message: 'the update was accepted but the identifier read back differs' }
    return { status: 'succeeded', message: attempt > 0 ? `written after ${attempt} conflict(s)` : null }
  }
}
