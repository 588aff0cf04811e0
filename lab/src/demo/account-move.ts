// An invoice, credit note or vendor bill of the demo world before it becomes account_move rows.
import type { Bill } from './build-billing-bills.ts'

export interface Item {
  kind: 'product' | 'line_section' | 'line_note'
  name: string
  productId: number | null
  amount: number
}

export interface Move {
  at: number
  type: 'out_invoice' | 'out_refund' | 'in_invoice'
  state: 'draft' | 'posted' | 'cancel'
  partnerId: number
  period: string | null
  invoiceDay: number
  items: Item[]
  taxRate: number
  origin: Move | null
  bills: Bill[]
  paymentState: string
  id?: number
  name?: string
}
