import { describe, expect, it } from 'vitest'
import { normalizeUsState, usStateName } from './us-state.ts'

const ALL_CODES =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP'.split(
    ' ',
  )

describe('normalizeUsState', () => {
  it('does know all 50 states, DC and the five inhabited territories by code and by name', () => {
    expect(ALL_CODES).toHaveLength(56)
    for (const code of ALL_CODES) {
      const name = usStateName(code)!
      expect(normalizeUsState(code)).toBe(code)
      expect(normalizeUsState(code.toLowerCase())).toBe(code)
      expect(normalizeUsState(name)).toBe(code)
      expect(normalizeUsState(name.toUpperCase())).toBe(code)
    }
  })

  it.each([
    ['Washington', 'WA'],
    ['washington', 'WA'],
    ['  New   York ', 'NY'],
    ['new-york', 'NY'],
    ['NEW_YORK', 'NY'],
    ['north carolina', 'NC'],
    ['West Virginia', 'WV'],
    ['Hawaiʻi', 'HI'],
    ["Hawai'i", 'HI'],
    ['District of Columbia', 'DC'],
    ['Washington, D.C.', 'DC'],
    ['Washington DC', 'DC'],
    ['D.C.', 'DC'],
    ['Puerto Rico', 'PR'],
    ['U.S. Virgin Islands', 'VI'],
    ['US Virgin Islands', 'VI'],
    ['Northern Mariana Islands', 'MP'],
    ['American Samoa', 'AS'],
    ['Guam', 'GU'],
    ['State of Washington', 'WA'],
    ['Washington State', 'WA'],
    ['US-CA', 'CA'],
    ['us-ny', 'NY'],
    ['California (CA)', 'CA'],
    ['WA - Washington', 'WA'],
    ['Texas, USA', 'TX'],
  ])('does read the name or code %j as %j', (raw, code) => {
    expect(normalizeUsState(raw)).toBe(code)
  })

  it.each([
    ['Calif.', 'CA'],
    ['Cal.', 'CA'],
    ['Mass.', 'MA'],
    ['N.Y.', 'NY'],
    ['N. Y.', 'NY'],
    ['Wash.', 'WA'],
    ['Penn.', 'PA'],
    ['Penna.', 'PA'],
    ['Fla.', 'FL'],
    ['Ill.', 'IL'],
    ['Tex.', 'TX'],
    ['Tenn.', 'TN'],
    ['Ariz.', 'AZ'],
    ['Colo.', 'CO'],
    ['Conn.', 'CT'],
    ['Mich.', 'MI'],
    ['Minn.', 'MN'],
    ['Okla.', 'OK'],
    ['Ore.', 'OR'],
    ['Wis.', 'WI'],
    ['Wisc.', 'WI'],
    ['W. Va.', 'WV'],
    ['N. Dak.', 'ND'],
    ['S.C.', 'SC'],
    ['N.J.', 'NJ'],
    ['N.M.', 'NM'],
    ['R.I.', 'RI'],
    ['P.R.', 'PR'],
  ])('does read the abbreviation %j as %j', (raw, code) => {
    expect(normalizeUsState(raw)).toBe(code)
  })

  it.each([
    null,
    undefined,
    '',
    '  ',
    'Bavaria',
    'Ontario',
    'XX',
    'Texas/Oklahoma',
    'NY or NJ',
    'Washingtonn',
  ])('does return null for %j', (raw) => {
    expect(normalizeUsState(raw)).toBeNull()
  })

  it('does accept US country values and a missing country', () => {
    for (const country of [
      'US',
      'us',
      'USA',
      'U.S.A.',
      'United States',
      'United States of America',
      null,
      undefined,
      '',
    ]) {
      expect(normalizeUsState('Texas', country)).toBe('TX')
    }
    expect(normalizeUsState('Puerto Rico', 'PR')).toBe('PR')
  })

  it('does not read states of other countries as US states', () => {
    expect(normalizeUsState('CA', 'Canada')).toBeNull()
    expect(normalizeUsState('WA', 'AU')).toBeNull()
    expect(normalizeUsState('Georgia', 'GE')).toBeNull()
    expect(normalizeUsState('Victoria', 'Australia')).toBeNull()
  })
})

describe('usStateName', () => {
  it('does name a state or territory by code, in any case', () => {
    expect(usStateName('WA')).toBe('Washington')
    expect(usStateName(' ny ')).toBe('New York')
    expect(usStateName('DC')).toBe('District of Columbia')
    expect(usStateName('PR')).toBe('Puerto Rico')
  })

  it('does return null for unknown codes', () => {
    expect(usStateName('XX')).toBeNull()
    expect(usStateName('Washington')).toBeNull()
    expect(usStateName(null)).toBeNull()
  })
})
