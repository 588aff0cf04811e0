import { describe, expect, it } from 'vitest'
import {
  type WorkListOpportunity,
  type WorkListOptions,
  type WorkListWriteBack,
  workItemsFor,
} from './work-list-items.ts'

const AS_OF = '2026-11-01'

/** An approved opportunity with nothing left to do in ACE. */
const done = (changes: Partial<WorkListOpportunity> = {}): WorkListOpportunity => ({
  ace_id: 'O1',
  customer_name: 'Northwind Traders',
  customer_name_is_placeholder: false,
  title: 'Data platform',
  stage: 'Committed',
  status: 'Approved',
  close_date: '2026-12-15',
  aws_account_id: '123456789012',
  aws_account_id_raw: '123456789012',
  aws_account_id_status: 'valid',
  partner_crm_id: '41',
  approved_by: 'rules',
  link: {
    lead_id: '41',
    reason: 'confirmed',
    probability: 0.97,
    odoo_customer_name: 'Northwind Traders GmbH',
    odoo_aws_accounts: ['123456789012'],
  },
  write: null,
  ...changes,
})
const options = (writeBack: WorkListWriteBack | null = null): WorkListOptions => ({ asOf: AS_OF, writeBack })
const fields = (o: WorkListOpportunity, opts = options()) => workItemsFor(o, opts).map((item) => item.field)
const autoLink = { ...done().link!, reason: 'auto_link' as const, probability: 0.9731 }

describe('workItemsFor', () => {
  it('asks nothing of an opportunity whose ACE record is complete and consistent', () => {
    expect(workItemsFor(done(), options())).toEqual([])
    // Launched or lost: a past close date is history, not work.
    expect(fields(done({ stage: 'Launched', close_date: '2026-01-31' }))).toEqual([])
    expect(fields(done({ stage: 'Closed Lost', close_date: '2026-01-31' }))).toEqual([])
  })

  it('sets the partner CRM id to the linked Odoo opportunity when it is empty or names another', () => {
    const [empty] = workItemsFor(done({ partner_crm_id: null }), options())
    expect(empty).toMatchObject({
      ace_id: 'O1',
      customer: 'Northwind Traders',
      approved_by: 'rules',
      field: 'partner_crm_id',
      ace_field: 'PartnerOpportunityIdentifier',
      current: null,
      expected: '41',
      why: 'Odoo opportunity 41 is confirmed by a person, and ACE has no partner CRM id.',
      write_back: null,
    })
    const [other] = workItemsFor(done({ partner_crm_id: '17', link: autoLink }), options())
    expect(other).toMatchObject({
      current: '17',
      expected: '41',
      why: 'ACE names 17 as the partner CRM id, but Odoo opportunity 41 is auto-linked with probability 97.3%.',
    })
  })

  it('asks for a link first when nothing is linked and ACE has no partner CRM id', () => {
    const [item] = workItemsFor(done({ partner_crm_id: ' ', link: null }), options())
    expect(item).toMatchObject({ field: 'partner_crm_id', current: null, expected: null })
    expect(item!.why).toMatch(/^No Odoo opportunity is linked: confirm its match on the POD review/)
    // A CRM id the matcher cannot confirm is left alone.
    expect(fields(done({ partner_crm_id: '17', link: null }))).toEqual([])
  })

  it("marks the partner CRM id as the write-back's draft, with its write, when write-back is on", () => {
    const writeBack = { enabled: true, mode: 'dry_run' as const, include_auto_links: false }
    const write = { write_id: '7', status: 'pending_approval', mode: 'dry_run' as const, message: null }
    const [drafted] = workItemsFor(done({ partner_crm_id: null, write }), options(writeBack))
    expect(drafted!.write_back).toEqual({ draft: true, mode: 'dry_run', write })
    expect(drafted!.why).toContain("This is the write-back's draft (write #7, pending approval).")
    const [notYet] = workItemsFor(done({ partner_crm_id: null }), options(writeBack))
    expect(notYet!.write_back).toEqual({ draft: true, mode: 'dry_run', write: null })
    expect(notYet!.why).toContain('The write-back drafts this change at its next run.')
    // Auto links are written only when the tenant includes them.
    const [auto] = workItemsFor(done({ partner_crm_id: null, link: autoLink }), options(writeBack))
    expect(auto!.write_back).toBeNull()
    expect(auto!.why).toContain('confirm the match to have it written')
    const [included] = workItemsFor(
      done({ partner_crm_id: null, link: autoLink }),
      options({ ...writeBack, include_auto_links: true }),
    )
    expect(included!.write_back).toMatchObject({ draft: true })
    // Off: no draft.
    const [off] = workItemsFor(done({ partner_crm_id: null }), options({ ...writeBack, enabled: false }))
    expect(off!.write_back).toBeNull()
  })

  it('asks to launch it, or move the date, when an open opportunity is past its close date', () => {
    const items = workItemsFor(done({ stage: 'Qualified', close_date: '2026-10-31' }), options())
    expect(items.map((item) => [item.field, item.current, item.expected])).toEqual([
      ['stage', 'Qualified', 'Launched'],
      ['close_date', '2026-10-31', 'on or after 2026-11-01'],
    ])
    expect(items[0]!.why).toBe(
      'The target close date 2026-10-31 passed 1 day ago but the stage is Qualified: set Launched once the workload runs on AWS (POD is paid on launched opportunities).',
    )
    expect(items[1]!.why).toContain('passed 1 day ago')
    // The close date itself is not past: nothing to do.
    expect(fields(done({ stage: 'Qualified', close_date: AS_OF }))).toEqual([])
    expect(fields(done({ close_date: null }))).toEqual(['close_date'])
  })

  it("names the AWS account to set, from the linked Odoo customer's only account", () => {
    const [missing] = workItemsFor(
      done({ aws_account_id: null, aws_account_id_raw: null, aws_account_id_status: 'missing' }),
      options(),
    )
    expect(missing).toMatchObject({
      field: 'aws_account_id',
      ace_field: 'Customer.Account.AwsAccountId',
      current: null,
      expected: '123456789012',
    })
    expect(missing!.why).toBe(
      "ACE names no AWS account, so spend cannot be checked. The linked Odoo opportunity's customer has one AWS account: 123456789012.",
    )
    const link = { ...done().link!, odoo_aws_accounts: ['111111111111', '222222222222'] }
    const [malformed] = workItemsFor(
      done({
        aws_account_id: null,
        aws_account_id_raw: '1234-5678',
        aws_account_id_status: 'malformed',
        link,
      }),
      options(),
    )
    expect(malformed).toMatchObject({ current: '1234-5678', expected: null })
    expect(malformed!.why).toBe(
      '"1234-5678" is not a 12-digit AWS account id. The linked Odoo opportunity\'s customer has 2 AWS accounts (111111111111, 222222222222): name the one this opportunity runs on.',
    )
  })

  it('replaces a placeholder customer name with the linked Odoo customer, and asks to submit it to AWS', () => {
    const items = workItemsFor(
      done({ customer_name: 'TBD', customer_name_is_placeholder: true, status: 'Draft' }),
      options(),
    )
    expect(items.map((item) => [item.field, item.current, item.expected])).toEqual([
      ['review_status', 'Draft', 'Submitted'],
      ['customer_name', 'TBD', 'Northwind Traders GmbH'],
    ])
    expect(items[1]!.why).toBe(
      "ACE has a placeholder customer name; the linked Odoo opportunity's customer is Northwind Traders GmbH.",
    )
    const [action] = workItemsFor(done({ status: 'Action Required' }), options())
    expect(action).toMatchObject({
      field: 'review_status',
      ace_field: 'LifeCycle.ReviewStatus',
      expected: 'Submitted',
    })
    expect(action!.why).toMatch(/^AWS asked for changes/)
    expect(fields(done({ status: 'Submitted' }))).toEqual([])
  })
})
