import { describe, expect, it } from 'vitest'
import {
  acronymOf,
  rawWebsite,
  stripAccents,
  transliterateGerman,
  typo,
  varyCompanyName,
} from './name-variants.ts'
import { createRandom } from './random.ts'

describe('name variants', () => {
  it('drops accents the way a US keyboard does', () => {
    expect(stripAccents('Müller Präzisionstechnik')).toBe('Muller Prazisionstechnik')
    expect(stripAccents('Société Générale')).toBe('Societe Generale')
    expect(stripAccents('Sørensen Groß')).toBe('Sorensen Gross')
    expect(transliterateGerman('Müller')).toBe('Mueller')
  })

  it('builds acronyms from significant words', () => {
    expect(acronymOf('Pacific Northwest Credit Union')).toBe('PNCU')
    expect(acronymOf('City of Spokane Transit Authority')).toBe('CSTA')
  })

  it('makes one small slip in a typo', () => {
    const random = createRandom(5)
    for (let i = 0; i < 50; i++) {
      const slipped = typo(random, 'Harper Consulting')
      expect(slipped).not.toBe('')
      expect(Math.abs(slipped.length - 'Harper Consulting'.length)).toBeLessThanOrEqual(1)
    }
  })

  it('varies a company name and says how', () => {
    const random = createRandom(6)
    const company = { baseName: 'Apex Dental Group', suffix: 'Inc.', acronym: null, formerName: null }
    const tags = new Set<string>()
    for (let i = 0; i < 400; i++) {
      const variant = varyCompanyName(random, company)
      expect(variant.name.length).toBeGreaterThan(0)
      for (const tag of variant.tags) tags.add(tag)
      if (variant.tags[0] === 'exact') expect(variant.name).toBe('Apex Dental Group Inc.')
      if (variant.tags[0] === 'suffix_dropped') expect(variant.name).toBe('Apex Dental Group')
    }
    expect(tags).toEqual(
      new Set([
        'exact',
        'suffix_dropped',
        'suffix_changed',
        'casing',
        'punctuation',
        'abbreviation',
        'typo',
        'descriptor',
      ]),
    )
  })

  it('uses an acronym when the company is known by one', () => {
    const random = createRandom(8)
    const company = {
      baseName: 'Midwest Regional Transit Authority',
      suffix: null,
      acronym: 'MRTA',
      formerName: null,
    }
    const names = Array.from({ length: 100 }, () => varyCompanyName(random, company).name)
    expect(names).toContain('MRTA')
  })

  it('writes websites in varied raw forms that keep the domain', () => {
    const random = createRandom(9)
    const forms = new Set(Array.from({ length: 300 }, () => rawWebsite(random, 'acme.com')))
    expect(forms.size).toBeGreaterThan(5)
    for (const form of forms) expect(form.toLowerCase()).toContain('acme.com')
    expect(forms).toContain('https://www.acme.com/')
  })
})
