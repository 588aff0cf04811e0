import { describe, expect, it } from 'vitest'
import { canonicalizeAwsAccountId } from './aws-account-id.ts'

describe('canonicalizeAwsAccountId', () => {
  it.each([
    ['123456789012', '123456789012'],
    [' 123456789012 ', '123456789012'],
    ['1234-5678-9012', '123456789012'],
    ['1234 5678 9012', '123456789012'],
    ['123 456 789 012', '123456789012'],
    ['1234.5678.9012', '123456789012'],
    ['1234–5678–9012', '123456789012'],
    ['"123456789012"', '123456789012'],
    ["'012345678901", '012345678901'],
    ['“012345678901”', '012345678901'],
    ['012345678901', '012345678901'],
    ['123456789012.0', '123456789012'],
    ['123,456,789,012', '123456789012'],
    ['１２３４５６７８９０１２', '123456789012'],
  ])('does accept %j as %j', (raw, id) => {
    expect(canonicalizeAwsAccountId(raw)).toEqual({ status: 'valid', id, raw })
  })

  it('does convert numbers exactly', () => {
    expect(canonicalizeAwsAccountId(123456789012)).toEqual({
      status: 'valid',
      id: '123456789012',
      raw: '123456789012',
    })
    expect(canonicalizeAwsAccountId(999999999999)).toMatchObject({ status: 'valid', id: '999999999999' })
    expect(canonicalizeAwsAccountId(123456789012n)).toMatchObject({ status: 'valid', id: '123456789012' })
  })

  it.each([null, undefined, '', '   ', 'n/a', 'N/A', 'none', 'NULL', '-', 'TBD', '0', 0, '00'])(
    'does report %j as missing',
    (raw) => {
      expect(canonicalizeAwsAccountId(raw)).toMatchObject({ status: 'missing', id: null })
    },
  )

  it('does keep the raw text of a missing value, and null when there was none', () => {
    expect(canonicalizeAwsAccountId('n/a').raw).toBe('n/a')
    expect(canonicalizeAwsAccountId(null).raw).toBeNull()
  })

  it('does suggest, but not accept, an 11- or 10-digit id padded with the zeros a spreadsheet dropped', () => {
    expect(canonicalizeAwsAccountId('12345678901')).toEqual({
      status: 'malformed',
      id: null,
      raw: '12345678901',
      reason: '11 digits: a leading zero may have been lost',
      suggestion: '012345678901',
    })
    expect(canonicalizeAwsAccountId(12345678901)).toMatchObject({
      status: 'malformed',
      suggestion: '012345678901',
    })
    expect(canonicalizeAwsAccountId('1234567890')).toMatchObject({
      status: 'malformed',
      suggestion: '001234567890',
    })
    expect(canonicalizeAwsAccountId('1234-5678-901')).toMatchObject({
      status: 'malformed',
      suggestion: '012345678901',
    })
  })

  it.each(['1.23457E+11', '1.23457e11', '1,23457E+11', '1E+11'])(
    'does refuse the scientific notation %j',
    (raw) => {
      expect(canonicalizeAwsAccountId(raw)).toMatchObject({
        status: 'malformed',
        id: null,
        reason: 'scientific notation: a spreadsheet rounded the id',
      })
      expect(canonicalizeAwsAccountId(raw).suggestion).toBeUndefined()
    },
  )

  it.each([
    '12345678901a',
    'abc',
    'O12345678901',
    'acct-123456789012-prod',
    'arn:aws:iam::123456789012:root',
  ])('does refuse %j, which has letters', (raw) => {
    expect(canonicalizeAwsAccountId(raw)).toMatchObject({ status: 'malformed', id: null })
  })

  it('does suggest the one 12-digit run inside a longer text', () => {
    expect(canonicalizeAwsAccountId('arn:aws:iam::123456789012:root')).toMatchObject({
      status: 'malformed',
      suggestion: '123456789012',
    })
    expect(canonicalizeAwsAccountId('Prod 1234-5678-9012')).toMatchObject({ suggestion: '123456789012' })
  })

  it('does refuse two ids in one value without choosing', () => {
    const result = canonicalizeAwsAccountId('123456789012 / 210987654321')
    expect(result).toMatchObject({ status: 'malformed', reason: 'several account ids in one value' })
    expect(result.suggestion).toBeUndefined()
    expect(canonicalizeAwsAccountId('123456789012, 210987654321')).toMatchObject({ status: 'malformed' })
  })

  it('does refuse twelve zeros and other lengths', () => {
    expect(canonicalizeAwsAccountId('000000000000')).toMatchObject({
      status: 'malformed',
      reason: 'all zeros',
    })
    expect(canonicalizeAwsAccountId('0000-0000-0000')).toMatchObject({
      status: 'malformed',
      reason: 'all zeros',
    })
    expect(canonicalizeAwsAccountId('1234567890123')).toMatchObject({
      status: 'malformed',
      reason: '13 digits, expected 12',
    })
    expect(canonicalizeAwsAccountId('123456')).toMatchObject({
      status: 'malformed',
      reason: '6 digits, expected 12',
    })
    expect(canonicalizeAwsAccountId('123456').suggestion).toBeUndefined()
  })

  it('does refuse numbers that cannot be an exact id', () => {
    expect(canonicalizeAwsAccountId(1.5)).toMatchObject({ status: 'malformed', reason: 'not a whole number' })
    expect(canonicalizeAwsAccountId(-123456789012)).toMatchObject({ status: 'malformed' })
    expect(canonicalizeAwsAccountId(Number.NaN)).toMatchObject({ status: 'malformed' })
    expect(canonicalizeAwsAccountId(2 ** 60)).toMatchObject({
      status: 'malformed',
      reason: 'number too large to be exact',
    })
  })

  it('does refuse values of other types, keeping a readable raw form', () => {
    expect(canonicalizeAwsAccountId(true)).toEqual({
      status: 'malformed',
      id: null,
      raw: 'true',
      reason: 'unexpected boolean',
    })
    expect(canonicalizeAwsAccountId({ id: 1 })).toMatchObject({ status: 'malformed', raw: '{"id":1}' })
  })
})
