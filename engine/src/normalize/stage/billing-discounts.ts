// CORE billing discounts: what AWS paid the partner. Solution Provider Program rows are already one per
// discount kind; distributor rows are wide (one column per kind) and are unpivoted. The distributor's
// own total is kept as reported, never recomputed (it does not equal the sum of its parts).
import { parseBillingPeriod } from '../billing.ts'
import { combineResults, goneKeys, normalizeChangedRows } from './changed-rows.ts'
import { deleteCoreRowsWhere } from './core-writer.ts'
import type { EntityResult, NormalizeContext } from './normalize-context.ts'
import { intId, text } from './raw-docs.ts'

const SPP_FIELDS = [
  'id',
  'linked_account_id',
  'payer_id',
  'period_date',
  'total_eligible_revenue',
  'total_discount_earned',
  'discounts_earned',
]
const DISTRIBUTOR_KINDS = [
  'base',
  'tech_linked',
  'internal',
  'partner_originated',
  'no_eur',
  'support',
  'net_new_business',
  'share_shift',
  'exception',
  'psp_plus',
  'total_discount',
]
const DISTRIBUTOR_FIELDS = ['id', 'linked_account_id', 'payer_id', 'period_date', 'sum', ...DISTRIBUTOR_KINDS]

const TARGET = { table: 'core.billing_discounts', key: ['tenant_id', 'program', 'discount_ref'] }

export async function normalizeBillingDiscounts(ctx: NormalizeContext): Promise<EntityResult> {
  const { sql, tenantId } = ctx
  const spp = await normalizeChangedRows(ctx, {
    entity: 'billing_discounts(spp)',
    table: 'c_billing_spp_bill',
    fields: SPP_FIELDS,
    target: TARGET,
    toRows: (batch) =>
      batch
        .filter((r) => !r._deleted && text(r.total_discount_earned) !== null)
        .map((r) => ({
          tenant_id: tenantId,
          program: 'spp',
          discount_ref: r._pk,
          account_ref: intId(r.linked_account_id),
          payer_ref: intId(r.payer_id),
          month: parseBillingPeriod(r.period_date),
          discount_kind: text(r.discounts_earned) ?? 'unspecified',
          eligible_revenue: text(r.total_eligible_revenue),
          amount: text(r.total_discount_earned)!,
          raw_pk: r._pk,
        })),
    deleteGone: (batch, rows) =>
      deleteCoreRowsWhere(
        sql,
        TARGET.table,
        tenantId,
        { program: 'spp' },
        'discount_ref',
        goneKeys(batch, rows),
      ),
  })
  const distributor = await normalizeChangedRows(ctx, {
    entity: 'billing_discounts(distributor)',
    table: 'c_billing_ingram_bill',
    fields: DISTRIBUTOR_FIELDS,
    target: TARGET,
    toRows: (batch) =>
      batch.flatMap((r) =>
        r._deleted
          ? []
          : DISTRIBUTOR_KINDS.filter((kind) => text(r[kind]) !== null).map((kind) => ({
              tenant_id: tenantId,
              program: 'distributor',
              discount_ref: `${r._pk}:${kind}`,
              account_ref: intId(r.linked_account_id),
              payer_ref: intId(r.payer_id),
              month: parseBillingPeriod(r.period_date),
              discount_kind: kind,
              eligible_revenue: text(r.sum),
              amount: text(r[kind])!,
              raw_pk: r._pk,
            })),
      ),
    // A changed wide row may have lost a column's value: drop its unpivoted rows not produced again.
    deleteGone: async (batch, rows) => {
      const pks = batch.map((r) => r._pk)
      if (pks.length === 0) return 0
      const produced = rows.map((row) => row.discount_ref)
      const gone = await sql`
        delete from core.billing_discounts
        where tenant_id = ${tenantId} and program = 'distributor' and raw_pk = any(${pks}) and discount_ref <> all(${produced})`
      return gone.count
    },
  })
  return combineResults('billing_discounts', [spp, distributor])
}
