// The CORE stage: normalises what changed in RAW since the last run, entity by entity (dimensions
// first, since facts refer to them), then moves the stage position forward. The billing rollups that
// follow CORE billing are the billing feature's own stage (billing/rollups-stage.ts): statement triggers
// mark the months normalisation changed, and that stage rebuilds them.
import type { Sql } from '@revops/db'
import { aceSourceOf } from '../../config/ace-source.ts'
import type { Tenant } from '../../config/load-tenant-config.ts'
import { ConflictError } from '../../shared/errors.ts'
import type { Logger } from '../../shared/logger.ts'
import type { ProgressListener } from '../../shared/progress.ts'
import { normalizeAceOpportunities } from './ace-opportunities.ts'
import { normalizeAwsAccounts } from './aws-accounts.ts'
import { normalizeBillingCost } from './billing-cost.ts'
import { normalizeBillingDiscounts } from './billing-discounts.ts'
import { normalizeBillingInvoice } from './billing-invoice.ts'
import { anyChanged, type ChangeWindow, closeChangeWindow, openChangeWindow } from './change-window.ts'
import { normalizeCompanies } from './companies.ts'
import { IssueLog } from './issue-log.ts'
import type { EntityResult, NormalizeContext } from './normalize-context.ts'
import { loadOdooDimensions, ODOO_DIMENSION_TABLES } from './odoo-dimensions.ts'
import { normalizeOdooOpportunities } from './odoo-opportunities.ts'
import { checkAccountReferences } from './reference-checks.ts'

export interface NormalizeOptions {
  sql: Sql
  tenant: Tenant
  /** Re-normalise everything, not only what changed. */
  full?: boolean
  onProgress?: ProgressListener
  log: Logger
}

export interface NormalizeReport {
  window: ChangeWindow
  entities: EntityResult[]
  issuesFound: Record<string, number>
}

export async function normalizeTenant(options: NormalizeOptions): Promise<NormalizeReport> {
  const { sql, tenant } = options
  const tenantId = tenant.config.tenant_id
  // Held for the run: two normalisations of one tenant would race on the stage position.
  const lock = await sql.reserve()
  try {
    const [locked] = await lock<
      { locked: boolean }[]
    >`select pg_try_advisory_lock(hashtext(${`revops.normalize:${tenantId}`})) as locked`
    if (!locked?.locked) throw new ConflictError(`a normalisation of tenant "${tenantId}" is already running`)
    try {
      return await normalizeWindow(options)
    } finally {
      await lock`select pg_advisory_unlock(hashtext(${`revops.normalize:${tenantId}`}))`
    }
  } finally {
    lock.release()
  }
}

async function normalizeWindow(options: NormalizeOptions): Promise<NormalizeReport> {
  const { sql, tenant, log } = options
  const tenantId = tenant.config.tenant_id
  const window = await openChangeWindow(sql, tenantId, options.full ?? false)
  if (window.from === window.to && !window.full) {
    log.info('normalize: nothing changed in RAW since the last run')
    return { window, entities: [], issuesFound: {} }
  }
  const ctx: NormalizeContext = {
    sql,
    tenantId,
    window,
    mappings: tenant.config.mappings,
    aceSource: aceSourceOf(tenant.config),
    dimensions: await loadOdooDimensions(sql, tenantId),
    dimensionsChanged: window.full || (await anyChanged(sql, window, 'odoo', ODOO_DIMENSION_TABLES)),
    issues: new IssueLog(),
    onProgress: options.onProgress ?? (() => {}),
    log,
  }
  const steps = [
    normalizeCompanies,
    normalizeAwsAccounts,
    normalizeOdooOpportunities,
    normalizeAceOpportunities,
    normalizeBillingCost,
    normalizeBillingInvoice,
    normalizeBillingDiscounts,
  ]
  const entities: EntityResult[] = []
  for (const [index, step] of steps.entries()) {
    const result = await step(ctx)
    entities.push(...(Array.isArray(result) ? result : [result]))
    ctx.onProgress({ step: 'normalize', done: index + 1, total: steps.length })
  }
  await checkAccountReferences(sql, tenantId)
  await closeChangeWindow(sql, window)
  for (const entity of entities) {
    if (!entity.skipped)
      log.info(
        `normalize ${entity.entity}: ${entity.examined} examined, ${entity.written} written, ${entity.deleted} deleted`,
      )
  }
  return { window, entities, issuesFound: ctx.issues.countByKind() }
}
