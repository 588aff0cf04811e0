// Rebuilds the Cost Explorer rollups (core.billing_*_monthly) for the months whose CORE billing rows
// changed: triggers record those months in core.billing_rollup_pending, this recomputes each of them
// whole from the CORE tables, so updates, deletions and late invoices are all handled the same way.
import type { Sql, TransactionSql } from '@revops/db'

const ROLLUP_TABLES = [
  'billing_service_monthly',
  'billing_service_totals',
  'billing_account_monthly',
  'billing_customer_monthly',
  'billing_revenue_monthly',
  'billing_revenue_totals',
]

const ANALYZE_AFTER_MONTHS = 6

/**
 * Cost rows added within this many days after the invoice are the month's regular import arriving
 * (the CUR of a month lands a few days into the next one, sometimes a day after the invoice went out);
 * rows added later restate the month (late credits, refunds and adjustments come weeks or months
 * later). A row only rewritten later (its write date moved) does not count: what it said before is
 * not known, and imports touch rows without changing them.
 */
export const RESTATEMENT_GRACE_DAYS = 7

export interface RefreshBillingRollupsOptions {
  /** Rebuild every month of the tenant, not only the pending ones. */
  full?: boolean
}

export interface RefreshBillingRollupsResult {
  /** The months rebuilt, `YYYY-MM-01`. */
  months: string[]
  costRows: number
  revenueRows: number
}

/**
 * Brings the tenant's billing rollups up to date with CORE. Call it after normalisation; it costs one
 * small query when nothing changed. Runs in one transaction under a per-tenant lock, so readers see the
 * old or the new figures of a month, and a change written meanwhile stays pending for the next run.
 */
export async function refreshBillingRollups(
  sql: Sql,
  tenantId: string,
  options: RefreshBillingRollupsOptions = {},
): Promise<RefreshBillingRollupsResult> {
  return (await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${`revops.billing-rollups:${tenantId}`}))`
    // A bulk job: hash joins are always right here, and CORE tables just loaded have no statistics yet
    // (the planner then nests loops over every cost row; measured at 45 s for the demo's 2,000 rows).
    await tx`set local enable_nestloop = off`
    // First, so that a writer committing from now on marks its months pending again (see the trigger).
    const pending = await tx<{ month: string }[]>`
      delete from core.billing_rollup_pending where tenant_id = ${tenantId} returning month`
    const months = options.full ? await allMonths(tx, tenantId) : pending.map((row) => row.month)
    months.sort()
    if (months.length === 0) return { months, costRows: 0, revenueRows: 0 }
    for (const table of ROLLUP_TABLES) {
      await tx`delete from core.${tx(table)} where tenant_id = ${tenantId} and month = any(${months}::date[])`
    }
    const costRows = await insertServiceMonths(tx, tenantId, months)
    await tx`
      insert into core.billing_account_monthly (tenant_id, month, account_ref, late, usage, ri_fee, savings_plan,
        fee, tax, other, gross, credit, refund, cur_discount, spp_discount, distributor_discount, partner_discount,
        net, net_of_discounts, cost_rows, invoiced_on)
      select tenant_id, month, account_ref, late, sum(usage), sum(ri_fee), sum(savings_plan), sum(fee), sum(tax),
        sum(other), sum(gross), sum(credit), sum(refund), sum(cur_discount), sum(spp_discount),
        sum(distributor_discount), sum(partner_discount), sum(net), sum(net_of_discounts), sum(cost_rows),
        max(invoiced_on)
      from core.billing_service_monthly
      where tenant_id = ${tenantId} and month = any(${months}::date[])
      group by tenant_id, month, account_ref, late`
    // Customers as they are now: an account changing customer marks its months pending (migration 000012).
    await tx`
      insert into core.billing_customer_monthly (tenant_id, month, company_id, late, gross, credit, refund,
        spp_discount, distributor_discount, partner_discount, net, net_of_discounts, cost_rows)
      select r.tenant_id, r.month, a.company_id, r.late, sum(r.gross), sum(r.credit), sum(r.refund),
        sum(r.spp_discount), sum(r.distributor_discount), sum(r.partner_discount), sum(r.net),
        sum(r.net_of_discounts), sum(r.cost_rows)
      from core.billing_account_monthly r
      left join core.aws_accounts a on a.tenant_id = r.tenant_id and a.account_ref = r.account_ref
      where r.tenant_id = ${tenantId} and r.month = any(${months}::date[])
      group by r.tenant_id, r.month, a.company_id, r.late`
    await tx`
      insert into core.billing_service_totals (tenant_id, month, service, late, usage, ri_fee, savings_plan, fee,
        tax, other, gross, credit, refund, cur_discount, spp_discount, distributor_discount, partner_discount, net,
        net_of_discounts, cost_rows)
      select tenant_id, month, service, late, sum(usage), sum(ri_fee), sum(savings_plan), sum(fee), sum(tax),
        sum(other), sum(gross), sum(credit), sum(refund), sum(cur_discount), sum(spp_discount),
        sum(distributor_discount), sum(partner_discount), sum(net), sum(net_of_discounts), sum(cost_rows)
      from core.billing_service_monthly
      where tenant_id = ${tenantId} and month = any(${months}::date[])
      group by tenant_id, month, service, late`
    const revenue = await tx`
      insert into core.billing_revenue_monthly (tenant_id, month, basis, account_ref, partner_id, product_id,
        product_name, amount, lines)
      select tenant_id, month, basis, account_ref, company_id, product_id, product_name, sum(amount), count(*)
      from core.billing_invoice
      where tenant_id = ${tenantId} and month = any(${months}::date[])
        and ((basis = 'bill' and document_ref is not null and document_state is distinct from 'cancel')
          or (basis = 'invoice' and document_state = 'posted'))
      group by tenant_id, month, basis, account_ref, company_id, product_id, product_name`
    await tx`
      insert into core.billing_revenue_totals (tenant_id, month, basis, account_ref, partner_id, amount, lines)
      select tenant_id, month, basis, account_ref, partner_id, sum(amount), sum(lines)
      from core.billing_revenue_monthly
      where tenant_id = ${tenantId} and month = any(${months}::date[])
      group by tenant_id, month, basis, account_ref, partner_id`
    // Fresh statistics after a large rebuild, so the explorer's queries are planned for the new sizes.
    if (months.length >= ANALYZE_AFTER_MONTHS)
      for (const table of ROLLUP_TABLES) await tx`analyze core.${tx(table)}`
    await tx`
      insert into core.billing_rollup_state (tenant_id, refreshed_at, months_refreshed)
      values (${tenantId}, now(), ${months.length})
      on conflict (tenant_id) do update set refreshed_at = excluded.refreshed_at,
        months_refreshed = excluded.months_refreshed`
    return { months, costRows, revenueRows: revenue.count }
  })) as RefreshBillingRollupsResult
}

async function allMonths(tx: TransactionSql, tenantId: string): Promise<string[]> {
  const rows = await tx<{ month: string }[]>`
    select month from core.billing_cost where tenant_id = ${tenantId}
    union select month from core.billing_invoice where tenant_id = ${tenantId} and month is not null
    union select month from core.billing_discounts where tenant_id = ${tenantId} and month is not null
    union select month from core.billing_service_monthly where tenant_id = ${tenantId}
    union select month from core.billing_revenue_monthly where tenant_id = ${tenantId}`
  return rows.map((row) => row.month)
}

/**
 * Cost rows and discount statements of the months, per account x service x late. An account-month is
 * invoiced on the first posted invoice its staging bill went on, else (no bill links it) on its
 * customer's first posted invoice for the month; cost rows created after that day are
 * `late` (beyond RESTATEMENT_GRACE_DAYS): the month was restated after it was invoiced.
 */
async function insertServiceMonths(tx: TransactionSql, tenantId: string, months: string[]): Promise<number> {
  const result = await tx`
    with bill_invoiced as materialized (
      select b.account_ref, b.month, min(i.document_date) as invoiced_on
      from core.billing_invoice b
      join core.billing_invoice i on i.tenant_id = b.tenant_id and i.basis = 'invoice'
        and i.document_ref = b.invoice_ref and i.document_state = 'posted' and i.line_type = 'invoice'
      where b.tenant_id = ${tenantId} and b.basis = 'bill' and b.month = any(${months}::date[])
        and b.invoice_ref is not null and b.document_state is distinct from 'cancel'
      group by b.account_ref, b.month
    ),
    customer_invoiced as materialized (
      select coalesce(p.company_id, i.company_id) as company_id, i.month, min(i.document_date) as invoiced_on
      from core.billing_invoice i
      left join core.partners p on p.tenant_id = i.tenant_id and p.partner_id = i.company_id
      where i.tenant_id = ${tenantId} and i.basis = 'invoice' and i.month = any(${months}::date[])
        and i.document_state = 'posted' and i.line_type = 'invoice'
      group by 1, 2
    ),
    costs as (
      select c.month, c.account_ref, c.service, c.charge_category, c.cost,
        coalesce(bi.invoiced_on, ci.invoiced_on) as invoiced_on,
        coalesce((c.source_created_at at time zone 'UTC')::date
          > coalesce(bi.invoiced_on, ci.invoiced_on) + ${RESTATEMENT_GRACE_DAYS}::int, false) as late
      from core.billing_cost c
      left join core.aws_accounts a on a.tenant_id = c.tenant_id and a.account_ref = c.account_ref
      left join bill_invoiced bi on bi.account_ref = c.account_ref and bi.month = c.month
      left join customer_invoiced ci on ci.company_id = a.company_id and ci.month = c.month
      where c.tenant_id = ${tenantId} and c.month = any(${months}::date[])
    ),
    statements as (
      -- A distributor row's total_discount is what it paid (it is not the sum of its columns): the
      -- columns count only where the total is missing. SPP rows are one per discount kind: summed.
      select account_ref, month,
        case when program = 'spp' then sum(amount) else 0 end as spp,
        case when program = 'distributor'
          then coalesce(sum(amount) filter (where discount_kind = 'total_discount'), sum(amount)) else 0 end
          as distributor
      from core.billing_discounts
      where tenant_id = ${tenantId} and month = any(${months}::date[])
      group by account_ref, month, program, raw_pk
    ),
    parts as (
      select month, account_ref, service, late, invoiced_on,
        sum(cost) filter (where charge_category in ('usage', 'discounted_usage')) as usage,
        sum(cost) filter (where charge_category = 'ri_fee') as ri_fee,
        sum(cost) filter (where charge_category = 'savings_plan') as savings_plan,
        sum(cost) filter (where charge_category = 'fee') as fee,
        sum(cost) filter (where charge_category = 'tax') as tax,
        sum(cost) filter (where charge_category not in ('usage', 'discounted_usage', 'ri_fee', 'savings_plan',
          'fee', 'tax', 'credit', 'refund', 'discount')) as other,
        sum(cost) filter (where charge_category = 'credit') as credit,
        sum(cost) filter (where charge_category = 'refund') as refund,
        sum(cost) filter (where charge_category = 'discount') as cur_discount,
        null::numeric as spp, null::numeric as distributor, count(*) as cost_rows
      from costs group by month, account_ref, service, late, invoiced_on
      union all
      select month, account_ref, null, false, null, null, null, null, null, null, null, null, null, null,
        spp, distributor, 0
      from statements
    )
    insert into core.billing_service_monthly (tenant_id, month, account_ref, service, late, usage, ri_fee,
      savings_plan, fee, tax, other, gross, credit, refund, cur_discount, spp_discount, distributor_discount,
      partner_discount, net, net_of_discounts, cost_rows, invoiced_on)
    select ${tenantId}, month, account_ref, service, late, usage, ri_fee, savings_plan, fee, tax, other, gross,
      credit, refund, cur_discount, spp, distributor, spp + distributor, gross + credit + refund,
      gross + credit + refund - spp - distributor, cost_rows, invoiced_on
    from (
      select month, account_ref, service, late,
        coalesce(sum(usage), 0) as usage, coalesce(sum(ri_fee), 0) as ri_fee,
        coalesce(sum(savings_plan), 0) as savings_plan, coalesce(sum(fee), 0) as fee, coalesce(sum(tax), 0) as tax,
        coalesce(sum(other), 0) as other,
        coalesce(sum(usage), 0) + coalesce(sum(ri_fee), 0) + coalesce(sum(savings_plan), 0)
          + coalesce(sum(fee), 0) + coalesce(sum(tax), 0) + coalesce(sum(other), 0) as gross,
        coalesce(sum(credit), 0) as credit, coalesce(sum(refund), 0) as refund,
        coalesce(sum(cur_discount), 0) as cur_discount, coalesce(sum(spp), 0) as spp,
        coalesce(sum(distributor), 0) as distributor, sum(cost_rows) as cost_rows, max(invoiced_on) as invoiced_on
      from parts
      group by month, account_ref, service, late) s`
  return result.count
}
