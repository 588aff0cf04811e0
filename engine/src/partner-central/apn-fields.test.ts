import { describe, expect, it } from 'vitest'
import { apnFieldsFromRecord, OWNER_TITLE, recordFromApnRow } from './apn-fields.ts'

const apnRow = {
  id: 'O1234567',
  name: 'Acme Robotics GmbH',
  partner_project_title: 'Data lake migration',
  project_description_business_need: 'Move the on-premises warehouse to S3 and Athena.',
  customer_first_name: 'Ana',
  customer_last_name: 'de la Cruz',
  customer_title: 'CTO',
  customer_email: 'ana@acme-robotics.de',
  customer_phone: null,
  customer_website: 'https://acme-robotics.de',
  customer_street: null,
  customer_city: 'Berlin',
  customer_state: null,
  customer_postal_code: '10115',
  customer_country: 'DE',
  industry: 'Industrial Machinery',
  use_case: 'Data Lake',
  opportunity_type: 'Net New Business',
  delivery_model: 'Professional Services',
  primary_need_from_aws: 'Co-Sell - Technical Consultation',
  stage_name: 'Launched',
  status: 'Draft',
  aws_status: 'Launched',
  partner_acceptance_status: null,
  opportunity_ownership: 'Partner Referral',
  aws_account: '1234-5678-9012',
  project_budget: '4500.50',
  currency_code: 'USD',
  close_date: '2026-03-31',
  next_step: 'Kick-off',
  closed_lost_reason: null,
  owner_id: '7',
  partner_crm_unique_identifier: '4711',
  partner_sales_rep_name: 'Jo Miller',
  partner_sales_rep_email: 'jo@partner.example',
  aws_sales_rep_name: 'Sam Lee',
  aws_sales_rep_email: 'sam@amazon.example',
  psm_name: null,
  psm_email: null,
  aws_create_date: '2025-11-02T10:00:00+00:00',
  aws_last_modified_date: '2026-04-01T08:30:00+00:00',
}
const owner = { name: 'Kim van der Berg', email: 'kim@partner.example' }

describe('the APN ↔ Selling API field mapping', () => {
  const record = recordFromApnRow(apnRow, owner, 'Sandbox')

  it('builds the record AWS publishes for those columns', () => {
    expect(record.opportunity).toMatchObject({
      Catalog: 'Sandbox',
      Id: 'O1234567',
      PartnerOpportunityIdentifier: '4711',
      Customer: {
        Account: {
          CompanyName: 'Acme Robotics GmbH',
          Industry: 'Other',
          OtherIndustry: 'Industrial Machinery',
        },
      },
      Project: {
        Title: 'Data lake migration',
        ExpectedCustomerSpend: [{ Amount: '4500.50', Frequency: 'Monthly' }],
      },
      LifeCycle: { Stage: 'Launched', ReviewStatus: 'Pending Submission', TargetCloseDate: '2026-03-31' },
    })
    expect(record.opportunity.OpportunityTeam?.[0]).toEqual({
      FirstName: 'Kim',
      LastName: 'van der Berg',
      Email: 'kim@partner.example',
      BusinessTitle: OWNER_TITLE,
    })
    expect(record.awsSummary).toMatchObject({ Origin: 'Partner Referral', LifeCycle: { Stage: 'Launched' } })
    // Absent values are absent, as the API omits them.
    expect(record.opportunity.Customer?.Contacts?.[0]).not.toHaveProperty('Phone')
  })

  it('reads every APN column back unchanged, after a trip through JSON as RAW stores it', () => {
    const stored = JSON.parse(JSON.stringify(record))
    const fields = apnFieldsFromRecord(stored)
    const { owner_id: _, aws_create_date, aws_last_modified_date, ...same } = apnRow
    expect(fields).toMatchObject({ ...same, owner_name: owner.name, owner_email: owner.email })
    expect(new Date(fields.aws_create_date!).getTime()).toBe(new Date(aws_create_date).getTime())
    expect(new Date(fields.aws_last_modified_date!).getTime()).toBe(
      new Date(aws_last_modified_date).getTime(),
    )
  })

  it('says an AWS referral the partner can read was accepted (the API has no acceptance field)', () => {
    const aws = recordFromApnRow({ ...apnRow, opportunity_ownership: 'AWS Referral' }, owner, 'AWS')
    expect(apnFieldsFromRecord(aws)).toMatchObject({
      opportunity_ownership: 'AWS Referral',
      partner_acceptance_status: 'Accepted',
    })
  })

  it('keeps an industry the API knows as it is, and drops an origin it does not know', () => {
    const known = recordFromApnRow(
      { ...apnRow, industry: 'Healthcare', opportunity_ownership: 'PO' },
      null,
      'AWS',
    )
    expect(known.opportunity.Customer?.Account).toMatchObject({ Industry: 'Healthcare' })
    expect(known.opportunity.Customer?.Account).not.toHaveProperty('OtherIndustry')
    expect(apnFieldsFromRecord(known)).toMatchObject({ industry: 'Healthcare', opportunity_ownership: null })
  })
})
