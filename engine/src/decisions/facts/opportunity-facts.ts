// Fact provider `opportunity`: the ACE opportunity as CORE holds it (stage, status, ownership, target
// close date, AWS account) plus what is derived from it at the as-of date: days until close, whether the
// account is registered, and the POD benefit window.
import type { Sql } from '@revops/db'
import { isOpenAceStage } from '../../normalize/ace-picklists.ts'
import type { FactSet } from '../../rules/fact-catalog.ts'
import { benefitWindow, daysBetween } from '../../rules/fact-dates.ts'

export type OpportunityFacts = FactSet['opportunity']

/** One row of core.ace_opportunities as the provider reads it. */
export interface OpportunityRecord {
  ace_id: string
  stage: string | null
  status: string | null
  ownership: string | null
  close_date: string | null
  /** When the opportunity was created in ACE (ISO 8601), else when the sync first saw it. */
  created_at: string | null
  aws_account_id_raw: string | null
  aws_account_id: string | null
  aws_account_id_status: 'valid' | 'missing' | 'malformed'
  /** The valid account id is in the tenant's account registry (core.aws_accounts). */
  registered: boolean
}

export interface OpportunityFactsOptions {
  tenantId: string
  /** Only these ACE opportunities (all of the tenant's when absent). */
  aceIds?: readonly string[] | undefined
}

/** Reads the ACE opportunities of a tenant (or the given ones) in one query, ordered by id. */
export async function loadOpportunityRecords(
  sql: Sql,
  options: OpportunityFactsOptions,
): Promise<OpportunityRecord[]> {
  return sql<OpportunityRecord[]>`
    select a.ace_id, a.stage, a.status, a.ownership, a.close_date::text as close_date,
           to_char(coalesce(a.aws_created_at, a.created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
           a.aws_account_id_raw, a.aws_account_id, a.aws_account_id_status,
           (a.aws_account_id is not null and exists (
             select 1 from core.aws_accounts r where r.tenant_id = a.tenant_id and r.aws_account_id = a.aws_account_id
           )) as registered
    from core.ace_opportunities a
    where a.tenant_id = ${options.tenantId}
      ${options.aceIds ? sql`and a.ace_id = any(${options.aceIds as string[]})` : sql``}
    order by a.ace_id`
}

/** The opportunity facts of one record judged at `asOf` (pure). */
export function toOpportunityFacts(record: OpportunityRecord, asOf: string): OpportunityFacts {
  const valid = record.aws_account_id_status === 'valid' && record.aws_account_id !== null
  const window = record.close_date ? benefitWindow(record.close_date) : null
  return {
    id: record.ace_id,
    stage: record.stage,
    status: record.status,
    ownership: record.ownership,
    is_open: isOpenAceStage(record.stage),
    close_date: record.close_date,
    days_until_close: record.close_date ? daysBetween(asOf, record.close_date) : null,
    created_at: record.created_at,
    aws_account_raw: record.aws_account_id_raw,
    aws_account_id: valid ? record.aws_account_id : null,
    aws_account_valid: valid,
    aws_account_registered: valid && record.registered,
    benefit_window_start: window?.start ?? null,
    benefit_window_end: window?.end ?? null,
  }
}

/** Opportunity facts of every ACE opportunity of a tenant (or the given ones), by ACE id. */
export async function loadOpportunityFacts(
  sql: Sql,
  options: OpportunityFactsOptions & { asOf: string },
): Promise<Map<string, OpportunityFacts>> {
  const records = await loadOpportunityRecords(sql, options)
  return new Map(records.map((record) => [record.ace_id, toOpportunityFacts(record, options.asOf)]))
}
