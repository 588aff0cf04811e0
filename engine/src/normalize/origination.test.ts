import { describe, expect, it } from 'vitest'
import { DEFAULT_ORIGINATION_VALUES, normalizeOrigination } from './origination.ts'

describe('normalizeOrigination', () => {
  it.each([
    ['Partner Originated', 'partner'],
    ['partner originated', 'partner'],
    ['PARTNER-ORIGINATED', 'partner'],
    ['Partner_Originated', 'partner'],
    ['  Partner   Originated ', 'partner'],
    ['PO', 'partner'],
    ['P.O.', 'partner'],
    ['po', 'partner'],
    ['Partner', 'partner'],
    ['AWS Originated', 'aws'],
    ['aws-originated', 'aws'],
    ['AO', 'aws'],
    ['a.o.', 'aws'],
    ['AWS', 'aws'],
  ])('does read %j as %j with the default values', (raw, value) => {
    expect(normalizeOrigination(raw)).toEqual({ value, recognised: true })
    expect(normalizeOrigination(raw, DEFAULT_ORIGINATION_VALUES)).toEqual({ value, recognised: true })
  })

  it('does treat blank as empty, not as unknown', () => {
    for (const raw of [null, undefined, '', '   ']) {
      expect(normalizeOrigination(raw)).toEqual({ value: null, recognised: true })
    }
  })

  it('does report values in neither list', () => {
    expect(normalizeOrigination('Marketplace')).toEqual({ value: null, recognised: false })
    expect(normalizeOrigination('PO?')).toEqual({ value: null, recognised: false })
    expect(normalizeOrigination('Partner Referral')).toEqual({ value: null, recognised: false })
  })

  it("does use the tenant's own value lists", () => {
    const values = { partner: ['Eigenakquise', 'Partner Sourced'], aws: ['AWS Lead', 'Von AWS'] }
    expect(normalizeOrigination('eigenakquise', values)).toEqual({ value: 'partner', recognised: true })
    expect(normalizeOrigination('PARTNER-SOURCED', values)).toEqual({ value: 'partner', recognised: true })
    expect(normalizeOrigination('von aws', values)).toEqual({ value: 'aws', recognised: true })
    expect(normalizeOrigination('PO', values)).toEqual({ value: null, recognised: false })
  })

  it('does match accented values regardless of accents', () => {
    const values = { partner: ['Origine partenaire'], aws: ['Origine AWS', 'Généré par AWS'] }
    expect(normalizeOrigination('GENERE PAR AWS', values)).toEqual({ value: 'aws', recognised: true })
  })

  it('does refuse to guess when a value is listed as both', () => {
    const values = { partner: ['PO', 'Joint'], aws: ['AO', 'joint'] }
    expect(normalizeOrigination('Joint', values)).toEqual({ value: null, recognised: false })
    expect(normalizeOrigination('PO', values)).toEqual({ value: 'partner', recognised: true })
    expect(normalizeOrigination('AO', values)).toEqual({ value: 'aws', recognised: true })
  })
})
