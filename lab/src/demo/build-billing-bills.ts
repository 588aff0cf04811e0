// c_billing_bill and c_billing_bill_line: the partner's invoice staging per AWS account and month —
// usage at public price (sometimes with an uplift), support, managed services, credits passed on,
// discounts. Some bills were cancelled and redone; some were deleted and left their lines orphaned.
import { roundTo } from './aws-services.ts'
import type { AccountMonth } from './build-billing-cur.ts'
import type { CompanyPartners } from './build-odoo-partners.ts'
import type { OdooReference } from './build-odoo-reference.ts'
import { dayToSeconds, formatDay, formatTimestamp } from './dates.ts'
import type { Company } from './demo-world.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'

export type BillState = 'draft' | 'confirmed' | 'invoiced' | 'cancel'

export interface BillLine {
  productId: number
  lineType: 'usage' | 'support' | 'managed_service' | 'discount' | 'credit'
  name: string
  cost: number
}

export interface Bill {
  id: number
  am: AccountMonth
  partnerId: number
  company: Company
  state: BillState
  lines: BillLine[]
  cost: number
  at: number
  /** Deleted after its lines were written: the lines stay, the bill row does not. */
  deleted: boolean
  /** Set when the invoice is built. */
  invoiceId: number | null
  /** The last month's bill is put on a draft invoice. */
  draftInvoice: boolean
}

interface Policy {
  uplift: number
  support: boolean
  managedFee: number
  discount: number
  passCredits: boolean
}

export function buildBills(
  random: Random,
  accountMonths: readonly AccountMonth[],
  partners: ReadonlyMap<string, CompanyPartners>,
  reference: OdooReference,
  options: { anchorDay: number; monthCount: number },
): Bill[] {
  const policies = new Map<string, Policy>()
  const bills: Omit<Bill, 'id'>[] = []
  const end = dayToSeconds(options.anchorDay) - 3600
  const productSwitch = Math.floor(options.monthCount / 3)
  for (const am of accountMonths) {
    const company = am.account.company
    const entry = company ? partners.get(company.key) : undefined
    if (!company || !entry) continue
    let policy = policies.get(company.key)
    if (!policy) {
      policy = {
        uplift: random.chance(0.3) ? random.float(0.02, 0.08) : 0,
        support: random.chance(0.55),
        managedFee: random.chance(0.2) ? random.pick([1500, 2500, 4000, 6500, 12_000]) : 0,
        discount: random.chance(0.15) ? random.pick([0.02, 0.03, 0.05]) : 0,
        passCredits: random.chance(0.9),
      }
      policies.set(company.key, policy)
    }
    const number = am.account.number
    const lines: BillLine[] = []
    const usageProduct =
      am.monthIndex < productSwitch ? reference.products.usageLegacy : reference.products.usage
    lines.push({
      productId: usageProduct,
      lineType: 'usage',
      name: `AWS Usage ${number} ${am.month.period}`,
      cost: roundTo(am.usage * (1 + policy.uplift), 2),
    })
    if (policy.support)
      lines.push({
        productId: reference.products.support,
        lineType: 'support',
        name: 'AWS Support',
        cost: roundTo(Math.max(150, am.usage * 0.08), 2),
      })
    if (policy.managedFee > 0 && !am.account.isPayer)
      lines.push({
        productId: reference.products.managed,
        lineType: 'managed_service',
        name: 'Managed Services - monthly fee',
        cost: policy.managedFee,
      })
    if (am.credit < 0 && policy.passCredits)
      lines.push({
        productId: reference.products.credit,
        lineType: 'credit',
        name: 'AWS Promotional Credit',
        cost: roundTo(am.credit, 2),
      })
    if (am.refund < 0 && random.chance(0.5))
      lines.push({
        productId: reference.products.credit,
        lineType: 'credit',
        name: 'AWS Refund',
        cost: roundTo(am.refund, 2),
      })
    if (policy.discount > 0)
      lines.push({
        productId: reference.products.discount,
        lineType: 'discount',
        name: `Discount ${policy.discount * 100}%`,
        cost: roundTo(-am.usage * policy.discount, 2),
      })
    const last = am.monthIndex === options.monthCount - 1
    const state: BillState = am.account.notBillable
      ? random.pick(['draft', 'cancel'])
      : last
        ? random.weighted([
            ['draft', 60],
            ['confirmed', 40],
          ])
        : random.weighted([
            ['invoiced', 95],
            ['confirmed', 3],
            ['draft', 2],
          ])
    const partnerId = entry.duplicateId !== null && random.chance(0.3) ? entry.duplicateId : entry.companyId
    const at = Math.min(
      dayToSeconds(am.month.lastDay + random.int(3, 8), random.int(20_000, 70_000)),
      end - 3600,
    )
    const bill = {
      am,
      partnerId,
      company,
      state,
      lines,
      cost: sum(lines),
      at,
      deleted: false,
      invoiceId: null,
      draftInvoice: last && state === 'confirmed' && random.chance(0.3),
    }
    if (state === 'invoiced' && random.chance(0.02)) {
      // Cancelled and redone: the first version stays, cancelled, with slightly different lines.
      const first = lines.map((line) => ({ ...line, cost: roundTo(line.cost * random.float(0.9, 1.1), 2) }))
      bills.push({
        ...bill,
        state: 'cancel',
        lines: first,
        cost: sum(first),
        at: at - 3600,
        draftInvoice: false,
      })
    }
    if (random.chance(0.01)) {
      const ghost = lines.map((line) => ({ ...line, cost: roundTo(line.cost * random.float(0.95, 1.05), 2) }))
      bills.push({
        ...bill,
        state: 'draft',
        lines: ghost,
        cost: sum(ghost),
        at: at - 7200,
        deleted: true,
        draftInvoice: false,
      })
    }
    bills.push(bill)
  }
  bills.sort((a, b) => a.at - b.at)
  return bills.map((bill, i) => ({ ...bill, id: i + 1 }))
}

function sum(lines: readonly BillLine[]): number {
  return roundTo(
    lines.reduce((total, line) => total + line.cost, 0),
    2,
  )
}

/** Rows for c_billing_bill (deleted bills left out) and c_billing_bill_line (all lines, orphans included). */
export function billRows(
  random: Random,
  bills: readonly Bill[],
  usdId: number,
  anchorDay: number,
): { bills: Row[]; lines: Row[] } {
  const end = dayToSeconds(anchorDay) - 60
  const billRowsOut: Row[] = []
  const lineRows: Row[] = []
  for (const bill of bills) {
    const written = Math.min(
      bill.at + (bill.state === 'invoiced' ? random.int(2, 20) * 86_400 : random.int(0, 3) * 86_400),
      end,
    )
    const stamps = {
      create_uid: 2,
      write_uid: 2,
      create_date: formatTimestamp(bill.at),
      write_date: formatTimestamp(written),
    }
    if (!bill.deleted) {
      billRowsOut.push({
        id: bill.id,
        name: `AWS/${bill.am.month.period}/${bill.am.account.id}`,
        account_id: bill.am.account.id,
        payer_id: bill.am.account.payerId,
        partner_id: bill.partnerId,
        invoice_id: bill.invoiceId,
        cost: bill.cost,
        currency_id: usdId,
        period: bill.am.month.period,
        period_date: formatDay(bill.am.month.firstDay),
        state: bill.state,
        is_not_billable: bill.am.account.notBillable,
        ...stamps,
      })
    }
    for (const line of bill.lines) {
      lineRows.push({
        bill_id: bill.id,
        product_id: line.productId,
        name: line.name,
        cost: line.cost,
        usage: line.lineType === 'usage' ? `${bill.am.account.number} ${bill.am.month.period}` : '1.00 Units',
        line_type: line.lineType,
        uom_id: 1,
        currency_id: usdId,
        date: formatDay(bill.am.month.lastDay),
        ...stamps,
      })
    }
  }
  return { bills: billRowsOut, lines: lineRows.map((row, i) => ({ id: i + 1, ...row })) }
}
