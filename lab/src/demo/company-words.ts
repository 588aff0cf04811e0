// Word lists for company names: US-heavy with European names, so names vary in shape, not just in words.

// biome-ignore format: packed data list
export const NAME_PREFIXES = [
  'Apex', 'Summit', 'Blue Harbor', 'Northwind', 'Cedar', 'Ironwood', 'Silverline', 'Granite', 'Keystone',
  'Pioneer', 'Meridian', 'Evergreen', 'Red Rock', 'Lakeside', 'Harbor', 'Beacon', 'Crescent', 'Frontier',
  'Liberty', 'Sterling', 'Redwood', 'Clearwater', 'Prairie', 'Cobalt', 'Oak Valley', 'Bluebird',
  'Trailhead', 'Copperleaf', 'Highland', 'Riverbend', 'Stonegate', 'Westfield', 'Bayview', 'Great Lakes',
  'Tri-County', 'Mid-Atlantic', 'Pacific', 'Atlantic', 'Lone Star', 'Gulf Coast', 'Rocky Mountain',
  'Sunbelt', 'Cardinal', 'Patriot', 'Heritage', 'Vanguard', 'Horizon', 'Zenith', 'Vertex', 'Nimbus',
  'Polaris', 'Orion', 'Aurora', 'Falcon', 'Eagle Creek', 'Maple', 'Willow', 'Aspen', 'Sequoia', 'Magnolia',
  'Juniper', 'Brightpath', 'Clearview', 'Ironbridge', 'Northstar', 'Silver Lake', 'Pinnacle', 'Crestview',
  'Lakewood', 'Bluewater', 'Fairway', 'Golden Gate', 'Hudson', 'Sierra', 'Cascade', 'Tidewater', 'Piedmont',
  'Ozark', 'Sonoran', 'Chesapeake', 'Allegheny', 'Mesa', 'Canyon', 'Harborview', 'Keyline', 'True North',
  'Open Range',
] as const

/** Sector words; `institution` marks names that read as public bodies (no legal suffix). */
export const SECTORS: readonly { word: string; industry: string; tld?: string }[] = [
  { word: 'Dental', industry: 'Healthcare' },
  { word: 'Digital', industry: 'Software and Internet' },
  { word: 'Health', industry: 'Healthcare' },
  { word: 'Medical', industry: 'Healthcare' },
  { word: 'Logistics', industry: 'Transportation and Logistics' },
  { word: 'Freight', industry: 'Transportation and Logistics' },
  { word: 'Analytics', industry: 'Software and Internet', tld: 'io' },
  { word: 'Data', industry: 'Software and Internet', tld: 'io' },
  { word: 'Software', industry: 'Software and Internet' },
  { word: 'Financial', industry: 'Financial Services' },
  { word: 'Capital', industry: 'Financial Services' },
  { word: 'Insurance', industry: 'Financial Services' },
  { word: 'Energy', industry: 'Energy - Power and Utilities' },
  { word: 'Solar', industry: 'Energy - Power and Utilities' },
  { word: 'Foods', industry: 'Consumer Goods' },
  { word: 'Brewing', industry: 'Consumer Goods' },
  { word: 'Manufacturing', industry: 'Manufacturing' },
  { word: 'Robotics', industry: 'Manufacturing', tld: 'ai' },
  { word: 'Biotech', industry: 'Life Sciences' },
  { word: 'Pharma', industry: 'Life Sciences' },
  { word: 'Media', industry: 'Media and Entertainment' },
  { word: 'Learning', industry: 'Education' },
  { word: 'Realty', industry: 'Real Estate and Construction' },
  { word: 'Construction', industry: 'Real Estate and Construction' },
  { word: 'Engineering', industry: 'Professional Services' },
  { word: 'Legal', industry: 'Professional Services' },
  { word: 'Retail', industry: 'Retail' },
  { word: 'Outfitters', industry: 'Retail' },
  { word: 'Marine', industry: 'Transportation and Logistics' },
  { word: 'Aviation', industry: 'Aerospace' },
  { word: 'Automotive', industry: 'Automotive' },
  { word: 'Telecom', industry: 'Telecommunications' },
  { word: 'Networks', industry: 'Telecommunications' },
  { word: 'Security', industry: 'Software and Internet' },
  { word: 'Games', industry: 'Gaming', tld: 'gg' },
  { word: 'Hospitality', industry: 'Hospitality' },
  { word: 'Travel', industry: 'Travel' },
  { word: 'Veterinary', industry: 'Healthcare' },
  { word: 'Staffing', industry: 'Professional Services' },
  { word: 'Consulting', industry: 'Professional Services' },
  { word: 'Agriculture', industry: 'Agriculture' },
  { word: 'Apparel', industry: 'Retail' },
]

// biome-ignore format: packed data list
export const ORG_WORDS = [
  'Group', 'Partners', 'Solutions', 'Systems', 'Holdings', 'Services', 'Technologies', 'Industries',
  'Associates', 'Company', 'Collective', 'Network', 'Works', 'Labs', 'International',
] as const

// biome-ignore format: packed data list
export const COINED_STARTS = [
  'Zen', 'Quant', 'Lum', 'Nov', 'Ver', 'Syn', 'Cor', 'Aer', 'Cal', 'Tel', 'Omn', 'Vel', 'Kin', 'Nex', 'Sol',
  'Tri', 'Ax', 'Brev', 'Cyt', 'Dyn', 'Flu', 'Gen', 'Hel', 'Inf', 'Jov', 'Lyr', 'Mer', 'Oct', 'Pax', 'Rho',
] as const
// biome-ignore format: packed data list
export const COINED_ENDS = [
  'trix', 'iva', 'ora', 'exa', 'ify', 'ion', 'ium', 'ara', 'eon', 'ient', 'io', 'ly', 'ex', 'ova', 'ics',
] as const

export const INSTITUTIONS: readonly { pattern: string; industry: string; tld: string }[] = [
  { pattern: '{place} Regional Medical Center', industry: 'Healthcare', tld: 'org' },
  { pattern: '{place} Community College', industry: 'Education', tld: 'edu' },
  { pattern: '{place} School District', industry: 'Education', tld: 'org' },
  { pattern: '{place} Credit Union', industry: 'Financial Services', tld: 'org' },
  { pattern: 'City of {place}', industry: 'Government', tld: 'gov' },
  { pattern: '{place} Transit Authority', industry: 'Government', tld: 'gov' },
  { pattern: '{place} Children’s Foundation', industry: 'Non-Profit Organization', tld: 'org' },
  { pattern: '{place} Public Library', industry: 'Government', tld: 'org' },
  { pattern: '{place} Water District', industry: 'Government', tld: 'gov' },
]

/** Pairs of words that make different companies look alike (`Apex Dental Group` / `Apex Digital Group`). */
// biome-ignore format: packed data list
export const TWIN_SWAPS: readonly (readonly [string, string])[] = [
  ['Dental', 'Digital'], ['Health', 'Wealth'], ['Data', 'Delta'], ['Capital', 'Capitol'],
  ['Foods', 'Goods'], ['Logistics', 'Logistix'], ['Vertex', 'Vortex'], ['Crestview', 'Crestwood'],
  ['Lakeside', 'Lakewood'], ['Systems', 'Solutions'], ['Medical', 'Metal'], ['Brightpath', 'Bright Path'],
  ['Northstar', 'North Star'], ['Media', 'Medica'], ['Marine', 'Maine'], ['Pioneer', 'Pioneers'],
]

// biome-ignore format: packed data list
export const DE_SURNAMES = [
  'Müller', 'Schäfer', 'Brückner', 'Kühne', 'Weiß', 'Groß', 'Köhler', 'Hoffmann', 'Krüger', 'Böhm',
  'Schröder', 'Vogel', 'Lorenz', 'Jäger', 'Fuchs', 'Hähnel', 'Dürr', 'Ströbel', 'Götz', 'Maier',
] as const
// biome-ignore format: packed data list
export const DE_SECTORS = [
  'Präzisionstechnik', 'Logistik', 'Maschinenbau', 'Datentechnik', 'Medizintechnik', 'Spedition',
  'Elektrotechnik', 'Verlag', 'Bäckerei', 'Immobilien', 'Softwarehaus', 'Energietechnik', 'Versicherungen',
] as const
// biome-ignore format: packed data list
export const FR_SURNAMES = [
  'Lefèvre', 'Béranger', 'Moreau', 'Fléchard', 'Dupré', 'Garnier', 'Rousseau', 'Chevalier', 'Lemaître',
  'Géraud', 'Bézier', 'Mercier', 'Faure', 'Benoît',
] as const
// biome-ignore format: packed data list
export const FR_WORDS = [
  'Lumière', 'Étoile', 'Océan', 'Aurore', 'Horizon', 'Rivière', 'Sommet', 'Élan',
] as const
// biome-ignore format: packed data list
export const FR_SECTORS = [
  'Transport', 'Logistique', 'Santé', 'Énergie', 'Informatique', 'Distribution', 'Ingénierie', 'Médias',
] as const
// biome-ignore format: packed data list
export const NL_SURNAMES = [
  'Van der Berg', 'De Vries', 'Van Dijk', 'Bakker', 'Visser', 'De Jong', 'Smit', 'Mulder',
]
export const NL_SECTORS = ['Logistiek', 'Techniek', 'Zorg', 'Installaties', 'Bouw', 'Software', 'Transport']
export const UK_PLACES = ['Ashford', 'Whitmore', 'Kingsbridge', 'Hartley', 'Pembroke', 'Thornbury', 'Welling']
export const UK_SECTORS = ['Digital', 'Engineering', 'Retail', 'Insurance', 'Media', 'Property', 'Analytics']
export const IBERIAN_ITALIAN = [
  { name: 'Soluciones Núñez', suffix: 'S.L.', country: 'ES' },
  { name: 'Transportes Peña', suffix: 'S.A.', country: 'ES' },
  { name: 'Ferraro Tecnologie', suffix: 'S.p.A.', country: 'IT' },
  { name: 'Rossi Alimentari', suffix: 'S.r.l.', country: 'IT' },
  { name: 'Björkström Data', suffix: 'AB', country: 'SE' },
  { name: 'Sørensen Shipping', suffix: 'A/S', country: 'DK' },
  { name: 'Zürcher Finanzdienste', suffix: 'AG', country: 'CH' },
  { name: 'Österreichische Holzwerke', suffix: 'GmbH', country: 'AT' },
  { name: 'Québec Énergie', suffix: 'Inc.', country: 'CA' },
  { name: 'Maple Leaf Analytics', suffix: 'Ltd.', country: 'CA' },
] as const

// biome-ignore format: packed data list
export const US_SURNAMES_FOR_FIRMS = [
  'Harper', 'Cole', 'Dawson', 'Kowalski', 'Whitaker', 'Bennett', 'Okafor', 'Lindqvist', 'Moreno',
  'Castillo', 'Brennan', 'Fitzgerald', 'Nakamura', 'Goldberg', 'Ramirez', 'Sullivan', 'Prescott', 'Hale',
  'Vaughn',
] as const

/** Legal suffixes by country, weighted; null means no suffix. */
// biome-ignore format: packed data list
export const LEGAL_SUFFIXES: Readonly<Record<string, readonly (readonly [string | null, number])[]>> = {
  US: [['Inc.', 34], ['LLC', 25], ['Corp.', 10], ['Corporation', 3], ['Co.', 2], ['Inc', 4], [null, 22]],
  CA: [['Inc.', 50], ['Ltd.', 30], [null, 20]], DE: [['GmbH', 75], ['AG', 15], ['GmbH & Co. KG', 10]],
  FR: [['SAS', 50], ['S.A.', 30], ['SARL', 20]], NL: [['B.V.', 85], ['N.V.', 15]],
  GB: [['Ltd', 70], ['Limited', 15], ['PLC', 5], ['Ltd.', 10]],
}
