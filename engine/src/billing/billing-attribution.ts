// Which side of the comparison a view can show honestly. AWS cost exists per account and service, never
// per product; final invoices exist per customer and product, never per account or service; staging
// bills exist per account and product. A view asking for what a side does not have gets that side as
// unavailable (null figures) and a note saying why, instead of a number that only looks comparable.
import type { BillingGroup, InvoiceBasis } from './billing-options.ts'

export type CostAttribution = 'account' | 'unavailable'
export type InvoiceAttribution = 'account' | 'customer' | 'unavailable'

export interface Attribution {
  cost: CostAttribution
  invoice: InvoiceAttribution
  notes: string[]
}

export interface AttributionInput {
  invoiceBasis: InvoiceBasis
  /** `accounts` or `payers` filters are set (a selection finer than whole customers). */
  accountSelection: boolean
  services: boolean
  products: boolean
  group: BillingGroup | null
  netOfDiscounts: boolean
}

/** Decides what cost and invoice figures a view can carry, with the reasons as notes. */
export function decideAttribution(input: AttributionInput): Attribution {
  const notes: string[] = []
  let cost: CostAttribution = 'account'
  let invoice: InvoiceAttribution = input.invoiceBasis === 'bill' ? 'account' : 'customer'
  if (input.products || input.group === 'product') {
    cost = 'unavailable'
    notes.push('AWS cost has no product: cost figures are null when products are filtered or grouped.')
  }
  if (input.services || input.group === 'service') {
    invoice = 'unavailable'
    notes.push(
      'Invoices have products, not AWS services: invoice figures are null when services are filtered or grouped.',
    )
  }
  if (
    invoice === 'customer' &&
    (input.accountSelection || input.group === 'account' || input.group === 'payer')
  ) {
    invoice = 'unavailable'
    notes.push(
      'Final invoices are issued per customer and cannot be split by AWS account: use invoice_basis=bill for account and payer views.',
    )
  }
  if (invoice === 'customer')
    notes.push(
      'Invoice figures are per customer: a customer’s invoices are compared with the cost of all its accounts.',
    )
  if (input.netOfDiscounts && input.services)
    notes.push(
      'Partner discount statements are per account, not per service: they are left out when services are filtered.',
    )
  if (input.netOfDiscounts && input.group === 'service')
    notes.push(
      'Partner discounts are per account, not per service: they appear in the group without a service (key null).',
    )
  return { cost, invoice, notes }
}
