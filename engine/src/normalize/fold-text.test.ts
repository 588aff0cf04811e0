import { describe, expect, it } from 'vitest'
import { foldText } from './fold-text.ts'

describe('foldText', () => {
  it('does lowercase plain ASCII and keep its punctuation', () => {
    expect(foldText('Acme, Inc. (US)')).toBe('acme, inc. (us)')
  })

  it('does strip accents from every Latin script letter', () => {
    expect(foldText('Müller Société Ñandú Čeština Ångström')).toBe('muller societe nandu cestina angstrom')
  })

  it('does spell out letters NFKD leaves alone', () => {
    expect(foldText('ß æ Æ ø Ø œ Œ ł Ł đ Đ þ Þ ð ı')).toBe('ss ae ae o o oe oe l l d d th th d i')
  })

  it('does turn compatibility characters into plain letters', () => {
    expect(foldText('Ｆｕｌｌ ﬁnance ℌ ²')).toBe('full finance h 2')
  })

  it('does keep non-Latin scripts, recomposed', () => {
    expect(foldText('Ромашка')).toBe('ромашка')
    expect(foldText('주식회사')).toBe('주식회사')
    expect(foldText('株式会社')).toBe('株式会社')
  })
})
