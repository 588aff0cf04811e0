// The people on ACE records: the partner's ACE users (opportunity owners), the AWS account managers
// who mostly stay with a customer, and the partner success managers.
import { amazonEmail, salesforceId } from './ace-values.ts'
import type { Rep } from './build-odoo-reference.ts'
import { dayToSeconds, formatTimestampTz } from './dates.ts'
import type { Company } from './demo-world.ts'
import { AWS_PSMS, AWS_SELLERS, PARTNER_DOMAIN } from './people-words.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'

export interface AcePerson {
  id: string
  name: string
  email: string
}

export interface AcePeople {
  users: Row[]
  ownerFor: (repName: string | null) => AcePerson
  awsSeller: (company: Company) => { name: string; email: string } | null
  psm: () => { name: string; email: string } | null
}

/** Builds the ACE users from the partner's reps; a couple spell their names differently in ACE. */
export function buildAcePeople(
  random: Random,
  reps: readonly Rep[],
  options: { anchorDay: number; tenant: string },
): AcePeople {
  const users: Row[] = []
  const byRep = new Map<string, AcePerson>()
  const stamp = (daysAgo: number) => {
    const at = dayToSeconds(options.anchorDay - daysAgo, random.int(0, 86_000))
    return {
      create_ts: formatTimestampTz(at),
      sync_ts: formatTimestampTz(dayToSeconds(options.anchorDay) - random.int(600, 9000)),
      write_ts: formatTimestampTz(at + random.int(0, 90) * 86_400),
    }
  }
  const spelled: Readonly<Record<string, string>> = {
    'Alex Morgan': 'Alexander Morgan',
    'Sam Whitaker': 'Samantha Whitaker',
  }
  for (const rep of reps) {
    const person = { id: salesforceId(random, '005'), name: spelled[rep.name] ?? rep.name, email: rep.email }
    byRep.set(rep.name, person)
    users.push({
      id: person.id,
      tenant: options.tenant,
      ...stamp(random.int(100, 420)),
      name: person.name,
      email: person.email,
      role: random.pick(['Alliance Lead', 'ACE User', 'ACE User', 'Standard User']),
      active: rep.active,
    })
  }
  const admin = {
    id: salesforceId(random, '005'),
    name: 'Partner Central Admin',
    email: `aws-alliance@${PARTNER_DOMAIN}`,
  }
  users.push({
    id: admin.id,
    tenant: options.tenant,
    ...stamp(420),
    name: admin.name,
    email: admin.email,
    role: 'Alliance Lead',
    active: true,
  })
  const everyone = [...byRep.values(), admin]

  const sellerEmails = new Map<string, string>(AWS_SELLERS.map((name) => [name, amazonEmail(random, name)]))
  const psmEmails = new Map<string, string>(AWS_PSMS.map((name) => [name, amazonEmail(random, name)]))
  const territory = new Map<string, string>()
  const mainPsm = AWS_PSMS[0]
  return {
    users,
    ownerFor: (repName) =>
      repName && byRep.get(repName) && random.chance(0.9)
        ? (byRep.get(repName) as AcePerson)
        : random.pick(everyone),
    awsSeller: (company) => {
      if (random.chance(0.1)) return null
      let seller = territory.get(company.key)
      if (!seller) {
        seller = random.pick(AWS_SELLERS)
        territory.set(company.key, seller)
      }
      // Territories change: a fifth of the records name someone else.
      const name = random.chance(0.8) ? seller : random.pick(AWS_SELLERS)
      return { name, email: sellerEmails.get(name) as string }
    },
    psm: () => {
      if (random.chance(0.3)) return null
      const name = random.chance(0.7) ? mainPsm : random.pick(AWS_PSMS)
      return { name, email: psmEmails.get(name) as string }
    },
  }
}
