// Writes account_move and account_move_line rows for built invoices: income, tax and receivable lines
// that balance, signs by move type, and display types as the Odoo version stores them (14 marks only
// sections and notes; 16+ also product, tax and payment_term).

import type { Move } from './account-move.ts'
import { roundTo } from './aws-services.ts'
import type { OdooReference } from './build-odoo-reference.ts'
import { dayToSeconds, formatDay, formatTimestamp } from './dates.ts'
import type { OdooVersion } from './demo-world.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'

const ACCOUNT = { receivable: 6, payable: 14, tax: 15, income: 21, expense: 31 } as const

export function writeMoves(
  random: Random,
  moves: readonly Move[],
  reference: OdooReference,
  version: OdooVersion,
  anchorDay: number,
) {
  const v14 = version === 14
  const end = dayToSeconds(anchorDay) - 60
  const moveRows: Row[] = []
  const lineRows: Row[] = []
  for (const move of moves) {
    const sign = move.type === 'out_invoice' ? 1 : -1 // +1: the customer owes us
    const products = move.items.filter((item) => item.kind === 'product')
    const untaxed = roundTo(
      products.reduce((total, item) => total + item.amount, 0),
      2,
    )
    const tax = roundTo(Math.max(0, untaxed) * move.taxRate, 2)
    const total = roundTo(untaxed + tax, 2)
    const stamps = {
      create_uid: 2,
      write_uid: 2,
      create_date: formatTimestamp(move.at),
      write_date: formatTimestamp(Math.min(move.at + random.int(0, 40) * 86_400, end)),
    }
    const date = formatDay(move.invoiceDay)
    moveRows.push({
      id: move.id,
      name: move.name,
      ref: move.type === 'in_invoice' ? `AWS-${move.period ?? date.slice(0, 7)}` : null,
      date,
      move_type: move.type,
      state: move.state,
      journal_id: move.type === 'in_invoice' ? 2 : 1,
      company_id: 1,
      currency_id: reference.usdId,
      partner_id: move.partnerId,
      commercial_partner_id: move.partnerId,
      invoice_date: move.state === 'draft' ? null : date,
      invoice_date_due: formatDay(move.invoiceDay + 30),
      invoice_origin: move.origin?.name ?? null,
      invoice_user_id: 2,
      invoice_payment_term_id: 4,
      amount_untaxed: untaxed,
      amount_tax: tax,
      amount_total: total,
      amount_residual: move.paymentState === 'paid' || move.paymentState === 'reversed' ? 0 : total,
      amount_untaxed_signed: roundTo(sign * untaxed, 2),
      amount_total_signed: roundTo(sign * total, 2),
      payment_state: move.paymentState,
      reversed_entry_id: move.origin?.id ?? null,
      invoice_period: move.period,
      ...stamps,
    })
    const line = (fields: Row) =>
      lineRows.push({
        move_id: move.id,
        move_name: move.name,
        date,
        partner_id: move.partnerId,
        currency_id: reference.usdId,
        discount: 0,
        tax_line_id: null,
        ...(v14 ? { exclude_from_invoice_tab: false } : {}),
        ...fields,
        ...stamps,
      })
    let sequence = 10
    const income = move.type === 'in_invoice' ? ACCOUNT.expense : ACCOUNT.income
    // Income lines are credits on an invoice and debits on a refund or vendor bill.
    const lineSign = move.type === 'out_invoice' ? -1 : 1
    for (const item of move.items) {
      if (item.kind !== 'product') {
        line({
          sequence: sequence++,
          name: item.name,
          display_type: item.kind,
          quantity: 0,
          price_unit: 0,
          price_subtotal: 0,
          price_total: 0,
          debit: 0,
          credit: 0,
          balance: 0,
          account_id: null,
        })
        continue
      }
      const balance = roundTo(lineSign * item.amount, 2)
      line({
        sequence: sequence++,
        name: item.name,
        product_id: item.productId,
        display_type: v14 ? null : 'product',
        quantity: 1,
        price_unit: item.amount,
        price_subtotal: item.amount,
        price_total: roundTo(item.amount * (1 + move.taxRate), 2),
        debit: Math.max(balance, 0),
        credit: Math.max(-balance, 0),
        balance,
        account_id: income,
      })
    }
    if (tax > 0) {
      const balance = roundTo(lineSign * tax, 2)
      line({
        sequence: sequence++,
        name: `Sales Tax ${roundTo(move.taxRate * 100, 2)}%`,
        display_type: v14 ? null : 'tax',
        quantity: 1,
        price_unit: tax,
        price_subtotal: tax,
        price_total: tax,
        debit: Math.max(balance, 0),
        credit: Math.max(-balance, 0),
        balance,
        account_id: ACCOUNT.tax,
        tax_line_id: 1,
        ...(v14 ? { exclude_from_invoice_tab: true } : {}),
      })
    }
    const counter = roundTo(-lineSign * total, 2)
    line({
      sequence: sequence++,
      name: move.name === '/' ? '' : move.name,
      display_type: v14 ? null : 'payment_term',
      quantity: 1,
      price_unit: counter,
      price_subtotal: counter,
      price_total: counter,
      debit: Math.max(counter, 0),
      credit: Math.max(-counter, 0),
      balance: counter,
      account_id: move.type === 'in_invoice' ? ACCOUNT.payable : ACCOUNT.receivable,
      ...(v14 ? { exclude_from_invoice_tab: true } : {}),
    })
  }
  return { moves: moveRows, lines: lineRows.map((row, i) => ({ id: i + 1, ...row })) }
}
