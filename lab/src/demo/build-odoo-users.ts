// The partner's own side of res_partner and res_users: its company record, Odoo's system users, the
// sales reps (two have left and are archived) and the vendors AWS and the distributor bill from.
import type { OdooVersion } from './demo-world.ts'
import { stripAccents } from './name-variants.ts'
import { PARTNER_DOMAIN, PARTNER_NAME, PARTNER_REPS } from './people-words.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'

export interface Rep {
  name: string
  email: string
  userId: number
  partnerId: number
  teamId: number
  active: boolean
}

export interface OdooUsers {
  res_partner: Row[]
  res_users: Row[]
  reps: Rep[]
  ourPartnerId: number
  awsVendorId: number
  ingramVendorId: number
  /** Next free res_partner id. */
  nextPartnerId: number
}

export interface BuildOdooUsersOptions {
  version: OdooVersion
  countryId: ReadonlyMap<string, number>
  stateId: ReadonlyMap<string, number>
  /** Audit columns for a record created this many days after the Odoo install. */
  stamp: (offsetDays?: number) => Row
}

export function buildOdooUsers(_random: Random, options: BuildOdooUsersOptions): OdooUsers {
  const { version, countryId, stateId, stamp } = options
  let partnerId = 1
  const res_partner: Row[] = []
  const partner = (fields: Row, offsetDays = 0) => {
    const id = partnerId++
    res_partner.push({
      id,
      active: true,
      type: 'contact',
      company_id: 1,
      partner_share: false,
      ...fields,
      commercial_partner_id: fields.commercial_partner_id ?? id,
      ...stamp(offsetDays),
    })
    return id
  }
  const displayColumn = version === 14 ? 'display_name' : 'complete_name'
  const ourPartnerId = partner({
    name: PARTNER_NAME,
    [displayColumn]: PARTNER_NAME,
    is_company: true,
    website: `https://www.${PARTNER_DOMAIN}`,
    email: `info@${PARTNER_DOMAIN}`,
    country_id: countryId.get('US'),
    city: 'Seattle',
    state_id: stateId.get('US:WA'),
  })
  partner({
    name: 'OdooBot',
    [displayColumn]: 'OdooBot',
    is_company: false,
    active: false,
    email: 'odoobot@example.com',
  })
  const adminPartner = partner({
    name: 'Administrator',
    [displayColumn]: `${PARTNER_NAME}, Administrator`,
    parent_id: ourPartnerId,
    commercial_partner_id: ourPartnerId,
    email: `admin@${PARTNER_DOMAIN}`,
  })
  const res_users: Row[] = [
    {
      id: 1,
      login: '__system__',
      partner_id: 2,
      active: false,
      share: false,
      company_id: 1,
      notification_type: 'email',
      ...stamp(),
    },
    {
      id: 2,
      login: 'admin',
      partner_id: adminPartner,
      active: true,
      share: false,
      company_id: 1,
      notification_type: 'inbox',
      ...stamp(),
    },
  ]
  const reps: Rep[] = PARTNER_REPS.map((repName, i) => {
    const [first, last] = repName.split(' ') as [string, string]
    const email = `${i % 3 === 0 ? first.toLowerCase() : `${first.toLowerCase()}.${stripAccents(last).toLowerCase()}`}@${PARTNER_DOMAIN}`
    const active = i < PARTNER_REPS.length - 2
    const repPartner = partner(
      {
        name: repName,
        [displayColumn]: `${PARTNER_NAME}, ${repName}`,
        parent_id: ourPartnerId,
        commercial_partner_id: ourPartnerId,
        email,
        active,
      },
      60 + i * 90,
    )
    const userId = 6 + i
    res_users.push({
      id: userId,
      login: email,
      partner_id: repPartner,
      active,
      share: false,
      company_id: 1,
      notification_type: 'email',
      ...stamp(60 + i * 90),
    })
    return {
      name: repName,
      email,
      userId,
      partnerId: repPartner,
      teamId: [1, 2, 3, 2, 4, 5, 1, 3, 2, 1][i] ?? 1,
      active,
    }
  })
  const awsVendorId = partner(
    {
      name: 'Amazon Web Services, Inc.',
      [displayColumn]: 'Amazon Web Services, Inc.',
      is_company: true,
      website: 'aws.amazon.com',
      supplier_rank: 1,
      country_id: countryId.get('US'),
      city: 'Seattle',
    },
    10,
  )
  const ingramVendorId = partner(
    {
      name: 'Ingram Micro Inc.',
      [displayColumn]: 'Ingram Micro Inc.',
      is_company: true,
      website: 'https://www.ingrammicro.com',
      supplier_rank: 1,
      country_id: countryId.get('US'),
      city: 'Irvine',
    },
    300,
  )

  return {
    res_partner,
    res_users,
    reps,
    ourPartnerId,
    awsVendorId,
    ingramVendorId,
    nextPartnerId: partnerId + 7,
  }
}
