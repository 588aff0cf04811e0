// CORE billing invoice: what the partner charged its customers, from the staging bills
// (c_billing_bill + lines, per AWS account) and from the final invoices (account_move + lines, per
// customer). One CORE row per source line; refunds are negative; tax, section and note lines of
// invoices carry no product amount and are left out.
import { parseBillingPeriod } from '../billing.ts'
import { changedKeys } from './change-window.ts'
import { goneKeys, normalizeChangedRows } from './changed-rows.ts'
import { deleteCoreRowsWhere } from './core-writer.ts'
import type { EntityResult, NormalizeContext } from './normalize-context.ts'
import { intId, isoDateOf, type RawRecord, readRaw, text, utcTimestamp } from './raw-docs.ts'

const BILL_FIELDS = [
  'id',
  'account_id',
  'payer_id',
  'partner_id',
  'invoice_id',
  'period',
  'period_date',
  'state',
]
const BILL_LINE_FIELDS = [
  'id',
  'bill_id',
  'product_id',
  'cost',
  'line_type',
  'date',
  'create_date',
  'write_date',
]
const MOVE_FIELDS = ['id', 'name', 'move_type', 'state', 'partner_id', 'invoice_date']
const MOVE_LINE_FIELDS = [
  'id',
  'move_id',
  'product_id',
  'name',
  'price_subtotal',
  'display_type',
  'tax_line_id',
  'exclude_from_invoice_tab',
  'partner_id',
  'date',
  'create_date',
  'write_date',
]
const CUSTOMER_MOVES = new Set(['out_invoice', 'out_refund'])
const AMOUNT_LINES = new Set(['product', ''])

/**
 * Whether an invoice line carries a product amount. Odoo 16+ says so in display_type ('product');
 * Odoo 14 leaves display_type empty on product, tax and receivable lines and marks the latter two with
 * tax_line_id or exclude_from_invoice_tab.
 */
function isAmountLine(line: RawRecord): boolean {
  if (!AMOUNT_LINES.has(line.display_type ?? '')) return false
  return !line.tax_line_id && line.exclude_from_invoice_tab !== 'true'
}

export async function normalizeBillingInvoice(ctx: NormalizeContext): Promise<EntityResult[]> {
  return [await normalizeBillLines(ctx), await normalizeInvoiceLines(ctx)]
}

const TARGET = { table: 'core.billing_invoice', key: ['tenant_id', 'basis', 'line_ref'] }

async function normalizeBillLines(ctx: NormalizeContext): Promise<EntityResult> {
  const { sql, tenantId, window } = ctx
  const bills = new Map(
    (await readRaw(sql, { tenantId, source: 'odoo', table: 'c_billing_bill', fields: BILL_FIELDS })).map(
      (b) => [b._pk, b],
    ),
  )
  const changedBills = window.full ? [] : await changedKeys(sql, window, 'odoo', 'c_billing_bill')
  return normalizeChangedRows(ctx, {
    entity: 'billing_invoice(bills)',
    table: 'c_billing_bill_line',
    fields: BILL_LINE_FIELDS,
    alsoWhere: { field: 'bill_id', values: changedBills },
    target: TARGET,
    issueKinds: ['orphaned_bill_line'],
    progressStep: 'normalize bill lines',
    toRows: (batch, issue) =>
      batch.flatMap((line) => {
        if (line._deleted) return []
        const bill = bills.get(line.bill_id ?? '')
        if (!bill) issue(line._pk, 'orphaned_bill_line', 'bill_id', { bill_id: line.bill_id })
        const month = parseBillingPeriod(bill?.period_date ?? bill?.period ?? line.date)
        return [
          {
            tenant_id: tenantId,
            basis: 'bill',
            line_ref: intId(line.id) ?? Number(line._pk),
            document_ref: intId(bill?.id),
            document_name: null,
            document_state: text(bill?.state),
            invoice_ref: intId(bill?.invoice_id),
            account_ref: intId(bill?.account_id),
            payer_ref: intId(bill?.payer_id),
            company_id: intId(bill?.partner_id),
            product_id: intId(line.product_id),
            product_name: ctx.dimensions.productName.get(intId(line.product_id) ?? -1) ?? null,
            line_type: text(line.line_type),
            month,
            amount: text(line.cost) ?? '0',
            document_date: isoDateOf(line.date),
            source_created_at: utcTimestamp(line.create_date),
            source_updated_at: utcTimestamp(line.write_date),
            raw_pk: line._pk,
          },
        ]
      }),
    deleteGone: (batch, rows) => deleteGone(ctx, 'bill', batch, rows),
  })
}

async function normalizeInvoiceLines(ctx: NormalizeContext): Promise<EntityResult> {
  const { sql, tenantId, window, mappings } = ctx
  const periodColumn = mappings.odoo_invoice.invoice_period
  const moveFields = periodColumn ? [...MOVE_FIELDS, periodColumn] : MOVE_FIELDS
  const moves = new Map(
    (await readRaw(sql, { tenantId, source: 'odoo', table: 'account_move', fields: moveFields })).map((m) => [
      m._pk,
      m,
    ]),
  )
  const changedMoves = window.full ? [] : await changedKeys(sql, window, 'odoo', 'account_move')
  return normalizeChangedRows(ctx, {
    entity: 'billing_invoice(invoices)',
    table: 'account_move_line',
    fields: MOVE_LINE_FIELDS,
    alsoWhere: { field: 'move_id', values: changedMoves },
    target: TARGET,
    progressStep: 'normalize invoice lines',
    toRows: (batch) =>
      batch.flatMap((line) => {
        if (line._deleted) return []
        const move = moves.get(line.move_id ?? '')
        if (!move || !CUSTOMER_MOVES.has(move.move_type ?? '') || !isAmountLine(line)) return []
        const sign = move.move_type === 'out_refund' ? -1 : 1
        const amount = text(line.price_subtotal) ?? '0'
        return [
          {
            tenant_id: tenantId,
            basis: 'invoice',
            line_ref: intId(line.id) ?? Number(line._pk),
            document_ref: intId(move.id),
            document_name: text(move.name),
            document_state: text(move.state),
            invoice_ref: intId(move.id),
            account_ref: null,
            payer_ref: null,
            company_id: intId(move.partner_id) ?? intId(line.partner_id),
            product_id: intId(line.product_id),
            product_name: ctx.dimensions.productName.get(intId(line.product_id) ?? -1) ?? text(line.name),
            line_type: move.move_type === 'out_refund' ? 'refund' : 'invoice',
            month: invoiceMonth(move, periodColumn),
            amount: sign < 0 ? negate(amount) : amount,
            document_date: isoDateOf(move.invoice_date),
            source_created_at: utcTimestamp(line.create_date),
            source_updated_at: utcTimestamp(line.write_date),
            raw_pk: line._pk,
          },
        ]
      }),
    deleteGone: (batch, rows) => deleteGone(ctx, 'invoice', batch, rows),
  })
}

/** The month an invoice is for: the custom period column, else the invoice date's month. */
function invoiceMonth(move: RawRecord, periodColumn: string | null): string | null {
  return (
    (periodColumn ? parseBillingPeriod(move[periodColumn]) : null) ?? parseBillingPeriod(move.invoice_date)
  )
}

/** Negates a decimal string without going through a float. */
export function negate(amount: string): string {
  if (amount.startsWith('-')) return amount.slice(1)
  return /^0*(\.0*)?$/.test(amount) ? amount : `-${amount}`
}

function deleteGone(
  ctx: NormalizeContext,
  basis: string,
  batch: RawRecord[],
  rows: { raw_pk: string }[],
): Promise<number> {
  return deleteCoreRowsWhere(
    ctx.sql,
    TARGET.table,
    ctx.tenantId,
    { basis },
    'line_ref',
    goneKeys(batch, rows),
  )
}
