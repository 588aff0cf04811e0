// Fact provider `end_user`: the end-user reporting record of the opportunity's account, from the RAW
// mirror of the source the tenant configures in decisions.yaml. Not configured: null for everyone (the
// rule is then not evaluated), since most customers do not have this data in their databases yet.
import type { Sql } from '@revops/db'
import { canonicalizeAwsAccountId } from '../../normalize/aws-account-id.ts'
import { isoDateOf, readRaw, text } from '../../normalize/stage/raw-docs.ts'
import type { FactSet } from '../../rules/fact-catalog.ts'
import { daysBetween } from '../../rules/fact-dates.ts'
import type { EndUserSource } from '../decisions-config.ts'
import type { OpportunityFacts } from './opportunity-facts.ts'

export type EndUserFacts = FactSet['end_user']

/** One end-user report as the provider reads it. */
export interface EndUserRecord {
  id: string
  opportunityId: string | null
  /** The reported account canonicalised to 12 digits; null when missing or not valid. */
  awsAccountId: string | null
  usageType: string | null
  governmentAdvising: boolean | null
  reportedDate: string | null
}

/** Reads every live end-user report of the configured RAW table (one query). */
export async function loadEndUserRecords(
  sql: Sql,
  tenantId: string,
  source: EndUserSource,
): Promise<EndUserRecord[]> {
  const { fields } = source
  const rows = await readRaw(sql, {
    tenantId,
    source: source.source,
    table: source.table,
    fields: [
      fields.opportunity_id,
      fields.aws_account,
      fields.usage_type,
      fields.government_advising,
      fields.reported_date,
    ],
  })
  return rows.map((row) => {
    const advising = text(row[fields.government_advising])?.toLowerCase()
    return {
      id: row._pk,
      opportunityId: text(row[fields.opportunity_id]),
      awsAccountId: canonicalizeAwsAccountId(row[fields.aws_account]).id,
      usageType: text(row[fields.usage_type]),
      governmentAdvising: advising === undefined ? null : ['true', 't', '1', 'yes', 'y'].includes(advising),
      reportedDate: isoDateOf(row[fields.reported_date]),
    }
  })
}

function daysAfter(createdAt: string | null, record: EndUserRecord): number | null {
  const created = isoDateOf(createdAt)
  return created && record.reportedDate ? daysBetween(created, record.reportedDate) : null
}

/**
 * The record that speaks for an opportunity: its own report first, else a report on its account —
 * the first one made on or after the opportunity's creation, else the latest before it.
 */
export function pickEndUserRecord(
  opportunity: OpportunityFacts,
  records: readonly EndUserRecord[],
): EndUserRecord | undefined {
  const own = records.filter((record) => record.opportunityId === opportunity.id)
  const candidates =
    own.length > 0
      ? own
      : opportunity.aws_account_id
        ? records.filter((record) => record.awsAccountId === opportunity.aws_account_id)
        : []
  const dated = candidates.map((record) => ({ record, days: daysAfter(opportunity.created_at, record) }))
  const after = dated.filter((d) => d.days !== null && d.days >= 0).sort((a, b) => a.days! - b.days!)
  if (after[0]) return after[0].record
  const before = dated.filter((d) => d.days !== null).sort((a, b) => b.days! - a.days!)
  return before[0]?.record ?? candidates[0]
}

/** The end-user facts of one opportunity given the reports (pure). */
export function toEndUserFacts(
  opportunity: OpportunityFacts,
  records: readonly EndUserRecord[],
): NonNullable<EndUserFacts> {
  const record = pickEndUserRecord(opportunity, records)
  if (!record)
    return { exists: false, usage_type: null, government_advising: null, days_after_creation: null }
  return {
    exists: true,
    usage_type: record.usageType,
    government_advising: record.governmentAdvising,
    days_after_creation: daysAfter(opportunity.created_at, record),
  }
}

/** End-user facts of the given opportunities, by ACE id: all null when no source is configured. */
export async function loadEndUserFacts(
  sql: Sql,
  options: { tenantId: string; source: EndUserSource | null },
  opportunities: Iterable<OpportunityFacts>,
): Promise<Map<string, EndUserFacts>> {
  const result = new Map<string, EndUserFacts>()
  if (!options.source) {
    for (const opportunity of opportunities) result.set(opportunity.id, null)
    return result
  }
  const records = await loadEndUserRecords(sql, options.tenantId, options.source)
  const byOpportunity = new Map<string, EndUserRecord[]>()
  const byAccount = new Map<string, EndUserRecord[]>()
  const add = (map: Map<string, EndUserRecord[]>, key: string | null, record: EndUserRecord) => {
    if (!key) return
    const list = map.get(key)
    if (list) list.push(record)
    else map.set(key, [record])
  }
  for (const record of records) {
    add(byOpportunity, record.opportunityId, record)
    add(byAccount, record.awsAccountId, record)
  }
  for (const opportunity of opportunities) {
    const relevant = [
      ...(byOpportunity.get(opportunity.id) ?? []),
      ...(opportunity.aws_account_id ? (byAccount.get(opportunity.aws_account_id) ?? []) : []),
    ]
    result.set(opportunity.id, toEndUserFacts(opportunity, relevant))
  }
  return result
}
