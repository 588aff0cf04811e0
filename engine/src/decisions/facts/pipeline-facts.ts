// Fact provider `pipeline`: the other ACE opportunities around one — those on the same AWS account that
// are still open (a competing registration) — and how many accounts the opportunity names.
import type { Sql } from '@revops/db'
import { isOpenAceStage } from '../../normalize/ace-picklists.ts'
import type { FactSet } from '../../rules/fact-catalog.ts'
import type { OpportunityFacts } from './opportunity-facts.ts'

export type PipelineFacts = FactSet['pipeline']

// A 12-digit id, possibly written in groups of four (as canonicalizeAwsAccountId accepts them).
const ACCOUNT_ID_IN_TEXT = /(?<!\d)\d{4}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g

/**
 * AWS accounts the opportunity names: 1 for a valid id, 0 for none, otherwise the distinct 12-digit ids
 * in the text (`111111111111, 222222222222` names 2).
 */
export function countAccountsNamed(opportunity: OpportunityFacts): number {
  if (opportunity.aws_account_valid) return 1
  const raw = opportunity.aws_account_raw
  if (!raw) return 0
  const ids = new Set([...raw.matchAll(ACCOUNT_ID_IN_TEXT)].map((match) => match[0].replace(/\D/g, '')))
  return ids.size
}

/** The pipeline facts of one opportunity given the open opportunities on its account (pure). */
export function toPipelineFacts(
  opportunity: OpportunityFacts,
  openOnAccount: readonly string[],
): PipelineFacts {
  const others = openOnAccount.filter((id) => id !== opportunity.id).sort()
  return {
    open_on_account: others.length,
    other_on_account: others,
    accounts_on_opportunity: countAccountsNamed(opportunity),
  }
}

/**
 * Pipeline facts of the given opportunities, by ACE id. Other opportunities are looked up among all
 * of the tenant's, not only the given ones, in one query.
 */
export async function loadPipelineFacts(
  sql: Sql,
  options: { tenantId: string },
  opportunities: Iterable<OpportunityFacts>,
): Promise<Map<string, PipelineFacts>> {
  const list = [...opportunities]
  const accounts = [...new Set(list.flatMap((o) => (o.aws_account_id ? [o.aws_account_id] : [])))]
  const open = new Map<string, string[]>()
  if (accounts.length > 0) {
    const rows = await sql<{ ace_id: string; aws_account_id: string; stage: string | null }[]>`
      select ace_id, aws_account_id, stage from core.ace_opportunities
      where tenant_id = ${options.tenantId} and aws_account_id = any(${accounts}::text[])`
    for (const row of rows) {
      if (!isOpenAceStage(row.stage)) continue
      const ids = open.get(row.aws_account_id)
      if (ids) ids.push(row.ace_id)
      else open.set(row.aws_account_id, [row.ace_id])
    }
  }
  return new Map(
    list.map((o) => [o.id, toPipelineFacts(o, o.aws_account_id ? (open.get(o.aws_account_id) ?? []) : [])]),
  )
}
