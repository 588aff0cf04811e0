import { describe, expect, it } from 'vitest'
import { COMMON_FIRST_NAMES, looksLikePersonName } from './person-name.ts'

describe('looksLikePersonName', () => {
  it('does accept first name and surname, with an optional middle name or initial', () => {
    expect(looksLikePersonName('John Smith')).toBe(true)
    expect(looksLikePersonName('Mary Ann Smith')).toBe(true)
    expect(looksLikePersonName('Mary A. Smith')).toBe(true)
    expect(looksLikePersonName('José Álvarez')).toBe(true)
    expect(looksLikePersonName('Doe, Jane')).toBe(false)
    expect(looksLikePersonName('Smith, Linda')).toBe(true)
  })

  it('does refuse one word, four words, lowercase, digits and unusual first names', () => {
    expect(looksLikePersonName('Smith')).toBe(false)
    expect(looksLikePersonName('John Paul Smith Jones')).toBe(false)
    expect(looksLikePersonName('john smith')).toBe(false)
    expect(looksLikePersonName('John Smith 2')).toBe(false)
    expect(looksLikePersonName('Zephyrine Smith')).toBe(false)
    expect(looksLikePersonName('John S')).toBe(false)
  })

  it('does refuse names with a business word', () => {
    expect(looksLikePersonName('Jordan Dental')).toBe(false)
    expect(looksLikePersonName('Jack Henry Associates')).toBe(false)
    expect(looksLikePersonName('Kelly Services')).toBe(false)
    expect(looksLikePersonName('Victoria Park')).toBe(false)
  })
})

describe('COMMON_FIRST_NAMES', () => {
  it('does hold folded first names', () => {
    expect(COMMON_FIRST_NAMES.has('john')).toBe(true)
    expect(COMMON_FIRST_NAMES.has('jurgen')).toBe(true)
    expect(COMMON_FIRST_NAMES.has('John')).toBe(false)
  })
})
