// CORE billing cost from the CUR roll-up (c_billing_internal_cur): one row per source row, with the
// service name canonicalised and the charge type categorised. Row by row, so only changed rows are
// touched (the table is the largest one).
import { categorizeChargeType, normalizeServiceName, parseBillingPeriod } from '../billing.ts'
import { deleteCoreRows, upsertCoreRows } from './core-writer.ts'
import { type DataQualityIssue, saveIssues } from './issue-log.ts'
import type { EntityResult, NormalizeContext } from './normalize-context.ts'
import { intId, streamChangedRaw, text, utcTimestamp } from './raw-docs.ts'

const FIELDS = [
  'id',
  'account_id',
  'payer_id',
  'service',
  'charge_type',
  'cost',
  'period',
  'period_date',
  'create_date',
  'write_date',
]
const ISSUE_KINDS = ['unparseable_period', 'unknown_charge_type', 'missing_cost']

export async function normalizeBillingCost(ctx: NormalizeContext): Promise<EntityResult> {
  const { sql, tenantId, window } = ctx
  let examined = 0
  let written = 0
  let deleted = 0
  for await (const batch of streamChangedRaw(sql, {
    tenantId,
    source: 'odoo',
    table: 'c_billing_internal_cur',
    fields: FIELDS,
    from: window.from,
    to: window.to,
  })) {
    examined += batch.length
    const issues: DataQualityIssue[] = []
    const issue = (pk: string, kind: string, field: string, detail: Record<string, unknown>) =>
      issues.push({
        kind,
        severity: 'warning',
        source: 'odoo',
        table: 'c_billing_internal_cur',
        pk,
        field,
        detail,
      })
    const rows = batch.flatMap((record) => {
      if (record._deleted) return []
      const month = parseBillingPeriod(record.period_date ?? record.period)
      if (!month) {
        issue(record._pk, 'unparseable_period', 'period', {
          period: record.period,
          period_date: record.period_date,
        })
        return []
      }
      const cost = text(record.cost)
      if (cost === null) {
        issue(record._pk, 'missing_cost', 'cost', {})
        return []
      }
      const category = categorizeChargeType(record.charge_type)
      if (category === 'other' && text(record.charge_type))
        issue(record._pk, 'unknown_charge_type', 'charge_type', { value: record.charge_type })
      return [
        {
          tenant_id: tenantId,
          cost_ref: intId(record.id) ?? Number(record._pk),
          account_ref: intId(record.account_id),
          payer_ref: intId(record.payer_id),
          service_raw: text(record.service),
          service: normalizeServiceName(record.service),
          charge_type: text(record.charge_type),
          charge_category: category,
          month,
          cost,
          source_created_at: utcTimestamp(record.create_date),
          source_updated_at: utcTimestamp(record.write_date),
          raw_pk: record._pk,
        },
      ]
    })
    written += await upsertCoreRows(sql, 'core.billing_cost', ['tenant_id', 'cost_ref'], rows)
    const kept = new Set(rows.map((row) => row.raw_pk))
    const gone = batch.filter((r) => !kept.has(r._pk)).map((r) => r._pk)
    deleted += await deleteCoreRows(sql, 'core.billing_cost', tenantId, 'cost_ref', gone)
    await saveIssues(
      sql,
      tenantId,
      { source: 'odoo', table: 'c_billing_internal_cur', kinds: ISSUE_KINDS, pks: batch.map((r) => r._pk) },
      issues,
    )
    ctx.onProgress({ step: 'normalize billing cost', done: examined })
  }
  return { entity: 'billing_cost', examined, written, deleted }
}
