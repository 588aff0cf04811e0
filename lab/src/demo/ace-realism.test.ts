// Measures, at the default size, that the ACE side and the ground truth hold the cases the matcher must
// handle: AWS referrals without a counterpart, duplicates, and names, titles, dates and ids that drift.
import { describe, expect, it } from 'vitest'
import { FREE_MAIL_SQL, useSeededDemo } from './realism-fixture.ts'

describe('demo APN source and ground truth at the default size', () => {
  const demo = useSeededDemo()

  it('has AWS referrals without a counterpart, unregistered leads and duplicates in the truth', async () => {
    const kinds = Object.fromEntries(
      (
        await demo.all<{ kind: string; n: number }>(
          'truth',
          'select kind, count(*)::int as n from ground_truth group by 1',
        )
      ).map((r) => [r.kind, r.n]),
    )
    expect(kinds.aws_referral_no_counterpart).toBe(75)
    for (const kind of [
      'registered',
      'aws_referral_matched',
      'duplicate_lead',
      'duplicate_registration',
      'ace_only_partner',
    ]) {
      expect(kinds[kind]).toBeGreaterThan(0)
    }
    const registered = await demo.one<{ n: number }>(
      'truth',
      'select count(distinct odoo_lead_id)::int as n from ground_truth',
    )
    // Leads never registered in ACE: well over a fifth of the 600.
    expect(600 - registered.n).toBeGreaterThan(120)
    const busy = await demo.one<{ n: number }>(
      'truth',
      `select count(*)::int as n from (select company_key from ground_truth where odoo_lead_id is not null
                                       group by 1 having count(*) >= 4) busy`,
    )
    expect(busy.n).toBeGreaterThanOrEqual(5)
  })

  it('fills ACE the way partners and AWS do', async () => {
    const ownership = await demo.all<{ o: string | null; n: number }>(
      'apn',
      'select opportunity_ownership as o, count(*)::int as n from opportunity group by 1',
    )
    const count = (value: string | null) => ownership.find((r) => r.o === value)?.n ?? 0
    expect(count('AWS Referral') / 500).toBeGreaterThan(0.18)
    expect(count('AWS Referral') / 500).toBeLessThan(0.35)
    expect(count(null)).toBeGreaterThan(0)
    expect(count(null)).toBeLessThan(15)
    const account = await demo.one<{ missing: number; dashes: number; shared: number }>(
      'apn',
      `select avg((aws_account is null)::int)::float8 as missing,
              count(*) filter (where aws_account like '%-%')::int as dashes,
              (select count(*)::int from (select regexp_replace(aws_account, '\\D', '', 'g') from opportunity
                                          where aws_account is not null group by 1 having count(*) > 1) s) as shared
       from opportunity`,
    )
    expect(account.missing).toBeGreaterThan(0.4)
    expect(account.missing).toBeLessThan(0.8)
    expect(account.dashes).toBeGreaterThan(3)
    expect(account.shared).toBeGreaterThan(5)
    expect(
      await demo.share(
        'apn',
        'opportunity where customer_email is not null',
        `split_part(lower(customer_email), '@', 2) in ${FREE_MAIL_SQL}`,
      ),
    ).toBeGreaterThan(0.08)
    expect(await demo.share('apn', 'opportunity', `customer_website ~ '^https?://|/'`)).toBe(0)
    const states = await demo.all<{ s: string }>(
      'apn',
      `select distinct customer_state as s from opportunity where customer_country = 'US'`,
    )
    for (const { s } of states) if (s !== null) expect(s.length).toBeGreaterThan(3)
    expect(await demo.share('apn', 'opportunity', `project_budget is not null`)).toBeGreaterThan(0.9)
  })

  it('drifts names, titles, dates and CRM ids between the two systems', async () => {
    const truth = await demo.all<{ ace_id: string; odoo_lead_id: number; company_key: string; note: string }>(
      'truth',
      'select ace_id, odoo_lead_id::int as odoo_lead_id, company_key, note from ground_truth where odoo_lead_id is not null',
    )
    const ace = new Map(
      (
        await demo.all<{ id: string; name: string; title: string; close_date: string; crm: string | null }>(
          'apn',
          'select id, name, partner_project_title as title, close_date, partner_crm_unique_identifier as crm from opportunity',
        )
      ).map((r) => [r.id, r]),
    )
    const leads = new Map(
      (
        await demo.all<{ id: number; name: string; company: string | null; deadline: string | null }>(
          'odoo',
          `select l.id, l.name, c.name as company, l.date_deadline as deadline
         from crm_lead l left join res_partner p on p.id = l.partner_id left join res_partner c on c.id = p.commercial_partner_id`,
        )
      ).map((r) => [r.id, r]),
    )
    let sameName = 0
    let sameTitle = 0
    let sameClose = 0
    let crmSet = 0
    let crmWrong = 0
    for (const row of truth) {
      const opportunity = ace.get(row.ace_id)
      const lead = leads.get(row.odoo_lead_id)
      if (!opportunity || !lead) throw new Error(`missing records for ${row.ace_id}`)
      if (opportunity.name === lead.company) sameName++
      if (opportunity.title === lead.name) sameTitle++
      if (opportunity.close_date === lead.deadline) sameClose++
      if (opportunity.crm !== null) {
        crmSet++
        if (opportunity.crm !== String(row.odoo_lead_id)) crmWrong++
      }
    }
    expect(sameName / truth.length).toBeGreaterThan(0.2)
    expect(sameName / truth.length).toBeLessThan(0.6)
    expect(sameTitle / truth.length).toBeLessThan(0.35)
    expect(sameClose / truth.length).toBeLessThan(0.3)
    expect(crmSet / truth.length).toBeGreaterThan(0.25)
    expect(crmSet / truth.length).toBeLessThan(0.5)
    expect(crmWrong).toBeGreaterThan(0)
    expect(crmWrong / crmSet).toBeLessThan(0.12)
    const notes = truth.map((t) => t.note).join('; ')
    for (const tag of [
      'name:typo',
      'name:suffix_dropped',
      'name:accents_dropped',
      'name:acronym',
      'name:parent_name',
      'account:dashes',
    ]) {
      expect(notes).toContain(tag)
    }
  })
})
