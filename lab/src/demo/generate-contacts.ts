// The people at a customer: names by locale, emails on the company domain or on free mail, phones in
// the local format.
import type { Company, Person } from './demo-world.ts'
import { stripAccents } from './name-variants.ts'
import { FIRST_NAMES, FREE_MAIL_DOMAINS, JOB_TITLES, LAST_NAMES } from './people-words.ts'
import type { Random } from './random.ts'

/** 1–5 contacts; about one in ten writes from a free-mail address even when the company has a domain. */
export function makeContacts(random: Random, company: Company): Person[] {
  const count = random.weighted([
    [1, 30],
    [2, 35],
    [3, 20],
    [4, 10],
    [5, 5],
  ])
  const people: Person[] = []
  const used = new Set<string>()
  for (let i = 0; i < count; i++) {
    const person = makePerson(random, company)
    if (person.email && used.has(person.email)) continue
    if (person.email) used.add(person.email)
    people.push(person)
  }
  return people
}

export function makePerson(random: Random, company: Company): Person {
  const locale = random.chance(0.8) && FIRST_NAMES[company.country] ? company.country : 'US'
  const first = random.pick(FIRST_NAMES[locale] ?? FIRST_NAMES.US ?? ['Alex'])
  const last = random.pick(LAST_NAMES[locale] ?? LAST_NAMES.US ?? ['Smith'])
  const freeMail = !company.domain || random.chance(0.1)
  const domain = freeMail ? random.weighted(FREE_MAIL_DOMAINS) : (company.domain as string)
  const email = random.chance(0.04) ? null : makeEmail(random, first, last, domain, freeMail)
  return {
    first,
    last,
    email,
    phone: random.chance(0.75) ? makePhone(random, company.phonePrefix) : null,
    jobTitle: random.pick(JOB_TITLES),
    freeMail: freeMail && email !== null,
  }
}

function localPart(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z]/g, '')
}

function makeEmail(random: Random, first: string, last: string, domain: string, freeMail: boolean): string {
  const f = localPart(first)
  const l = localPart(last)
  if (freeMail) {
    return `${random.pick([`${f}.${l}`, `${f}${l}`, `${f}${l}${random.int(1, 99)}`, `${f[0]}${l}${random.int(70, 99)}`])}@${domain}`
  }
  const local = random.weighted<string>([
    [`${f}.${l}`, 40],
    [`${f[0]}${l}`, 25],
    [f, 14],
    [`${f}${l[0]}`, 5],
    [`${f}_${l}`, 4],
    [random.pick(['it', 'info', 'accounts', 'ops', 'cloud', 'admin']), 12],
  ])
  return `${local}@${domain}`
}

export function makePhone(random: Random, prefix: string): string {
  if (/^\d{3}$/.test(prefix)) {
    const rest = `${random.int(200, 999)}-${String(random.int(0, 9999)).padStart(4, '0')}`
    return random.weighted<string>([
      [`+1 (${prefix}) ${rest}`, 35],
      [`${prefix}-${rest}`, 30],
      [`(${prefix}) ${rest}`, 25],
      [`+1${prefix}${rest.replace('-', '')}`, 10],
    ])
  }
  return `${prefix} ${random.int(100, 999)} ${random.int(1000, 99_999)}`
}
