import { describe, expect, it } from 'vitest'
import { readTranslatedName } from './translated-name.ts'

describe('readTranslatedName', () => {
  it('does return an Odoo 14 varchar name trimmed', () => {
    expect(readTranslatedName('Won')).toBe('Won')
    expect(readTranslatedName('  Proposition  ')).toBe('Proposition')
  })

  it('does read an Odoo 16 jsonb object in the preferred language', () => {
    expect(readTranslatedName({ en_US: 'Won', fr_FR: 'Gagné' })).toBe('Won')
    expect(readTranslatedName({ fr_FR: 'Gagné', en_US: 'Won' })).toBe('Won')
  })

  it('does read jsonb delivered as JSON text', () => {
    expect(readTranslatedName('{"en_US": "Won", "fr_FR": "Gagné"}')).toBe('Won')
    expect(readTranslatedName(' {"de_DE": "Gewonnen"} ')).toBe('Gewonnen')
  })

  it('does follow the given language preferences', () => {
    const name = { en_US: 'Won', fr_FR: 'Gagné', de_DE: 'Gewonnen' }
    expect(readTranslatedName(name, ['fr_FR', 'en_US'])).toBe('Gagné')
    expect(readTranslatedName(name, ['de_DE'])).toBe('Gewonnen')
  })

  it('does fall back to the same language in another region', () => {
    expect(readTranslatedName({ en_GB: 'Won (UK)', fr_FR: 'Gagné' })).toBe('Won (UK)')
    expect(readTranslatedName({ fr_CA: 'Gagné (CA)', de_DE: 'Gewonnen' }, ['fr_FR'])).toBe('Gagné (CA)')
  })

  it('does compare language codes regardless of case and separator', () => {
    expect(readTranslatedName({ 'en-us': 'Won', fr_FR: 'Gagné' }, ['fr_fr'])).toBe('Gagné')
    expect(readTranslatedName({ 'fr-FR': 'Gagné', 'en-us': 'Won' })).toBe('Won')
  })

  it('does fall back to any language with text', () => {
    expect(readTranslatedName({ fr_FR: 'Gagné', de_DE: 'Gewonnen' })).toBe('Gagné')
    expect(readTranslatedName({ en_US: '', es_ES: 'Ganado' })).toBe('Ganado')
    expect(readTranslatedName({ en_US: null, nl_NL: ' Gewonnen ' })).toBe('Gewonnen')
  })

  it('does return null when there is no text', () => {
    for (const value of [
      null,
      undefined,
      '',
      '   ',
      {},
      { en_US: '' },
      { en_US: null },
      '{}',
      '{"en_US": "  "}',
      [],
      true,
    ]) {
      expect(readTranslatedName(value)).toBeNull()
    }
  })

  it('does keep a plain name that only looks like JSON', () => {
    expect(readTranslatedName('{Internal}')).toBe('{Internal}')
    expect(readTranslatedName('{"a", "b"}')).toBe('{"a", "b"}')
  })

  it('does turn numbers into text', () => {
    expect(readTranslatedName(2024)).toBe('2024')
  })
})
