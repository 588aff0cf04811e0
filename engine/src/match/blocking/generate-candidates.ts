// Runs every blocking rule and merges their proposals into candidate pairs that remember which rules
// proposed them (provenance), reporting how many pairs each rule produced.
import type { Sql } from '@revops/db'
import type { BlockingRule, RecordSource } from '../config/matching-config.ts'
import type { CandidatePair } from '../match-engine.ts'
import { pairKey } from '../match-engine.ts'
import type { MatchRecord } from '../record.ts'
import { blockOnKeys, type ProposedPair } from './key-blocking.ts'
import { blockOnNearest } from './nearest-blocking.ts'
import { blockOnTrigrams } from './trigram-blocking.ts'

export interface CandidateGeneration {
  candidates: CandidatePair[]
  /** Pairs proposed per rule (before merging). */
  perRule: Record<string, number>
}

export async function generateCandidates(input: {
  sql?: Sql | undefined
  tenantId: string
  rules: BlockingRule[]
  left: MatchRecord[]
  right: MatchRecord[]
  rightSource?: RecordSource | undefined
}): Promise<CandidateGeneration> {
  const proposals: ProposedPair[] = []
  const perRule: Record<string, number> = {}
  for (const rule of input.rules) {
    let pairs: ProposedPair[]
    if (rule.kind === 'equal' || rule.kind === 'shared') {
      pairs = blockOnKeys(
        {
          name: rule.name,
          left: rule.left,
          right: rule.right,
          maxBlock: rule.kind === 'shared' ? rule.max_block : 10_000,
        },
        input.left,
        input.right,
      )
    } else if (rule.kind === 'nearest') {
      pairs = blockOnNearest(rule, input.left, input.right)
    } else {
      if (!input.sql || !input.rightSource) throw new Error(`blocking rule ${rule.name} needs the database`)
      pairs = await blockOnTrigrams(input.sql, input.tenantId, rule, input.left, input.rightSource)
    }
    perRule[rule.name] = pairs.length
    proposals.push(...pairs)
  }
  const merged = new Map<string, CandidatePair>()
  for (const proposal of proposals) {
    const key = pairKey(proposal.left, proposal.right)
    const existing = merged.get(key)
    if (existing) {
      if (!existing.provenance.includes(proposal.rule)) existing.provenance.push(proposal.rule)
    } else merged.set(key, { left: proposal.left, right: proposal.right, provenance: [proposal.rule] })
  }
  return { candidates: [...merged.values()], perRule }
}
