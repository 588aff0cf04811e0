// account_move and account_move_line: the final customer invoices built from the staging bills (one per
// customer and month, sometimes edited by hand), credit notes, and the vendor bills from AWS and the
// distributor. Line display types follow the Odoo version: 14 marks only sections and notes.

import type { Item, Move } from './account-move.ts'
import { roundTo } from './aws-services.ts'
import type { Bill } from './build-billing-bills.ts'
import type { OdooReference } from './build-odoo-reference.ts'
import { dayToSeconds, formatDay, type Month } from './dates.ts'
import type { OdooVersion } from './demo-world.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'
import { writeMoves } from './write-account-moves.ts'

export type { Item, Move } from './account-move.ts'

export function buildInvoices(
  random: Random,
  bills: readonly Bill[],
  reference: OdooReference,
  options: {
    version: OdooVersion
    anchorDay: number
    months: readonly Month[]
    vendorTotals: { month: Month; aws: number; ingram: number }[]
  },
): { moves: Row[]; lines: Row[] } {
  const { anchorDay } = options
  const groups = new Map<string, Bill[]>()
  for (const bill of bills) {
    if (bill.deleted || !(bill.state === 'invoiced' || bill.draftInvoice)) continue
    const key = `${bill.partnerId}|${bill.am.month.period}`
    groups.set(key, [...(groups.get(key) ?? []), bill])
  }
  const taxRates = new Map<string, number>()
  const moves: Move[] = []
  for (const group of groups.values()) {
    const first = group[0] as Bill
    const company = first.company
    if (!taxRates.has(company.key))
      taxRates.set(
        company.key,
        company.country === 'US' && random.chance(0.3) ? random.pick([0.06, 0.07, 0.0825, 0.095]) : 0,
      )
    const month = first.am.month
    const invoiceDay = Math.min(month.lastDay + random.int(4, 12), anchorDay - 1)
    const items: Item[] = [
      { kind: 'line_section', name: `AWS services ${month.period}`, productId: null, amount: 0 },
    ]
    for (const bill of group) {
      for (const line of bill.lines)
        items.push({ kind: 'product', name: `${line.name}`, productId: line.productId, amount: line.cost })
    }
    // Invoices edited by hand after staging: a credit not passed on, an extra service line, a price change.
    const edit = random.weighted<string>([
      ['none', 94],
      ['drop_credit', 2],
      ['extra_line', 2],
      ['price', 2],
    ])
    if (edit === 'drop_credit') {
      const at = items.findIndex((item) => item.amount < 0)
      if (at > 0) items.splice(at, 1)
    }
    if (edit === 'extra_line')
      items.push({
        kind: 'product',
        name: 'Professional Services (hours)',
        productId: reference.products.services,
        amount: roundTo(random.int(2, 40) * 175, 2),
      })
    if (edit === 'price') {
      const target = items.find((item) => item.kind === 'product' && item.amount > 0)
      if (target) target.amount = roundTo(target.amount * random.float(0.9, 1.05), 2)
    }
    if (random.chance(0.05))
      items.push({
        kind: 'line_note',
        name: 'Thank you for your business. Credits applied per AWS agreement.',
        productId: null,
        amount: 0,
      })
    const draft = first.draftInvoice
    const age = anchorDay - invoiceDay
    moves.push({
      at: dayToSeconds(invoiceDay, random.int(28_000, 60_000)),
      type: 'out_invoice',
      state: draft ? 'draft' : 'posted',
      partnerId: first.partnerId,
      period: month.period,
      invoiceDay,
      items,
      taxRate: taxRates.get(company.key) ?? 0,
      origin: null,
      bills: group,
      paymentState: draft
        ? 'not_paid'
        : age > 60
          ? random.weighted([
              ['paid', 90],
              ['partial', 3],
              ['not_paid', 7],
            ])
          : random.weighted([
              ['not_paid', 60],
              ['paid', 30],
              ['in_payment', 10],
            ]),
    })
  }
  for (const original of moves.filter((m) => m.state === 'posted' && random.chance(0.025))) {
    const day = original.invoiceDay + random.int(10, 60)
    if (day >= anchorDay) continue
    const full = random.chance(0.4)
    const items = original.items
      .filter((item) => item.kind === 'product' && item.amount > 0)
      .slice(0, full ? undefined : 1)
      .map((item) => ({
        ...item,
        amount: full ? item.amount : roundTo(item.amount * random.float(0.05, 0.3), 2),
      }))
    if (full) original.paymentState = 'reversed'
    moves.push({
      at: dayToSeconds(day, random.int(28_000, 60_000)),
      type: 'out_refund',
      state: 'posted',
      partnerId: original.partnerId,
      period: original.period,
      invoiceDay: day,
      items,
      taxRate: original.taxRate,
      origin: original,
      bills: [],
      paymentState: random.pick(['paid', 'not_paid']),
    })
  }
  for (const { month, aws, ingram } of options.vendorTotals) {
    for (const [vendor, total] of [
      [reference.awsVendorId, aws],
      [reference.ingramVendorId, ingram],
    ] as const) {
      if (total <= 0) continue
      const day = Math.min(month.lastDay + random.int(2, 9), anchorDay - 1)
      moves.push({
        at: dayToSeconds(day, 30_000),
        type: 'in_invoice',
        state: 'posted',
        partnerId: vendor,
        period: null,
        invoiceDay: day,
        items: [
          {
            kind: 'product',
            name: `AWS charges ${month.period}`,
            productId: null,
            amount: roundTo(total, 2),
          },
        ],
        taxRate: 0,
        origin: null,
        bills: [],
        paymentState: random.pick(['paid', 'paid', 'in_payment']),
      })
    }
  }

  moves.sort((a, b) => a.at - b.at)
  const counters = new Map<string, number>()
  moves.forEach((move, i) => {
    move.id = i + 1
    const year = formatDay(move.invoiceDay).slice(0, 4)
    const prefix = move.type === 'out_invoice' ? 'INV' : move.type === 'out_refund' ? 'RINV' : 'BILL'
    const key = `${prefix}/${year}`
    const next = (counters.get(key) ?? 0) + (move.state === 'draft' ? 0 : 1)
    counters.set(key, next)
    move.name =
      move.state === 'draft'
        ? '/'
        : move.type === 'in_invoice'
          ? `BILL/${formatDay(move.invoiceDay).slice(0, 7).replace('-', '/')}/${String(next).padStart(4, '0')}`
          : `${key}/${String(next).padStart(5, '0')}`
    for (const bill of move.bills) bill.invoiceId = move.id
  })
  return writeMoves(random, moves, reference, options.version, anchorDay)
}
