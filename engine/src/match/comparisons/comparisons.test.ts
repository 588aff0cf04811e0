import { describe, expect, it } from 'vitest'
import { createFieldStats } from '../field-stats.ts'
import { NULL_LEVEL } from '../model/comparison.ts'
import { createRecord, type FieldValue } from '../record.ts'
import { amountComparison } from './amount-comparison.ts'
import { codeComparison } from './code-comparison.ts'
import { dateComparison } from './date-comparison.ts'
import { nameComparison } from './name-comparison.ts'
import { setComparison } from './set-comparison.ts'
import { textComparison } from './text-comparison.ts'

const rec = (id: string, values: Record<string, FieldValue>) => createRecord(id, values)

describe('name comparison', () => {
  const population = [
    'Apex Dental Group',
    'Apex Digital Group',
    'Amazon Web Services',
    'Müller GmbH',
    'Northwind LLC',
    'test',
  ].map((n, i) => rec(`r${i}`, { name: n }))
  const compare = nameComparison(
    { name: 'company', left: 'name', right: 'name' },
    createFieldStats(population),
  )
  const level = (a: string | null, b: string | null) =>
    compare.compare(rec('a', { name: a }), rec('b', { name: b })).level

  it('ignores legal forms, case, punctuation and accents', () => {
    expect(level('Müller GmbH', 'MULLER')).toBe(0)
    expect(level('Northwind, L.L.C.', 'northwind llc')).toBe(0)
  })

  it('separates near-identical names of different companies from typos', () => {
    expect(level('Apex Dental Group', 'Apex Dentl Group')).toBeLessThanOrEqual(2)
    expect(level('Apex Dental Group', 'Apex Digital Group')).toBeGreaterThanOrEqual(2)
  })

  it('recognises acronyms and says nothing about placeholders or blanks', () => {
    expect(compare.levels[level('Amazon Web Services', 'AWS')]!.label).toBe('acronym of the other')
    expect(level('test', 'Apex Dental Group')).toBe(NULL_LEVEL)
    expect(level(null, 'Apex')).toBe(NULL_LEVEL)
  })
})

describe('opportunity comparisons', () => {
  it('compares amounts on different bases (monthly vs annual)', () => {
    const amount = amountComparison({
      name: 'amount',
      left: 'monthly',
      right: 'total',
      multipliers: [1, 12, 36],
    })
    const outcome = amount.compare(rec('a', { monthly: 1000 }), rec('b', { total: 12_300 }))
    expect(outcome.level).toBe(0)
    expect(outcome.value).toMatch(/^×12/)
    expect(amount.compare(rec('a', { monthly: 1000 }), rec('b', { total: 5000 })).level).toBe(3)
    expect(amount.compare(rec('a', { monthly: null }), rec('b', { total: 5000 })).level).toBe(NULL_LEVEL)
  })

  it('levels dates by days apart', () => {
    const date = dateComparison({ name: 'close', left: 'd', right: 'd', days: [7, 31, 92] })
    expect(date.compare(rec('a', { d: '2026-01-01' }), rec('b', { d: '2026-01-05' }))).toEqual({
      level: 0,
      value: 4,
    })
    expect(date.compare(rec('a', { d: '2026-01-01' }), rec('b', { d: '2026-12-01' })).level).toBe(3)
  })

  it('says which date came first, and by how much, when signed', () => {
    const order = dateComparison({ name: 'created', left: 'c', right: 'c', days: [3, 45], signed: true })
    expect(order.levels.map((l) => l.label)).toEqual([
      'up to 3 days earlier',
      '4–45 days earlier',
      'more than 45 days earlier',
      'up to 3 days later',
      '4–45 days later',
      'more than 45 days later',
    ])
    const at = (left: string, right: string) => order.compare(rec('a', { c: left }), rec('b', { c: right }))
    expect(at('2026-03-10T12:00:00Z', '2026-03-10T09:00:00Z')).toEqual({ level: 0, value: 0 })
    expect(at('2026-03-10', '2026-02-01')).toEqual({ level: 1, value: -37 })
    expect(at('2026-03-10', '2025-03-10')).toEqual({ level: 2, value: -365 })
    expect(at('2026-03-10', '2026-03-12')).toEqual({ level: 3, value: 2 })
    expect(at('2026-03-10', '2026-04-10')).toEqual({ level: 4, value: 31 })
    expect(at('2026-03-10', '2026-09-10')).toEqual({ level: 5, value: 184 })
    expect(at('2026-03-10', '').level).toBe(NULL_LEVEL)
  })

  it('finds shared values and codes, and drops customer words from titles', () => {
    const population = [rec('x', { domains: ['acme.com'] }), rec('y', { domains: ['acme.com', 'other.com'] })]
    const domains = setComparison(
      { name: 'domain', left: 'domains', right: 'domains', term_frequency: true },
      createFieldStats(population),
    )
    expect(domains.compare(population[0]!, population[1]!)).toMatchObject({ level: 0, value: 'acme.com' })
    expect(domains.compare(rec('a', { domains: ['a.com'] }), rec('b', { domains: ['b.com'] })).level).toBe(1)
    const codes = codeComparison({ name: 'codes', left: ['name'], right: ['name'] }, createFieldStats([]))
    expect(
      codes.compare(rec('a', { name: 'sony kdl-40v4100' }), rec('b', { name: 'Sony Bravia KDL40V4100' }))
        .level,
    ).toBe(0)
    expect(
      codes.compare(rec('a', { name: 'sony kdl40v4100b' }), rec('b', { name: 'sony kdl40v4100' })).level,
    ).toBe(1)
    const titles = [
      rec('p', { t: 'Acme - Data Lake', c: 'Acme' }),
      rec('q', { t: 'Data Lake', c: 'Acme Inc' }),
      rec('r', { t: 'Acme Migration', c: 'Acme' }),
    ]
    const title = textComparison(
      { name: 'title', left: 't', right: 't', thresholds: [0.9, 0.5], without_words_of: 'c' },
      createFieldStats(titles),
    )
    expect(title.compare(titles[0]!, titles[1]!).level).toBe(0)
    expect(title.compare(titles[0]!, titles[2]!).level).toBe(2)
  })
})
