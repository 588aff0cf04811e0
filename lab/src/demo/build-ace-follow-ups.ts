// The smaller APN tables: end-user reports on launched resale deals, funding requests with their
// status history, and cash claims.
import { salesforceId } from './ace-values.ts'
import type { AceRecord } from './build-ace-opportunities.ts'
import { dayToSeconds, formatDay, formatTimestampTz, parseDay } from './dates.ts'
import { niceAmount } from './generate-deals.ts'
import { stateName } from './geography.ts'
import { stripAccents, varyCompanyName } from './name-variants.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'

export interface AceFollowUps {
  end_user: Row[]
  funding_request: Row[]
  funding_request_history: Row[]
  cash_claim: Row[]
}

const FUNDING_FLOW = ['Draft', 'Submitted', 'In Review', 'Approved', 'Completed'] as const

export function buildAceFollowUps(
  random: Random,
  records: readonly AceRecord[],
  options: { anchorDay: number; tenant: string },
): AceFollowUps {
  const result: AceFollowUps = {
    end_user: [],
    funding_request: [],
    funding_request_history: [],
    cash_claim: [],
  }
  const endOfWorld = dayToSeconds(options.anchorDay) - 600
  const stamps = (at: number) => {
    const created = Math.min(at, endOfWorld - 86_400)
    const written = Math.min(created + random.int(0, 60) * 86_400, endOfWorld)
    return {
      tenant: options.tenant,
      create_ts: formatTimestampTz(created),
      sync_ts: formatTimestampTz(endOfWorld - random.int(0, 9000)),
      write_ts: formatTimestampTz(written),
    }
  }
  for (const { row, deal } of records) {
    const company = deal.company
    const closeDay = parseDay(row.close_date as string)
    const launched = row.stage_name === 'Launched'
    const resale = row.delivery_model === 'Resell' || row.delivery_model === 'Managed Services'
    if (launched && (resale || random.chance(0.3))) {
      const reported = Math.min(closeDay + random.int(5, 60), options.anchorDay - 1)
      result.end_user.push({
        id: salesforceId(random, 'a1E'),
        ...stamps(dayToSeconds(reported, random.int(0, 86_000))),
        opportunity_id: row.id,
        aws_account: random.chance(0.85) ? row.aws_account : null,
        company_name: varyCompanyName(random, company).name,
        domain: company.domain,
        city: company.city,
        state:
          company.country === 'US' && company.stateCode
            ? random.chance(0.5)
              ? company.stateCode
              : stateName(company.stateCode)
            : null,
        postal_code: company.zip,
        country: company.country,
        usage_type: random.weighted([
          ['End User', 85],
          ['Internal', 5],
          ['Reseller', 10],
        ]),
        government_advising: company.industry === 'Government' || random.chance(0.03),
        reported_date: formatDay(reported),
      })
    }
    if (!random.chance(deal.workload.key === 'map' ? 0.35 : 0.03)) continue
    const created = Math.min(
      parseDay((row.aws_create_date as string).slice(0, 10)) + random.int(5, 40),
      options.anchorDay - 2,
    )
    const reached = random.int(1, FUNDING_FLOW.length - 1)
    const rejected = random.chance(0.1)
    const status = rejected ? 'Rejected' : FUNDING_FLOW[reached]
    const amount = niceAmount(random.logNormal(18_000, 0.7))
    const requestId = salesforceId(random, 'a0k')
    const at = dayToSeconds(created, random.int(40_000, 80_000))
    result.funding_request.push({
      id: requestId,
      ...stamps(at),
      opportunity_id: row.id,
      name: `${stripAccents(String(row.name))} - ${random.pick(['MAP Migrate', 'MAP Assess', 'POC', 'Marketing'])}`,
      program: random.pick(['MAP', 'POC', 'Partner Opportunity Acceleration', 'ISV WMP']),
      amount,
      currency_code: 'USD',
      status,
      start_date: formatDay(created + 14),
      end_date: formatDay(created + random.int(60, 200)),
    })
    let when = at
    for (let step = 0; step <= reached; step++) {
      when += random.int(1, 20) * 86_400
      result.funding_request_history.push({
        id: salesforceId(random, 'a0l'),
        ...stamps(when),
        funding_request_id: requestId,
        opportunity_id: row.id,
        amount: step === 0 || random.chance(0.8) ? amount : niceAmount(amount * random.float(0.6, 1)),
        status: rejected && step === reached ? 'Rejected' : FUNDING_FLOW[step],
        changed_at: formatTimestampTz(Math.min(when, endOfWorld)),
        comment: random.chance(0.3)
          ? random.pick([
              'Updated SOW attached',
              'Please clarify scope',
              'Approved by PDM',
              'Budget adjusted',
            ])
          : null,
      })
    }
    if (!rejected && (status === 'Completed' || (status === 'Approved' && random.chance(0.4)))) {
      result.cash_claim.push({
        id: salesforceId(random, 'a0m'),
        ...stamps(when + 86_400 * random.int(10, 60)),
        funding_request_id: requestId,
        opportunity_id: row.id,
        amount: niceAmount(amount * random.float(0.5, 1)),
        status: random.pick(['Pending', 'Approved', 'Paid', 'Paid', 'Rejected']),
        invoice_number: `INV/${random.int(2024, 2026)}/${String(random.int(1, 3000)).padStart(5, '0')}`,
        claim_date: formatDay(Math.min(Math.floor(when / 86_400) + 30, options.anchorDay - 1)),
      })
    }
  }
  return result
}
