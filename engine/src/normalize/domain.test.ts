import { describe, expect, it } from 'vitest'
import {
  companyDomainFromEmail,
  companyDomainFromUrl,
  isFreeMailDomain,
  registrableDomainFromEmail,
  registrableDomainFromUrl,
} from './domain.ts'

describe('registrableDomainFromUrl', () => {
  it.each([
    ['https://www.acme.com/', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['www.Acme.io', 'acme.io'],
    ['http://acme.co.uk/path?x', 'acme.co.uk'],
    ['Acme.com.', 'acme.com'],
    [' acme .com', 'acme.com'],
    ['ACME. COM', 'acme.com'],
    ['HTTPS://WWW.ACME.COM', 'acme.com'],
    ['shop.acme.co.uk', 'acme.co.uk'],
    ['https://eu.portal.acme.com.au/login#top', 'acme.com.au'],
    ['acme.com:8443/app', 'acme.com'],
    ['https://user:secret@acme.com/', 'acme.com'],
    ['//cdn.acme.net/x.js', 'acme.net'],
    ['https//www.acme.com', 'acme.com'],
    ['http:/acme.com', 'acme.com'],
    ['http:\\\\acme.com\\index', 'acme.com'],
    ['<https://acme.com>', 'acme.com'],
    ['(www.acme.com)', 'acme.com'],
    ['www.acme.com, www.acme.de', 'acme.com'],
    ['see notes; www.acme.org', 'acme.org'],
    ['mailto:jane@acme.com', 'acme.com'],
    ['jane@acme.com', 'acme.com'],
    ['acme.github.io', 'acme.github.io'],
    ['https://acme.azurewebsites.net', 'acme.azurewebsites.net'],
  ])('does read %j as %j', (raw, domain) => {
    expect(registrableDomainFromUrl(raw)).toEqual({ domain })
  })

  it('does return internationalized domains in punycode, whichever way they were typed', () => {
    expect(registrableDomainFromUrl('https://www.müller.de/')).toEqual({ domain: 'xn--mller-kva.de' })
    expect(registrableDomainFromUrl('MÜLLER.DE')).toEqual({ domain: 'xn--mller-kva.de' })
    expect(registrableDomainFromUrl('xn--mller-kva.de')).toEqual({ domain: 'xn--mller-kva.de' })
    expect(registrableDomainFromUrl('пример.рф')).toEqual({ domain: 'xn--e1afmkfd.xn--p1ai' })
  })

  it.each([null, undefined, '', '   ', 'n/a', 'N/A', 'none', '-', 'TBD'])(
    'does report %j as empty',
    (raw) => {
      expect(registrableDomainFromUrl(raw)).toEqual({ domain: null, reason: 'empty' })
    },
  )

  it.each(['http://192.168.0.1/', '10.0.0.1', 'http://[::1]:8080/', 'https://[2001:db8::1]/'])(
    'does report the IP address %j',
    (raw) => {
      expect(registrableDomainFromUrl(raw)).toEqual({ domain: null, reason: 'ip_address' })
    },
  )

  it.each([
    'localhost',
    'http://localhost:3000',
    'acme',
    'Acme Inc',
    'acme.local',
    'intranet.acme.corp',
    'co.uk',
    '.com',
    'http://',
    'acme_corp.com',
    '-acme.com',
    'acme..com',
    '@acme',
    'garbage!!!',
  ])('does report %j as invalid', (raw) => {
    expect(registrableDomainFromUrl(raw)).toEqual({ domain: null, reason: 'invalid' })
  })

  it('does keep free-mail domains: a URL is read as written', () => {
    expect(registrableDomainFromUrl('https://mail.google.com')).toEqual({ domain: 'google.com' })
    expect(registrableDomainFromUrl('gmail.com')).toEqual({ domain: 'gmail.com' })
  })
})

describe('registrableDomainFromEmail', () => {
  it.each([
    ['jane@acme.com', 'acme.com'],
    ['Jane.Doe@ACME.COM', 'acme.com'],
    ['jane@mail.acme.co.uk', 'acme.co.uk'],
    ['jane@acme.com.', 'acme.com'],
    [' jane@acme.com ', 'acme.com'],
    ['Jane Doe <jane@acme.com>', 'acme.com'],
    ['"Doe, Jane" <jane@acme.com>', 'acme.com'],
    ['Smith, John <john@acme.com>', 'acme.com'],
    ['mailto:jane@acme.com', 'acme.com'],
    ['mailto:jane@acme.com?subject=Hi', 'acme.com'],
    ['jane+crm@acme.io', 'acme.io'],
    ['jane@acme.com; bob@other.org', 'acme.com'],
    ['jane@acme.com, bob@other.org', 'acme.com'],
    ['not an email; bob@other.org', 'other.org'],
    ['Jane <jane@acme.com>; Bob <bob@other.org>', 'acme.com'],
    ['jane@gmail.com', 'gmail.com'],
    ['jane@müller.de', 'xn--mller-kva.de'],
  ])('does read %j as %j', (raw, domain) => {
    expect(registrableDomainFromEmail(raw)).toEqual({ domain })
  })

  it.each([null, undefined, '', '  ', 'n/a', 'none'])('does report %j as empty', (raw) => {
    expect(registrableDomainFromEmail(raw)).toEqual({ domain: null, reason: 'empty' })
  })

  it.each([
    'jane',
    'jane@',
    '@acme.com',
    'jane@acme',
    'jane@localhost',
    'jane at acme dot com',
    'jane@acme.invalidtld',
  ])('does report %j as invalid', (raw) => {
    expect(registrableDomainFromEmail(raw)).toEqual({ domain: null, reason: 'invalid' })
  })

  it('does report an address at an IP address', () => {
    expect(registrableDomainFromEmail('jane@[10.0.0.1]')).toEqual({ domain: null, reason: 'ip_address' })
    expect(registrableDomainFromEmail('jane@10.0.0.1')).toEqual({ domain: null, reason: 'ip_address' })
  })
})

describe('isFreeMailDomain', () => {
  it.each([
    'gmail.com',
    'googlemail.com',
    'yahoo.com',
    'yahoo.co.uk',
    'yahoo.co.jp',
    'mail.yahoo.com',
    'hotmail.com',
    'hotmail.fr',
    'outlook.com',
    'outlook.de',
    'live.com',
    'live.co.uk',
    'msn.com',
    'aol.com',
    'icloud.com',
    'me.com',
    'mac.com',
    'proton.me',
    'protonmail.com',
    'gmx.de',
    'gmx.net',
    'gmx.at',
    'web.de',
    't-online.de',
    'mail.ru',
    'yandex.ru',
    'yandex.com',
    'qq.com',
    '163.com',
    '126.com',
    'orange.fr',
    'free.fr',
    'laposte.net',
    'libero.it',
    'comcast.net',
    'att.net',
    'verizon.net',
    'sbcglobal.net',
    'zoho.com',
    'fastmail.com',
    'hey.com',
    'tutanota.com',
    'mailinator.com',
    'GMAIL.COM.',
  ])('does recognise %j', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true)
  })

  it.each([
    'acme.com',
    'google.com',
    'amazon.com',
    'orange.com',
    'microsoft.com',
    'yahooligans.org',
    'gmail.acme.com',
    '',
    null,
    undefined,
  ])('does not flag %j', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false)
  })
})

describe('companyDomainFromEmail', () => {
  it('does give the domain of a company address', () => {
    expect(companyDomainFromEmail('Jane Doe <jane@sales.acme.com>')).toEqual({ domain: 'acme.com' })
  })

  it('does refuse free-mail addresses, saying so', () => {
    expect(companyDomainFromEmail('jane.doe@gmail.com')).toEqual({ domain: null, reason: 'free_mail' })
    expect(companyDomainFromEmail('JANE@HOTMAIL.CO.UK')).toEqual({ domain: null, reason: 'free_mail' })
  })

  it('does take the first company address when a free-mail one comes first', () => {
    expect(companyDomainFromEmail('jane@gmail.com; jane@acme.com')).toEqual({ domain: 'acme.com' })
  })

  it('does pass on other failures', () => {
    expect(companyDomainFromEmail(null)).toEqual({ domain: null, reason: 'empty' })
    expect(companyDomainFromEmail('jane@')).toEqual({ domain: null, reason: 'invalid' })
  })
})

describe('companyDomainFromUrl', () => {
  it('does give the domain of a company website and refuse a free-mail one', () => {
    expect(companyDomainFromUrl('www.acme.com')).toEqual({ domain: 'acme.com' })
    expect(companyDomainFromUrl('jane@yahoo.com')).toEqual({ domain: null, reason: 'free_mail' })
    expect(companyDomainFromUrl('localhost')).toEqual({ domain: null, reason: 'invalid' })
  })
})
