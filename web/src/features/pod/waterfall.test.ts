import { describe, expect, it } from 'vitest'
import { type Explanation, waterfallSteps } from './waterfall.ts'

const contribution = (comparison: string, level: string, bits: number, extra: object = {}) => ({
  comparison,
  level,
  value: null,
  bits,
  m: 0.9,
  u: 0.1,
  ...extra,
})

const explanation: Explanation = {
  prior: { lambda: 0.9, stratum: null, candidates: 4, bits: 1.17 },
  contributions: [
    contribution('company_name', 'same name', 1.4, { term_frequency: { share: 0.002, bits: 1.1 } }),
    contribution('sales_rep', 'equal', 0.97, { given: { comparison: 'company_name', level: 'same name' } }),
    contribution('close_date', 'within 366 days', -4.1),
    contribution('crm_id', 'no data', 0),
  ],
  competition: { bits: 0.5 },
}

describe('waterfallSteps', () => {
  const { steps, silent } = waterfallSteps(explanation)

  it('runs from the prior through the evidence, largest first, less the competition, to the log-odds', () => {
    expect(steps.map((s) => s.kind)).toEqual([
      'prior',
      'evidence',
      'evidence',
      'evidence',
      'competition',
      'total',
    ])
    expect(steps[1]!.label).toBe('Close date: Within 366 days')
    const total = steps.at(-1)!
    expect(total.end).toBeCloseTo(1.17 + 1.4 + 0.97 - 4.1 - 0.5, 10)
    for (let i = 1; i < steps.length - 1; i++) expect(steps[i]!.start).toBeCloseTo(steps[i - 1]!.end, 10)
    expect(silent).toBe(1)
  })

  it('takes the joint step’s competition and the other records’ claims when links were decided jointly', () => {
    const joint = waterfallSteps({
      ...explanation,
      joint: { own_probability: 0.6, rival_bits: 2.5, competition_bits: 0.2, rivals: [] },
    }).steps
    expect(joint.map((s) => s.kind).slice(-3)).toEqual(['competition', 'rivals', 'total'])
    expect(joint.at(-1)!.end).toBeCloseTo(1.17 + 1.4 + 0.97 - 4.1 - 0.2 - 2.5, 10)
  })

  it('says what a dependent comparison was weighed given', () => {
    expect(steps.map((s) => s.label)).toContain('Sales rep: Equal · given company name: same name')
    expect(steps.map((s) => s.label)).toContain('Company name: Same name · rare value')
  })
})
