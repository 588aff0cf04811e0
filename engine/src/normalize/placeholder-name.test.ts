import { describe, expect, it } from 'vitest'
import { tokenizeCompanyName } from './company-tokens.ts'
import { isPlaceholderName } from './placeholder-name.ts'

function placeholder(display: string, key = display) {
  return isPlaceholderName(tokenizeCompanyName(display), tokenizeCompanyName(key))
}

describe('isPlaceholderName', () => {
  it('does flag empty names and names without letters', () => {
    expect(placeholder('')).toBe(true)
    expect(placeholder('--- ???')).toBe(true)
    expect(placeholder('000123')).toBe(true)
    expect(placeholder('24/7')).toBe(true)
  })

  it('does flag spaced and dotted spellings of n/a alike', () => {
    for (const raw of ['n/a', 'N / A', 'N.A.', 'n a', 'NA']) expect(placeholder(raw)).toBe(true)
  })

  it('does flag numbered placeholders and placeholders with filler words', () => {
    expect(placeholder('Test1')).toBe(true)
    expect(placeholder('tbd 2')).toBe(true)
    expect(placeholder('New Customer')).toBe(true)
    expect(placeholder('Test Company Inc', 'Test Company')).toBe(true)
  })

  it('does not flag a real word next to a placeholder word', () => {
    expect(placeholder('Test Kitchen')).toBe(false)
    expect(placeholder('New Relic')).toBe(false)
    expect(placeholder('Demo Labs')).toBe(false)
  })
})
