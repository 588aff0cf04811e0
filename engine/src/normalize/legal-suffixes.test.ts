import { describe, expect, it } from 'vitest'
import { tokenizeCompanyName } from './company-tokens.ts'
import { stripLegalForms } from './legal-suffixes.ts'

function strip(display: string) {
  return stripLegalForms(tokenizeCompanyName(display), display)
}

describe('stripLegalForms', () => {
  it('does remove trailing forms and report them in written order', () => {
    expect(strip('Acme Holdings Co., Ltd.')).toEqual({
      tokens: ['acme', 'holdings'],
      legalSuffixes: ['co', 'ltd'],
    })
    expect(strip('Acme GmbH & Co. KG')).toEqual({ tokens: ['acme'], legalSuffixes: ['gmbh & co kg'] })
  })

  it('does prefer the longest form at the end', () => {
    expect(strip('Acme S.A. de C.V.').legalSuffixes).toEqual(['sa de cv'])
    expect(strip('Acme S. de R.L. de C.V.').legalSuffixes).toEqual(['s de rl'])
    expect(strip('Acme Sdn Bhd').legalSuffixes).toEqual(['sdn bhd'])
  })

  it('does leave at least one token, not counting a leading "the"', () => {
    expect(strip('Ltd')).toEqual({ tokens: ['ltd'], legalSuffixes: [] })
    expect(strip('GmbH & Co. KG')).toEqual({ tokens: ['gmbh'], legalSuffixes: ['co', 'kg'] })
    expect(strip('The Company')).toEqual({ tokens: ['the', 'company'], legalSuffixes: [] })
  })

  it('does remove forms only at the end of the name', () => {
    expect(strip('Inc Magazine Group')).toEqual({ tokens: ['inc', 'magazine', 'group'], legalSuffixes: [] })
    expect(strip('GmbH Solutions')).toEqual({ tokens: ['gmbh', 'solutions'], legalSuffixes: [] })
  })

  it('does count SpA only when written as the legal form', () => {
    expect(strip('Fiat SpA').legalSuffixes).toEqual(['spa'])
    expect(strip('Fiat s.p.a.').legalSuffixes).toEqual(['spa'])
    expect(strip('Fiat Chrysler Automobiles S.P.A.').legalSuffixes).toEqual(['spa'])
    expect(strip('Oasis Spa').legalSuffixes).toEqual([])
  })

  it('does cut CJK forms off the word they are glued to', () => {
    expect(strip('トヨタ自動車株式会社')).toEqual({ tokens: ['トヨタ自動車'], legalSuffixes: ['kk'] })
    expect(strip('株式会社トヨタ')).toEqual({ tokens: ['トヨタ'], legalSuffixes: ['kk'] })
    expect(strip('腾讯科技股份有限公司')).toEqual({ tokens: ['腾讯科技'], legalSuffixes: ['co', 'ltd'] })
    expect(strip('株式会社')).toEqual({ tokens: ['株式会社'], legalSuffixes: [] })
  })
})
