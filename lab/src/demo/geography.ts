// Countries, US states and cities for addresses; ACE wants US states by full name, Odoo links ids.

export const COUNTRIES: readonly { code: string; name: string; de?: string }[] = [
  { code: 'AT', name: 'Austria', de: 'Österreich' },
  { code: 'AU', name: 'Australia' },
  { code: 'BE', name: 'Belgium', de: 'Belgien' },
  { code: 'BR', name: 'Brazil', de: 'Brasilien' },
  { code: 'CA', name: 'Canada', de: 'Kanada' },
  { code: 'CH', name: 'Switzerland', de: 'Schweiz' },
  { code: 'DE', name: 'Germany', de: 'Deutschland' },
  { code: 'DK', name: 'Denmark', de: 'Dänemark' },
  { code: 'ES', name: 'Spain', de: 'Spanien' },
  { code: 'FR', name: 'France', de: 'Frankreich' },
  { code: 'GB', name: 'United Kingdom', de: 'Vereinigtes Königreich' },
  { code: 'IE', name: 'Ireland', de: 'Irland' },
  { code: 'IN', name: 'India', de: 'Indien' },
  { code: 'IT', name: 'Italy', de: 'Italien' },
  { code: 'JP', name: 'Japan' },
  { code: 'MX', name: 'Mexico', de: 'Mexiko' },
  { code: 'NL', name: 'Netherlands', de: 'Niederlande' },
  { code: 'SE', name: 'Sweden', de: 'Schweden' },
  { code: 'SG', name: 'Singapore', de: 'Singapur' },
  { code: 'US', name: 'United States', de: 'Vereinigte Staaten' },
]

// biome-ignore format: packed data list
export const US_STATES: readonly (readonly [string, string])[] = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'],
  ['CO', 'Colorado'], ['CT', 'Connecticut'], ['DE', 'Delaware'], ['DC', 'District of Columbia'],
  ['FL', 'Florida'], ['GA', 'Georgia'], ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'],
  ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'],
  ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'],
  ['MS', 'Mississippi'], ['MO', 'Missouri'], ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'],
  ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'], ['NY', 'New York'],
  ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'], ['OR', 'Oregon'],
  ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'],
  ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'],
  ['WA', 'Washington'], ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
]

// biome-ignore format: packed data list
export const OTHER_STATES: readonly (readonly [string, string, string])[] = [
  ['CA', 'ON', 'Ontario'], ['CA', 'BC', 'British Columbia'], ['CA', 'QC', 'Quebec'], ['DE', 'BE', 'Berlin'],
  ['DE', 'BY', 'Bayern'], ['DE', 'HH', 'Hamburg'], ['DE', 'NW', 'Nordrhein-Westfalen'],
]

export interface City {
  city: string
  /** ISO-2 country. */
  country: string
  /** State code for US/CA/DE, else null. */
  state: string | null
  /** Postal code prefix; the rest is random digits. */
  zip: string
  /** Telephone prefix. */
  phone: string
}

export const US_CITIES: readonly City[] = [
  ['Seattle', 'WA', '981', '206'],
  ['Bellevue', 'WA', '980', '425'],
  ['Spokane', 'WA', '992', '509'],
  ['Portland', 'OR', '972', '503'],
  ['San Francisco', 'CA', '941', '415'],
  ['San Jose', 'CA', '951', '408'],
  ['Los Angeles', 'CA', '900', '213'],
  ['Irvine', 'CA', '926', '949'],
  ['San Diego', 'CA', '921', '619'],
  ['Sacramento', 'CA', '958', '916'],
  ['Denver', 'CO', '802', '303'],
  ['Boulder', 'CO', '803', '720'],
  ['Austin', 'TX', '787', '512'],
  ['Dallas', 'TX', '752', '214'],
  ['Houston', 'TX', '770', '713'],
  ['San Antonio', 'TX', '782', '210'],
  ['Phoenix', 'AZ', '850', '602'],
  ['Salt Lake City', 'UT', '841', '801'],
  ['Chicago', 'IL', '606', '312'],
  ['Naperville', 'IL', '605', '630'],
  ['Minneapolis', 'MN', '554', '612'],
  ['Madison', 'WI', '537', '608'],
  ['Detroit', 'MI', '482', '313'],
  ['Ann Arbor', 'MI', '481', '734'],
  ['Columbus', 'OH', '432', '614'],
  ['Cleveland', 'OH', '441', '216'],
  ['Indianapolis', 'IN', '462', '317'],
  ['Nashville', 'TN', '372', '615'],
  ['Atlanta', 'GA', '303', '404'],
  ['Charlotte', 'NC', '282', '704'],
  ['Raleigh', 'NC', '276', '919'],
  ['Miami', 'FL', '331', '305'],
  ['Tampa', 'FL', '336', '813'],
  ['Orlando', 'FL', '328', '407'],
  ['Arlington', 'VA', '222', '703'],
  ['Richmond', 'VA', '232', '804'],
  ['Washington', 'DC', '200', '202'],
  ['Baltimore', 'MD', '212', '410'],
  ['Philadelphia', 'PA', '191', '215'],
  ['Pittsburgh', 'PA', '152', '412'],
  ['Newark', 'NJ', '071', '973'],
  ['Princeton', 'NJ', '085', '609'],
  ['New York', 'NY', '100', '212'],
  ['Brooklyn', 'NY', '112', '718'],
  ['Buffalo', 'NY', '142', '716'],
  ['Boston', 'MA', '021', '617'],
  ['Cambridge', 'MA', '021', '617'],
  ['Hartford', 'CT', '061', '860'],
  ['Providence', 'RI', '029', '401'],
  ['Burlington', 'VT', '054', '802'],
  ['Portland', 'ME', '041', '207'],
  ['Kansas City', 'MO', '641', '816'],
  ['St. Louis', 'MO', '631', '314'],
  ['Omaha', 'NE', '681', '402'],
  ['Boise', 'ID', '837', '208'],
  ['Las Vegas', 'NV', '891', '702'],
  ['Albuquerque', 'NM', '871', '505'],
  ['New Orleans', 'LA', '701', '504'],
  ['Birmingham', 'AL', '352', '205'],
  ['Louisville', 'KY', '402', '502'],
  ['Honolulu', 'HI', '968', '808'],
  ['Anchorage', 'AK', '995', '907'],
  ['Des Moines', 'IA', '503', '515'],
].map(([city, state, zip, phone]) => ({
  city: city!,
  country: 'US',
  state: state!,
  zip: zip!,
  phone: phone!,
}))

export const OTHER_CITIES: readonly City[] = [
  { city: 'Berlin', country: 'DE', state: 'BE', zip: '10', phone: '+49 30' },
  { city: 'München', country: 'DE', state: 'BY', zip: '80', phone: '+49 89' },
  { city: 'Hamburg', country: 'DE', state: 'HH', zip: '20', phone: '+49 40' },
  { city: 'Köln', country: 'DE', state: 'NW', zip: '50', phone: '+49 221' },
  { city: 'Düsseldorf', country: 'DE', state: 'NW', zip: '40', phone: '+49 211' },
  { city: 'Paris', country: 'FR', state: null, zip: '750', phone: '+33 1' },
  { city: 'Lyon', country: 'FR', state: null, zip: '690', phone: '+33 4' },
  { city: 'Toulouse', country: 'FR', state: null, zip: '310', phone: '+33 5' },
  { city: 'Amsterdam', country: 'NL', state: null, zip: '10', phone: '+31 20' },
  { city: 'Rotterdam', country: 'NL', state: null, zip: '30', phone: '+31 10' },
  { city: 'Utrecht', country: 'NL', state: null, zip: '35', phone: '+31 30' },
  { city: 'London', country: 'GB', state: null, zip: 'EC1', phone: '+44 20' },
  { city: 'Manchester', country: 'GB', state: null, zip: 'M1', phone: '+44 161' },
  { city: 'Madrid', country: 'ES', state: null, zip: '280', phone: '+34 91' },
  { city: 'Milano', country: 'IT', state: null, zip: '201', phone: '+39 02' },
  { city: 'Stockholm', country: 'SE', state: null, zip: '11', phone: '+46 8' },
  { city: 'København', country: 'DK', state: null, zip: '1', phone: '+45' },
  { city: 'Zürich', country: 'CH', state: null, zip: '80', phone: '+41 44' },
  { city: 'Wien', country: 'AT', state: null, zip: '10', phone: '+43 1' },
  { city: 'Toronto', country: 'CA', state: 'ON', zip: 'M5V', phone: '+1 416' },
  { city: 'Vancouver', country: 'CA', state: 'BC', zip: 'V6B', phone: '+1 604' },
  { city: 'Montréal', country: 'CA', state: 'QC', zip: 'H2Y', phone: '+1 514' },
]

// biome-ignore format: packed data list
export const STREET_NAMES = [
  'Main St', 'Oak Ave', '1st Ave', 'Pine St', 'Market St', 'Broadway', 'Elm St', 'Lake Dr', 'Park Blvd',
  'Commerce Way', 'Industrial Pkwy', 'Harbor Rd', 'Technology Dr', 'Corporate Center Dr', 'Washington St',
] as const

export function stateName(code: string): string | null {
  return US_STATES.find(([c]) => c === code)?.[1] ?? null
}
