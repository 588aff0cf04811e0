// CORE billing cost from the CUR roll-up (c_billing_internal_cur): one row per source row, with the
// service name canonicalised and the charge type categorised. Row by row, so only changed rows are
// touched (the table is the largest one).
import { categorizeChargeType, normalizeServiceName, parseBillingPeriod } from '../billing.ts'
import { goneKeys, normalizeChangedRows } from './changed-rows.ts'
import { deleteCoreRows } from './core-writer.ts'
import type { EntityResult, NormalizeContext } from './normalize-context.ts'
import { intId, text, utcTimestamp } from './raw-docs.ts'

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

export function normalizeBillingCost(ctx: NormalizeContext): Promise<EntityResult> {
  const { sql, tenantId } = ctx
  return normalizeChangedRows(ctx, {
    entity: 'billing_cost',
    table: 'c_billing_internal_cur',
    fields: FIELDS,
    target: { table: 'core.billing_cost', key: ['tenant_id', 'cost_ref'] },
    issueKinds: ISSUE_KINDS,
    progressStep: 'normalize billing cost',
    toRows: (batch, issue) =>
      batch.flatMap((record) => {
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
      }),
    deleteGone: (batch, rows) =>
      deleteCoreRows(sql, 'core.billing_cost', tenantId, 'cost_ref', goneKeys(batch, rows)),
  })
}
