// The AWS account registry (c_aws_accounts): the partner's payer accounts, each customer's linked
// accounts (some under the customer's own payer), and the malformed ids people typed into `name`.
import type { CompanyPartners } from './build-odoo-partners.ts'
import { dayToSeconds, formatDay, officeSeconds } from './dates.ts'
import type { AwsAccount, Company } from './demo-world.ts'
import { timestamps } from './odoo-timestamps.ts'
import { PARTNER_DOMAIN } from './people-words.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'

export interface GeneratedAccounts {
  accounts: AwsAccount[]
  rows: Row[]
  /** Accounts by company key (linked accounts first by size). */
  byCompany: Map<string, AwsAccount[]>
}

const ENVIRONMENTS = [
  'prod',
  'production',
  'dev',
  'staging',
  'sandbox',
  'shared-services',
  'log-archive',
  'data',
  'security',
] as const

export function generateAccounts(
  random: Random,
  companies: readonly Company[],
  partners: ReadonlyMap<string, CompanyPartners>,
  options: { anchorDay: number; ourPartnerId: number },
): GeneratedAccounts {
  const { anchorDay } = options
  const usedNumbers = new Set<string>()
  const drafts: { account: AwsAccount; at: number; row: Row }[] = []
  const byCompany = new Map<string, AwsAccount[]>()
  let nextId = 1
  const newAccount = (fields: Partial<AwsAccount> & Pick<AwsAccount, 'joinDay'>): AwsAccount => {
    const number = accountNumber(random, usedNumbers)
    return {
      id: nextId++,
      number,
      storedName: number,
      company: null,
      isPayer: false,
      payerId: null,
      isDistribution: false,
      notBillable: false,
      status: 'ACTIVE',
      closedDay: null,
      monthlySpend: 0,
      ...fields,
    }
  }

  // The partner's own payer accounts: three Solution Provider payers and one under the distributor.
  const payerLabels = ['SPP Payer 01', 'SPP Payer 02', 'SPP Payer 03', 'Ingram Payer'] as const
  const payers = payerLabels.map((label, i) => {
    const payer = newAccount({ isPayer: true, isDistribution: i === 3, joinDay: anchorDay - 2_400 + i * 200 })
    drafts.push({
      account: payer,
      at: dayToSeconds(payer.joinDay, officeSeconds(random)),
      row: {
        c_aws_account_name: `Northbeam ${label}`,
        c_aws_account_alias: `northbeam-payer-${i + 1}`,
        c_aws_company_id: options.ourPartnerId,
        root_email: `aws-payer${i + 1}@${PARTNER_DOMAIN}`,
      },
    })
    return payer
  })

  for (const company of companies) {
    const entry = partners.get(company.key)
    if (!entry || random.chance(0.15)) continue
    const count = random.weighted([
      [1, 45],
      [2, 30],
      [3, 15],
      [4, 10],
    ])
    const distribution = random.chance(0.3)
    const earliest = Math.max(anchorDay - company.ageDays, anchorDay - 2_000)
    let payerId = random.pick(payers.filter((p) => p.isDistribution === distribution)).id
    const owned: AwsAccount[] = []
    if (count >= 3 && random.chance(0.3)) {
      // A larger customer runs its own organization: its linked accounts sit under its payer.
      const own = newAccount({
        company,
        isPayer: true,
        payerId: null,
        joinDay: earliest + random.int(0, 200),
        isDistribution: distribution,
        monthlySpend: Math.round(random.float(20, 300)),
      })
      payerId = own.id
      owned.push(own)
    }
    const weights = Array.from({ length: count }, (_, i) => (i === 0 ? 1 : random.float(0.05, 0.6)))
    const total = weights.reduce((a, b) => a + b, 0)
    for (let i = 0; i < count; i++) {
      const joinDay = Math.min(
        earliest + random.int(0, Math.max(1, anchorDay - 45 - earliest)),
        anchorDay - 45,
      )
      const status = random.weighted<AwsAccount['status']>([
        ['ACTIVE', 90],
        ['SUSPENDED', 3],
        ['CLOSED', 7],
      ])
      const silent = random.chance(0.1)
      owned.push(
        newAccount({
          company,
          payerId,
          isDistribution: distribution,
          joinDay,
          status,
          closedDay: status === 'CLOSED' ? random.int(joinDay + 30, anchorDay - 1) : null,
          notBillable: random.chance(0.05),
          monthlySpend: silent ? 0 : Math.round((company.monthlySpend * (weights[i] ?? 1)) / total),
        }),
      )
    }
    byCompany.set(company.key, owned)
    for (const account of owned) {
      const env = account.isPayer
        ? 'management'
        : owned.indexOf(account) === (owned[0]?.isPayer ? 1 : 0)
          ? 'prod'
          : random.pick(ENVIRONMENTS)
      const label =
        (company.domain ?? company.baseName)
          .split('.')[0]
          ?.toLowerCase()
          .replace(/[^a-z0-9]+/g, '-') ?? 'customer'
      const contacts = [...entry.contactIds.values()]
      drafts.push({
        account,
        at: dayToSeconds(account.joinDay, officeSeconds(random)),
        row: {
          c_aws_account_name: random.chance(0.5)
            ? `${label}-${env}`
            : `${company.baseName} ${env.charAt(0).toUpperCase()}${env.slice(1)}`,
          c_aws_account_alias: random.chance(0.6) ? `${label}-${env}` : null,
          c_aws_company_id: entry.companyId,
          c_aws_primary_contact_id: contacts.length > 0 && random.chance(0.7) ? random.pick(contacts) : null,
          root_email: company.domain
            ? `aws${random.pick(['+', '-', '.'])}${env}@${company.domain}`
            : random.chance(0.5)
              ? `${label}.aws@gmail.com`
              : null,
        },
      })
    }
  }

  for (const { account } of drafts) account.storedName = storedName(random, account.number)
  drafts.sort((a, b) => a.at - b.at || a.account.id - b.account.id)
  // Odoo ids follow creation order, not the order the accounts were drafted in.
  const remap = new Map<number, number>()
  for (const [i, draft] of drafts.entries()) remap.set(draft.account.id, i + 1)
  for (const { account } of drafts) {
    account.id = remap.get(account.id) as number
    if (account.payerId !== null) account.payerId = remap.get(account.payerId) ?? null
  }
  const rows = drafts.map(({ account, at, row }) => ({
    id: account.id,
    name: account.storedName,
    ...row,
    is_payer: account.isPayer,
    payer_id: account.payerId,
    is_not_billable: account.notBillable,
    account_status: account.status,
    c_org_join_date: formatDay(account.joinDay),
    is_distribution: account.isDistribution,
    active: account.status !== 'CLOSED' || random.chance(0.5),
    ...timestamps(random, at, anchorDay),
  }))
  return { accounts: drafts.map((d) => d.account), rows, byCompany }
}

function accountNumber(random: Random, used: Set<string>): string {
  for (;;) {
    const first = random.chance(0.08) ? '0' : String(random.int(1, 9))
    const number = `${first}${String(random.int(0, 99_999)).padStart(5, '0')}${String(random.int(0, 999_999)).padStart(6, '0')}`
    if (!used.has(number)) {
      used.add(number)
      return number
    }
  }
}

/** The id as someone typed it into c_aws_accounts.name: mostly clean, about 8% malformed. */
function storedName(random: Random, number: string): string {
  // Spreadsheet imports drop the leading zero of ids that have one.
  if (number.startsWith('0') && random.chance(0.3)) return number.slice(1)
  const form = random.weighted<string>([
    ['clean', 94],
    ['dashes', 2],
    ['spaces', 1],
    ['short', 1],
    ['empty', 1],
    ['padded', 1],
  ])
  if (form === 'dashes') return `${number.slice(0, 4)}-${number.slice(4, 8)}-${number.slice(8)}`
  if (form === 'spaces') return `${number.slice(0, 4)} ${number.slice(4, 8)} ${number.slice(8)}`
  if (form === 'short') return number.startsWith('0') ? number.slice(1) : number.slice(0, 11)
  if (form === 'empty') return ''
  if (form === 'padded') return ` ${number} `
  return number
}

/** How an account id appears in ACE: mostly 12 digits, sometimes with dashes. */
export function aceAccountForm(random: Random, number: string): string {
  return random.chance(0.1) ? `${number.slice(0, 4)}-${number.slice(4, 8)}-${number.slice(8)}` : number
}
