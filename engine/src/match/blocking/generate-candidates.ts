// Runs every blocking rule and merges their proposals into candidate pairs that remember which rules
// proposed them (provenance), reporting how many pairs each rule produced.
import type { BlockingRule } from '../config/matching-config.ts'
import type { CandidatePair } from '../match-engine.ts'
import { pairKey } from '../match-engine.ts'
import type { MatchRecord } from '../record.ts'
import { blockOnKeys, type ProposedPair } from './key-blocking.ts'
import { blockOnNearest } from './nearest-blocking.ts'
import { blockOnTrigrams } from './trigram-index.ts'

export interface CandidateGeneration {
  candidates: CandidatePair[]
  /** Pairs proposed per rule (before merging). */
  perRule: Record<string, number>
  /** Milliseconds per rule. */
  perRuleMs: Record<string, number>
}

export function generateCandidates(input: {
  rules: BlockingRule[]
  left: MatchRecord[]
  right: MatchRecord[]
  /** Proposals of nearest rules already made elsewhere (through pgvector), by rule name. */
  nearest?: Record<string, { pairs: ProposedPair[]; ms: number }>
}): CandidateGeneration {
  const proposals: ProposedPair[] = []
  const perRule: Record<string, number> = {}
  const perRuleMs: Record<string, number> = {}
  for (const rule of input.rules) {
    let started = performance.now()
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
      const made = input.nearest?.[rule.name]
      pairs = made ? made.pairs : blockOnNearest(rule, input.left, input.right)
      if (made) started -= made.ms
    } else {
      pairs = blockOnTrigrams(rule, input.left, input.right)
    }
    perRule[rule.name] = pairs.length
    perRuleMs[rule.name] = Math.round(performance.now() - started)
    for (const pair of pairs) proposals.push(pair)
  }
  const merged = new Map<string, CandidatePair>()
  for (const proposal of proposals) {
    const key = pairKey(proposal.left, proposal.right)
    const existing = merged.get(key)
    if (existing) {
      if (!existing.provenance.includes(proposal.rule)) existing.provenance.push(proposal.rule)
    } else merged.set(key, { left: proposal.left, right: proposal.right, provenance: [proposal.rule] })
  }
  return { candidates: [...merged.values()], perRule, perRuleMs }
}
