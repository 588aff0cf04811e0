// Measures, at the default size, that the Odoo side holds every kind of messiness the source contract
// lists (companies, contacts, leads, AWS accounts, billing) in realistic proportion.
import { describe, expect, it } from 'vitest'
import { editDistance, FREE_MAIL_SQL, useSeededDemo } from './realism-fixture.ts'

describe('demo Odoo source at the default size', () => {
  const demo = useSeededDemo()

  it('has the default sizes', async () => {
    const row = await demo.one<{ leads: number; companies: number; months: number }>(
      'odoo',
      `select (select count(*)::int from crm_lead) as leads,
              (select count(*)::int from res_partner where is_company and customer_rank > 0) as companies,
              (select count(distinct period)::int from c_billing_internal_cur) as months`,
    )
    expect(row.leads).toBe(600)
    expect(row.months).toBe(18)
    // Duplicated companies add records beyond the 250 companies.
    expect(row.companies).toBeGreaterThan(250)
    expect((await demo.one<{ n: number }>('apn', 'select count(*)::int as n from opportunity')).n).toBe(500)
  })

  it('has free-mail contacts, raw websites and companies without a website', async () => {
    const contacts = `res_partner where not is_company and parent_id is not null and parent_id <> 1 and email is not null`
    const freeMail = await demo.share(
      'odoo',
      contacts,
      `split_part(lower(email), '@', 2) in ${FREE_MAIL_SQL}`,
    )
    expect(freeMail).toBeGreaterThan(0.08)
    expect(freeMail).toBeLessThan(0.25)
    const raw = await demo.share(
      'odoo',
      `res_partner where is_company and customer_rank > 0 and website is not null`,
      `website ~ '^https?://|^www\\.|/$|[A-Z]'`,
    )
    expect(raw).toBeGreaterThan(0.6)
    const missing = await demo.share(
      'odoo',
      `res_partner where is_company and customer_rank > 0`,
      'website is null',
    )
    expect(missing).toBeGreaterThan(0.1)
    expect(missing).toBeLessThan(0.45)
  })

  it('has duplicate companies, twins, subsidiaries, renames and acronyms', async () => {
    const row = await demo.one<Record<string, number>>(
      'truth',
      `select count(*) filter (where duplicate_name is not null)::int as duplicates,
              count(*) filter (where twin_key is not null)::int as twins,
              count(*) filter (where parent_key is not null)::int as subsidiaries,
              count(*) filter (where former_name is not null)::int as renamed,
              count(*) filter (where acronym is not null)::int as acronyms,
              count(*) filter (where not in_odoo)::int as prospects
       from company`,
    )
    expect(row.duplicates).toBeGreaterThanOrEqual(5)
    expect(row.duplicates).toBeLessThanOrEqual(25)
    expect(row.twins).toBeGreaterThanOrEqual(10)
    expect(row.subsidiaries).toBeGreaterThanOrEqual(8)
    expect(row.renamed).toBeGreaterThanOrEqual(2)
    expect(row.acronyms).toBeGreaterThanOrEqual(5)
    expect(row.prospects).toBeGreaterThanOrEqual(20)
    // Twins differ by a word or a letter, never by much.
    const pairs = await demo.all<{ a: string; b: string }>(
      'truth',
      'select c.name as a, t.name as b from company c join company t on t.company_key = c.twin_key where c.company_key < t.company_key',
    )
    const base = (name: string) => name.replace(/,? (Inc\.?|LLC|Corp\.?|Corporation|Co\.)$/, '')
    expect(pairs.length).toBeGreaterThanOrEqual(5)
    for (const { a, b } of pairs) expect(editDistance(base(a), base(b))).toBeLessThanOrEqual(4)
  })

  it('links leads loosely: to contacts, to companies, to nobody, to placeholders', async () => {
    const leads = 'crm_lead l left join res_partner p on p.id = l.partner_id'
    const none = await demo.share('odoo', leads, 'l.partner_id is null')
    expect(none).toBeGreaterThan(0.1)
    expect(none).toBeLessThan(0.3)
    expect(await demo.share('odoo', leads, 'p.is_company')).toBeGreaterThan(0.2)
    expect(await demo.share('odoo', leads, 'not p.is_company')).toBeGreaterThan(0.35)
    const placeholders = await demo.share(
      'odoo',
      'crm_lead',
      `lower(partner_name) in ('test', 'tbd', 'n/a', '-', 'xxx', 'unknown', 'test company')`,
    )
    expect(placeholders).toBeGreaterThan(0.005)
    expect(placeholders).toBeLessThan(0.05)
    const values = (
      await demo.all<{ v: string | null }>('odoo', 'select distinct origination as v from crm_lead')
    ).map((r) => r.v)
    expect(values).toEqual(expect.arrayContaining(['Partner Originated', 'PO', 'AWS Originated', 'AO', null]))
    const aceHint = await demo.share('odoo', 'crm_lead', 'aws_ace_id is not null')
    expect(aceHint).toBeGreaterThan(0.01)
    expect(aceHint).toBeLessThan(0.03)
    expect(await demo.share('odoo', 'crm_lead', `description like '<p>%'`)).toBeGreaterThan(0.5)
    expect(
      await demo.share('odoo', 'crm_lead', `write_date > create_date + interval '180 days'`),
    ).toBeGreaterThan(0.05)
  })

  it('has malformed, missing and unbilled AWS accounts under payers', async () => {
    const malformed = await demo.share('odoo', 'c_aws_accounts', `name !~ '^[0-9]{12}$'`)
    expect(malformed).toBeGreaterThan(0.04)
    expect(malformed).toBeLessThan(0.14)
    const shapes = await demo.one<Record<string, number>>(
      'odoo',
      `select count(*) filter (where name ~ '-')::int as dashes, count(*) filter (where name ~ '^[0-9]{11}$')::int as short,
              count(*) filter (where name = '')::int as empty, count(*) filter (where name ~ '^[0-9 ]+$' and name ~ ' ')::int as spaces
       from c_aws_accounts`,
    )
    for (const count of Object.values(shapes)) expect(count).toBeGreaterThan(0)
    expect(
      await demo.share(
        'odoo',
        `c_aws_accounts a`,
        'not exists (select 1 from c_billing_internal_cur c where c.account_id = a.id)',
      ),
    ).toBeGreaterThan(0.05)
    expect(await demo.share('odoo', `c_aws_accounts where not is_payer`, 'payer_id is not null')).toBe(1)
    const customerPayers = await demo.one<{ n: number }>(
      'odoo',
      'select count(*)::int as n from c_aws_accounts where is_payer and c_aws_company_id <> 1',
    )
    expect(customerPayers.n).toBeGreaterThan(0)
    const withoutAccounts = await demo.share(
      'odoo',
      `res_partner p where is_company and customer_rank > 0 and parent_id is null`,
      'not exists (select 1 from c_aws_accounts a where a.c_aws_company_id = p.id)',
    )
    expect(withoutAccounts).toBeGreaterThan(0.1)
  })

  it('bills with negative costs, unnormalised services, restatements and mixed spend', async () => {
    const charges = await demo.all<{ charge_type: string; negative: number; positive: number }>(
      'odoo',
      `select charge_type, count(*) filter (where cost < 0)::int as negative, count(*) filter (where cost > 0)::int as positive
       from c_billing_internal_cur group by 1`,
    )
    expect(charges.map((c) => c.charge_type).sort()).toEqual([
      'Credit',
      'Distributor Discount',
      'Fee',
      'RIFee',
      'Refund',
      'SavingsPlanCoveredUsage',
      'SavingsPlanNegation',
      'Solution Provider Program Discount',
      'Tax',
      'discounted usage',
      'usage',
    ])
    for (const kind of [
      'Credit',
      'Refund',
      'Solution Provider Program Discount',
      'Distributor Discount',
      'SavingsPlanNegation',
    ]) {
      expect(charges.find((c) => c.charge_type === kind)?.positive).toBe(0)
    }
    const services = (
      await demo.all<{ service: string }>('odoo', 'select distinct service from c_billing_internal_cur')
    ).map((r) => r.service)
    expect(services).toEqual(
      expect.arrayContaining([
        'Amazon Elastic Compute Cloud',
        'AmazonEC2',
        'Amazon Simple Storage Service',
        'AmazonS3',
      ]),
    )
    const restated = await demo.one<{ n: number }>(
      'odoo',
      `select count(*)::int as n from c_billing_internal_cur where create_date > period_date + interval '1 month 25 days'`,
    )
    expect(restated.n).toBeGreaterThanOrEqual(20)
    const spend = await demo.one<{ over: number; under: number }>(
      'odoo',
      `with monthly as (select account_id, period, sum(cost) as cost from c_billing_internal_cur
                        where charge_type in ('usage', 'discounted usage', 'RIFee', 'Fee', 'SavingsPlanCoveredUsage', 'SavingsPlanNegation')
                        group by 1, 2),
            accounts as (select account_id, avg(cost) as cost from monthly group by 1)
       select avg((cost >= 5000)::int)::float8 as over, avg((cost < 5000)::int)::float8 as under from accounts`,
    )
    expect(spend.over).toBeGreaterThan(0.15)
    expect(spend.over).toBeLessThan(0.5)
  })

  it('has orphaned bill lines, staging that differs from invoices, refunds and discount statements', async () => {
    const orphans = await demo.share(
      'odoo',
      'c_billing_bill_line l',
      'not exists (select 1 from c_billing_bill b where b.id = l.bill_id)',
    )
    expect(orphans).toBeGreaterThan(0.002)
    expect(orphans).toBeLessThan(0.03)
    const differs = await demo.share(
      'odoo',
      `account_move m join (select invoice_id, sum(cost) as cost from c_billing_bill where invoice_id is not null group by 1) b on b.invoice_id = m.id`,
      'abs(m.amount_untaxed - b.cost) > 0.01',
    )
    expect(differs).toBeGreaterThan(0.01)
    expect(differs).toBeLessThan(0.12)
    const moves = (
      await demo.all<{ t: string }>('odoo', 'select distinct move_type as t from account_move')
    ).map((r) => r.t)
    expect(moves.sort()).toEqual(['in_invoice', 'out_invoice', 'out_refund'])
    expect(
      await demo.share('odoo', `account_move where move_type = 'out_refund'`, 'amount_total_signed < 0'),
    ).toBe(1)
    expect(
      await demo.share(
        'odoo',
        `account_move where move_type = 'out_invoice' and state = 'posted'`,
        `invoice_period ~ '^[0-9]{4}-[0-9]{2}$'`,
      ),
    ).toBe(1)
    const kinds = (
      await demo.all<{ k: string }>('odoo', 'select distinct discounts_earned as k from c_billing_spp_bill')
    ).map((r) => r.k)
    expect(kinds).toEqual(
      expect.arrayContaining(['Base or Base Tech Discount', 'POD', 'Grow Discount', 'Support']),
    )
    const ingram = await demo.share(
      'odoo',
      'c_billing_ingram_bill',
      `abs(total_discount - (base + tech_linked + internal + partner_originated + no_eur + support + net_new_business + share_shift + "exception" + psp_plus)) > 0.01`,
    )
    expect(ingram).toBeGreaterThan(0.1)
    expect(ingram).toBeLessThan(0.6)
  })
})
