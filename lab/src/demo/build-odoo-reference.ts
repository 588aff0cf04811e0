// Odoo's reference data: currencies, countries, states, sales teams, pipeline stages, products and the
// partner's own users. Other builders look up ids here.

import { buildOdooUsers } from './build-odoo-users.ts'
import { dayToSeconds, formatTimestamp } from './dates.ts'
import type { OdooVersion } from './demo-world.ts'
import { COUNTRIES, OTHER_STATES, US_STATES } from './geography.ts'
import type { Random } from './random.ts'
import type { Row, TranslatedText } from './table-spec.ts'

export type { Rep } from './build-odoo-users.ts'

import type { Rep } from './build-odoo-users.ts'

export interface OdooReference {
  rows: {
    res_currency: Row[]
    res_country: Row[]
    res_country_state: Row[]
    crm_team: Row[]
    crm_stage: Row[]
    product_template: Row[]
    product_product: Row[]
    res_partner: Row[]
    res_users: Row[]
  }
  usdId: number
  countryId: ReadonlyMap<string, number>
  /** Keyed `US:WA`. */
  stateId: ReadonlyMap<string, number>
  stages: {
    new: number
    qualified: number
    proposition: number
    negotiation: number
    won: number
    onHold: number
  }
  reps: readonly Rep[]
  /** product_product ids by purpose; `usageLegacy` is the archived variant old bills still use. */
  products: Record<
    'usage' | 'usageLegacy' | 'support' | 'managed' | 'discount' | 'credit' | 'services',
    number
  >
  ourPartnerId: number
  awsVendorId: number
  ingramVendorId: number
  /** Next free res_partner id. */
  nextPartnerId: number
}

const STAGES = [
  ['new', 'New', 'Neu', 1, false, false],
  ['qualified', 'Qualified', 'Qualifiziert', 2, false, false],
  ['proposition', 'Proposition', 'Angebot', 3, false, false],
  ['negotiation', 'Negotiation', 'Verhandlung', 4, false, false],
  ['onHold', 'On Hold', 'Pausiert', 5, false, true],
  ['won', 'Won', 'Gewonnen', 70, true, false],
] as const

const PRODUCTS = [
  ['usage', 'AWS Usage', 'AWS-USAGE', 'AWS-Nutzung'],
  ['support', 'AWS Support', 'AWS-SUPPORT', 'AWS-Support'],
  ['managed', 'Managed Services', 'MSP-MONTHLY', 'Managed Services'],
  ['discount', 'Discount', 'DISC', 'Rabatt'],
  ['credit', 'Credit', 'AWS-CREDIT', 'Gutschrift'],
  ['services', 'Professional Services', 'PS-HOURS', 'Beratungsleistungen'],
] as const

export function buildOdooReference(random: Random, version: OdooVersion, anchorDay: number): OdooReference {
  const install = dayToSeconds(anchorDay - 2_600, 9 * 3600)
  const stamp = (offsetDays = 0) => {
    const at = formatTimestamp(install + offsetDays * 86_400 + random.int(0, 3600))
    return { create_date: at, write_date: at, create_uid: 1, write_uid: 1 }
  }
  const name = (en: string, de: string): TranslatedText | string =>
    version >= 16 ? (random.chance(0.5) ? { en_US: en, de_DE: de } : { en_US: en }) : en

  const currencies = [
    ['USD', '$'],
    ['EUR', '€'],
    ['GBP', '£'],
    ['CAD', '$'],
  ] as const
  const res_currency = currencies.map(([code, symbol], i) => ({
    id: [2, 1, 144, 7][i],
    name: code,
    symbol,
    rounding: 0.01,
    decimal_places: 2,
    active: true,
    position: code === 'EUR' ? 'after' : 'before',
    ...stamp(),
  }))
  const countryId = new Map<string, number>()
  const res_country = COUNTRIES.map((country, i) => {
    const id = i * 3 + 1 + (i > 8 ? 11 : 0)
    countryId.set(country.code, id)
    return {
      id,
      name: name(country.name, country.de ?? country.name),
      code: country.code,
      phone_code: null,
      ...stamp(),
    }
  })
  const stateId = new Map<string, number>()
  const stateRows: Row[] = []
  for (const [code, stateName] of US_STATES)
    stateRows.push({ country_id: countryId.get('US'), name: stateName, code })
  for (const [country, code, stateName] of OTHER_STATES)
    stateRows.push({ country_id: countryId.get(country), name: stateName, code })
  const res_country_state = stateRows.map((row, i) => {
    const country = COUNTRIES.find((c) => countryId.get(c.code) === row.country_id)?.code
    stateId.set(`${country}:${row.code}`, i + 1)
    return { id: i + 1, ...row, ...stamp() }
  })

  const teamNames = [
    ['Sales', 'Vertrieb', true],
    ['Direct Sales', 'Direktvertrieb', true],
    ['AWS Alliance', 'AWS-Allianz', true],
    ['Public Sector', 'Öffentlicher Sektor', true],
    ['EMEA', 'EMEA', true],
    ['Website', 'Webseite', false],
  ] as const
  const crm_team = teamNames.map(([en, de, active], i) => ({
    id: i + 1,
    name: name(en, de),
    active,
    company_id: 1,
    sequence: 10 * (i + 1),
    use_leads: true,
    use_opportunities: true,
    user_id: null,
    ...stamp(i * 30),
  }))
  const stages = {} as OdooReference['stages']
  const crm_stage = STAGES.map(([key, en, de, sequence, isWon, fold], i) => {
    stages[key] = i + 1
    return {
      id: i + 1,
      name: name(en, de),
      sequence,
      is_won: isWon,
      fold,
      requirements: null,
      team_id: null,
      ...stamp(),
    }
  })

  const product_template: Row[] = []
  const product_product: Row[] = []
  const products = {} as OdooReference['products']
  PRODUCTS.forEach(([key, en, code, de], i) => {
    const templateId = i + 1
    product_template.push({
      id: templateId,
      name: name(en, de),
      default_code: code,
      list_price: key === 'managed' ? 2500 : 0,
      type: 'service',
      active: true,
      sale_ok: true,
      purchase_ok: key === 'usage',
      categ_id: 1,
      uom_id: 1,
      ...stamp(20),
    })
    if (key === 'usage') {
      // The first usage product was replaced; bills from before the switch still point at it.
      product_product.push({
        id: 3 + i * 2,
        product_tmpl_id: templateId,
        default_code: 'AWS',
        active: false,
        ...stamp(20),
      })
      products.usageLegacy = 3 + i * 2
    }
    const productId = 4 + i * 2
    product_product.push({
      id: productId,
      product_tmpl_id: templateId,
      default_code: code,
      active: true,
      ...stamp(400),
    })
    products[key] = productId
  })

  const users = buildOdooUsers(random, { version, countryId, stateId, stamp })
  return {
    rows: {
      res_currency,
      res_country,
      res_country_state,
      crm_team,
      crm_stage,
      product_template,
      product_product,
      res_partner: users.res_partner,
      res_users: users.res_users,
    },
    usdId: 2,
    countryId,
    stateId,
    stages,
    reps: users.reps,
    products,
    ourPartnerId: users.ourPartnerId,
    awsVendorId: users.awsVendorId,
    ingramVendorId: users.ingramVendorId,
    nextPartnerId: users.nextPartnerId,
  }
}
