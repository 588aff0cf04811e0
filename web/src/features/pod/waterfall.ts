// The steps of a match explanation's waterfall: the prior, then what each comparison added or took away
// (in bits of log-odds, largest first), less what the other candidates and other records' claims on
// the same counterpart took, ending at the match's
// log-odds. Pure, so the chart and the table read the same numbers.
import type { Schemas } from '../../lib/api-client.ts'
import { humanize } from '../../lib/format.ts'

export type Explanation = Schemas['MatchExplanation']

export interface Step {
  label: string
  delta: number
  kind: 'prior' | 'evidence' | 'competition' | 'rivals' | 'total'
  start: number
  end: number
}

/** The waterfall's bars; comparisons without evidence (±0) are left out and counted. */
export function waterfallSteps(explanation: Explanation): { steps: Step[]; silent: number } {
  const steps: Step[] = []
  let position = 0
  const push = (label: string, delta: number, kind: Step['kind']) => {
    steps.push({ label, delta, kind, start: position, end: position + delta })
    position += delta
  }
  const priorLabel = `Prior (1 in ${explanation.prior.candidates} candidates)`
  push(priorLabel, explanation.prior.bits, 'prior')
  const evidence = explanation.contributions.filter((c) => Math.abs(c.bits) >= 0.05)
  for (const contribution of [...evidence].sort((a, b) => Math.abs(b.bits) - Math.abs(a.bits))) {
    const value = contribution.value === null ? '' : ` (${contribution.value})`
    const given = contribution.given
      ? ` · given ${humanize(contribution.given.comparison).toLowerCase()}: ${contribution.given.level}`
      : ''
    const frequency = contribution.term_frequency
      ? ` · ${contribution.term_frequency.bits > 0 ? 'rare' : 'common'} value`
      : ''
    push(
      `${humanize(contribution.comparison)}: ${humanize(contribution.level)}${value}${frequency}${given}`,
      contribution.bits,
      'evidence',
    )
  }
  // decided jointly with the customer's other deals: what this record's other candidates took is
  // recomputed, and other ACE records' claims on the same counterpart take their share
  const joint = explanation.joint
  const competition = joint ? joint.competition_bits : explanation.competition.bits
  if (Math.abs(competition) >= 0.05) push('Other candidates', -competition, 'competition')
  if (joint && joint.rival_bits >= 0.05)
    push('Other ACE opportunities claiming this counterpart', -joint.rival_bits, 'rivals')
  steps.push({ label: 'Match log-odds', delta: position, kind: 'total', start: 0, end: position })
  return { steps, silent: explanation.contributions.length - evidence.length }
}
