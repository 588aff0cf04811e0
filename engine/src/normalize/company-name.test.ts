import { describe, expect, it } from 'vitest'
import { acronymOf, companyNameKey, normalizeCompanyName } from './company-name.ts'
import { GENERIC_COMPANY_WORDS } from './company-words.ts'

describe('normalizeCompanyName', () => {
  it('keeps the original and a tidy display form', () => {
    const name = normalizeCompanyName('  Acme\u00a0\u200b  Corp.\n')
    expect(name.original).toBe('  Acme\u00a0\u200b  Corp.\n')
    expect(name.display).toBe('Acme Corp.')
  })

  it('returns an empty placeholder for null, undefined and blank', () => {
    for (const raw of [null, undefined, '', '   ']) {
      const name = normalizeCompanyName(raw)
      expect(name).toMatchObject({ display: '', normalized: '', key: '', tokens: [], isPlaceholder: true })
    }
    expect(normalizeCompanyName(null).original).toBeNull()
  })

  it.each([
    ['Acme, Inc.', 'acme inc', 'acme', ['inc']],
    ['ACME INC', 'acme inc', 'acme', ['inc']],
    ['Acme Incorporated', 'acme incorporated', 'acme', ['incorporated']],
    ['Acme Corp.', 'acme corp', 'acme', ['corp']],
    ['Acme Corporation', 'acme corporation', 'acme', ['corporation']],
    ['Acme L.L.C.', 'acme llc', 'acme', ['llc']],
    ['Acme, LLC', 'acme llc', 'acme', ['llc']],
    ['Acme Limited', 'acme limited', 'acme', ['limited']],
    ['Acme Ltd', 'acme ltd', 'acme', ['ltd']],
    ['Acme plc', 'acme plc', 'acme', ['plc']],
    ['Smith Jones LLP', 'smith jones llp', 'smith jones', ['llp']],
    ['Harbor Dental, P.C.', 'harbor dental pc', 'harbor dental', ['pc']],
    ['Acme Pty. Ltd.', 'acme pty ltd', 'acme', ['pty', 'ltd']],
    ['Acme (Pty) Ltd', 'acme pty ltd', 'acme', ['pty', 'ltd']],
    ['Acme Pte. Ltd.', 'acme pte ltd', 'acme', ['pte', 'ltd']],
    ['Infosys Private Limited', 'infosys private limited', 'infosys', ['pvt', 'ltd']],
    ['Acme Pvt. Ltd.', 'acme pvt ltd', 'acme', ['pvt', 'ltd']],
    ['Acme Holdings Co., Ltd.', 'acme holdings co ltd', 'acme holdings', ['co', 'ltd']],
    ['Müller GmbH', 'muller gmbh', 'muller', ['gmbh']],
    ['Müller GmbH & Co. KG', 'muller gmbh and co kg', 'muller', ['gmbh & co kg']],
    ['Müller & Co. KG', 'muller and co kg', 'muller', ['co', 'kg']],
    ['Acme UG (haftungsbeschränkt)', 'acme ug haftungsbeschrankt', 'acme', ['ug']],
    ['Siemens AG', 'siemens ag', 'siemens', ['ag']],
    ['Société Générale S.A.', 'societe generale sa', 'societe generale', ['sa']],
    ['Acme S. A.', 'acme sa', 'acme', ['sa']],
    ['Acme SAS', 'acme sas', 'acme', ['sas']],
    ['Acme S.à r.l.', 'acme sa rl', 'acme', ['sarl']],
    ['Acme SARL', 'acme sarl', 'acme', ['sarl']],
    ['Acme B.V.', 'acme bv', 'acme', ['bv']],
    ['Acme N.V.', 'acme nv', 'acme', ['nv']],
    ['Acme S.r.l.', 'acme srl', 'acme', ['srl']],
    ['Fiat S.p.A.', 'fiat spa', 'fiat', ['spa']],
    ['Fiat SpA', 'fiat spa', 'fiat', ['spa']],
    ['Telefónica, S.L.', 'telefonica sl', 'telefonica', ['sl']],
    [
      'Industrias Peñoles, S.A.B. de C.V.',
      'industrias penoles sab de cv',
      'industrias penoles',
      ['sab de cv'],
    ],
    ['Grupo Acme S.A. de C.V.', 'grupo acme sa de cv', 'grupo acme', ['sa de cv']],
    ['Acme Ltda.', 'acme ltda', 'acme', ['ltda']],
    ['Nokia Oyj', 'nokia oyj', 'nokia', ['oyj']],
    ['Acme Oy', 'acme oy', 'acme', ['oy']],
    ['Volvo AB (publ)', 'volvo ab publ', 'volvo', ['ab']],
    ['Acme A/S', 'acme a s', 'acme', ['as']],
    ['Equinor ASA', 'equinor asa', 'equinor', ['asa']],
    ['Acme ApS', 'acme aps', 'acme', ['aps']],
    ['Acme OÜ', 'acme ou', 'acme', ['oü']],
    ['Acme Sp. z o.o.', 'acme sp z oo', 'acme', ['sp z oo']],
    ['Acme spol. s r.o.', 'acme spol s ro', 'acme', ['sro']],
    ['Acme s.r.o.', 'acme sro', 'acme', ['sro']],
    ['Acme Kft.', 'acme kft', 'acme', ['kft']],
    ['Acme Zrt.', 'acme zrt', 'acme', ['zrt']],
    ['Acme d.o.o.', 'acme doo', 'acme', ['doo']],
    ['Acme Ltd. Şti.', 'acme ltd sti', 'acme', ['ltd', 'sti']],
    ['Acme Sdn. Bhd.', 'acme sdn bhd', 'acme', ['sdn bhd']],
    ['Acme Berhad', 'acme berhad', 'acme', ['bhd']],
    ['Acme K.K.', 'acme kk', 'acme', ['kk']],
    ['PT Bank Central Asia Tbk', 'pt bank central asia tbk', 'pt bank central asia', ['tbk']],
  ])('removes the legal form of %j', (raw, normalized, key, legalSuffixes) => {
    const name = normalizeCompanyName(raw)
    expect(name.normalized).toBe(normalized)
    expect(name.key).toBe(key)
    expect(name.legalSuffixes).toEqual(legalSuffixes)
  })

  it('removes legal forms written in CJK and Cyrillic scripts, before or after the name', () => {
    expect(normalizeCompanyName('アクメ株式会社')).toMatchObject({ key: 'アクメ', legalSuffixes: ['kk'] })
    expect(normalizeCompanyName('株式会社アクメ')).toMatchObject({ key: 'アクメ', legalSuffixes: ['kk'] })
    expect(normalizeCompanyName('阿克米有限公司')).toMatchObject({ key: '阿克米', legalSuffixes: ['ltd'] })
    expect(normalizeCompanyName('Samsung 주식회사')).toMatchObject({
      key: 'samsung',
      legalSuffixes: ['co', 'ltd'],
    })
    expect(normalizeCompanyName('ООО «Ромашка»')).toMatchObject({ key: 'ромашка', legalSuffixes: ['ooo'] })
  })

  it('gives the same key to the spellings two systems use for one company', () => {
    const spellings = [
      'Acme, Inc.',
      'ACME INC',
      'acme',
      'The Acme Company',
      'Acme Co.',
      'Acme Corp',
      'Acme LLC',
    ]
    expect(new Set(spellings.map(companyNameKey))).toEqual(new Set(['acme']))
    expect(companyNameKey('Procter & Gamble Co.')).toBe(companyNameKey('Procter and Gamble Company'))
    expect(companyNameKey('Société Générale')).toBe(companyNameKey('SOCIETE GENERALE S.A.'))
    expect(companyNameKey('McDonald’s Corporation')).toBe(companyNameKey("McDonald's Corp."))
  })

  it('keeps near-identical names of different companies apart', () => {
    expect(companyNameKey('Apex Dental Group')).toBe('apex dental group')
    expect(companyNameKey('Apex Digital Group')).toBe('apex digital group')
  })

  it('removes several legal forms from the end, but only from the end', () => {
    expect(normalizeCompanyName('Acme Trading Company Limited')).toMatchObject({
      key: 'acme trading',
      legalSuffixes: ['company', 'limited'],
    })
    expect(normalizeCompanyName('Limited Brands Inc')).toMatchObject({
      key: 'limited brands',
      legalSuffixes: ['inc'],
    })
    expect(normalizeCompanyName('Corporate Travel Co Inc')).toMatchObject({ key: 'corporate travel' })
    expect(normalizeCompanyName('Acme Inc. (USA)').key).toBe('acme inc usa')
  })

  it('never removes a legal form when the key would become empty', () => {
    expect(normalizeCompanyName('Inc.')).toMatchObject({ key: 'inc', legalSuffixes: [] })
    expect(normalizeCompanyName('Company Ltd')).toMatchObject({ key: 'company', legalSuffixes: ['ltd'] })
    expect(normalizeCompanyName('The Limited')).toMatchObject({ key: 'limited', legalSuffixes: [] })
    expect(normalizeCompanyName('S.A.').key).toBe('sa')
  })

  it('removes a leading "the" but keeps it when it is the whole name', () => {
    expect(companyNameKey('The Coca-Cola Company')).toBe('coca cola')
    expect(companyNameKey('THE HOME DEPOT, INC.')).toBe('home depot')
    expect(companyNameKey('Breathe Theatre')).toBe('breathe theatre')
    expect(companyNameKey('The')).toBe('the')
  })

  it('drops the "and" left dangling by a removed "Co."', () => {
    expect(normalizeCompanyName('Smith & Co')).toMatchObject({ key: 'smith', legalSuffixes: ['co'] })
    expect(normalizeCompanyName('J.P. Morgan & Co.')).toMatchObject({
      key: 'jp morgan',
      legalSuffixes: ['co'],
    })
    expect(normalizeCompanyName('Ortiz y Cía. Ltda.')).toMatchObject({
      key: 'ortiz',
      legalSuffixes: ['cia', 'ltda'],
    })
  })

  it('does not mistake a word of the name for an ambiguous legal form', () => {
    expect(normalizeCompanyName('Serenity Day Spa')).toMatchObject({
      key: 'serenity day spa',
      legalSuffixes: [],
    })
    expect(normalizeCompanyName('LUXE SPA').key).toBe('luxe spa')
    expect(normalizeCompanyName('Acme EV').key).toBe('acme ev')
    expect(normalizeCompanyName('Bluegrass KY').key).toBe('bluegrass ky')
  })

  it('folds accents, ligatures and letters NFKD leaves alone', () => {
    expect(normalizeCompanyName('Müller Société Ñandú').normalized).toBe('muller societe nandu')
    expect(normalizeCompanyName('Straße Æble Ørsted Œuvre Łódź Đukić Þór').normalized).toBe(
      'strasse aeble orsted oeuvre lodz dukic thor',
    )
    expect(normalizeCompanyName('Ｆｕｌｌｗｉｄｔｈ ﬁnance').normalized).toBe('fullwidth finance')
    expect(normalizeCompanyName('İstanbul Yazılım').normalized).toBe('istanbul yazilim')
  })

  it('unifies &, +, and, und, et, y, e between words as "and"', () => {
    expect(normalizeCompanyName('Johnson & Johnson').normalized).toBe('johnson and johnson')
    expect(normalizeCompanyName('AT&T Inc.').key).toBe('at and t')
    expect(normalizeCompanyName('Bang + Olufsen').normalized).toBe('bang and olufsen')
    expect(normalizeCompanyName('Müller und Söhne').normalized).toBe('muller and sohne')
    expect(normalizeCompanyName('Dupont et Fils').normalized).toBe('dupont and fils')
    expect(normalizeCompanyName('Johnson y Johnson').normalized).toBe('johnson and johnson')
    expect(normalizeCompanyName('Dolce e Gabbana').normalized).toBe('dolce and gabbana')
  })

  it('leaves "and" words at either end and joiners that join nothing alone', () => {
    expect(normalizeCompanyName('Y Combinator').normalized).toBe('y combinator')
    expect(normalizeCompanyName('Vitamin E').normalized).toBe('vitamin e')
    expect(normalizeCompanyName('C++ Labs').normalized).toBe('c labs')
    expect(normalizeCompanyName('Disney+').normalized).toBe('disney')
  })

  it('removes punctuation, joins dotted initials and drops apostrophes inside words', () => {
    expect(normalizeCompanyName("L'Oréal").normalized).toBe('loreal')
    expect(normalizeCompanyName('McDonald’s').normalized).toBe('mcdonalds')
    expect(normalizeCompanyName('Rolls-Royce Holdings plc').key).toBe('rolls royce holdings')
    expect(normalizeCompanyName('I.B.M.').normalized).toBe('ibm')
    expect(normalizeCompanyName('U.S. Bancorp').normalized).toBe('us bancorp')
    expect(normalizeCompanyName('Booking.com').normalized).toBe('booking com')
    expect(normalizeCompanyName('"Acme" (West), Inc.').key).toBe('acme west')
    expect(normalizeCompanyName('Yahoo!').normalized).toBe('yahoo')
  })

  it('keeps digits', () => {
    expect(normalizeCompanyName('3M Company').key).toBe('3m')
    expect(normalizeCompanyName('7-Eleven, Inc.').key).toBe('7 eleven')
    expect(normalizeCompanyName('1-800-Flowers.com').normalized).toBe('1 800 flowers com')
  })

  it('keeps business words in the key', () => {
    expect(companyNameKey('Acme Global Solutions Group LLC')).toBe('acme global solutions group')
    expect(normalizeCompanyName('Acme Holdings International').tokens).toEqual([
      'acme',
      'holdings',
      'international',
    ])
  })

  it.each([
    'test',
    'Test',
    'TEST COMPANY',
    'Test Account - DO NOT USE',
    'test123',
    'Test 2',
    'TBD',
    'TBD Inc.',
    'tba',
    'n/a',
    'N/A',
    'N.A.',
    'NA',
    'none',
    'Unknown',
    'Unknown Customer',
    'xxx',
    'XXXX',
    'asdf',
    '-',
    '?',
    '...',
    '12345',
    '0',
    'x',
    'A',
    'dummy',
    'Sample Company',
    'do not use',
    'DO NOT USE',
    'No Name',
    'Individual',
    'Self-employed',
    'Demo',
    '👍',
  ])('flags %j as a placeholder', (raw) => {
    expect(normalizeCompanyName(raw).isPlaceholder).toBe(true)
  })

  it.each([
    'Acme',
    'GE',
    'HP Inc.',
    '3M',
    'AAA',
    'Testing Solutions Ltd',
    'Test Kitchen LLC',
    'Sample Brewing Co',
    'Unknown Worlds Entertainment',
    'None Such Farms',
    'X Corp',
    'A1 Telekom',
    'Demo Day Ventures',
  ])('does not flag the real company %j as a placeholder', (raw) => {
    expect(normalizeCompanyName(raw).isPlaceholder).toBe(false)
  })

  it.each([
    'John Smith',
    'Mary Johnson',
    'JOHN SMITH',
    'Smith, John',
    "Mary J. O'Neil",
    'Maria García',
    'David Lee-Wong',
  ])('flags %j as looking like a person', (raw) => {
    expect(normalizeCompanyName(raw).looksLikePerson).toBe(true)
  })

  it.each([
    'john smith',
    'Jordan Dental',
    'Austin Energy',
    'Victoria Capital Partners',
    'John Smith LLC',
    'Grace Church',
    'Apex Digital',
    'Acme',
    'Zyxel Networks',
    'John',
    'James Hardie Industries',
    'Frank Lloyd Wright Foundation',
    'Test User',
  ])('does not flag %j as a person', (raw) => {
    expect(normalizeCompanyName(raw).looksLikePerson).toBe(false)
  })
})

describe('companyNameKey', () => {
  it('does the same as normalizeCompanyName().key', () => {
    expect(companyNameKey('The Acme Company, Inc.')).toBe('acme')
    expect(companyNameKey(null)).toBe('')
  })
})

describe('acronymOf', () => {
  it('does take the first letter of each significant word', () => {
    expect(acronymOf('amazon web services')).toBe('aws')
    expect(acronymOf('international business machines')).toBe('ibm')
    expect(acronymOf(companyNameKey('Procter & Gamble Co.'))).toBe('pg')
    expect(acronymOf('bank of america')).toBe('ba')
    expect(acronymOf('the home depot')).toBe('hd')
    expect(acronymOf('centers for disease control')).toBe('cdc')
  })

  it('does return nothing for fewer than two significant words', () => {
    expect(acronymOf('acme')).toBe('')
    expect(acronymOf('the acme')).toBe('')
    expect(acronymOf('')).toBe('')
  })

  it('does tolerate extra spaces and non-Latin words', () => {
    expect(acronymOf('  amazon   web  services ')).toBe('aws')
    expect(acronymOf('ромашка трейд')).toBe('рт')
  })
})

describe('GENERIC_COMPANY_WORDS', () => {
  it('does hold the words a matcher should down-weight, in key form', () => {
    for (const word of [
      'group',
      'holdings',
      'international',
      'solutions',
      'services',
      'technologies',
      'systems',
      'global',
    ]) {
      expect(GENERIC_COMPANY_WORDS.has(word)).toBe(true)
    }
    expect(GENERIC_COMPANY_WORDS.has('acme')).toBe(false)
  })
})
