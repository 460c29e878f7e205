import type { District, Municipality } from '../../shared/domain'

/**
 * The municipalities and districts seeded on first start. A subset of the real list (2024
 * numbering) that covers the demo data and the larger receiving municipalities; a real
 * deployment imports the full list as `municipality`/`district` NDJSON lines.
 */
export const initialMunicipalities: Municipality[] = [
  { code: '0301', name: 'Oslo' },
  { code: '1103', name: 'Stavanger' },
  { code: '1108', name: 'Sandnes' },
  { code: '1106', name: 'Haugesund' },
  { code: '3107', name: 'Fredrikstad' },
  { code: '3201', name: 'Bærum' },
  { code: '3203', name: 'Asker' },
  { code: '3301', name: 'Drammen' },
  { code: '3403', name: 'Hamar' },
  { code: '3905', name: 'Tønsberg' },
  { code: '4003', name: 'Skien' },
  { code: '4204', name: 'Kristiansand' },
  { code: '4601', name: 'Bergen' },
  { code: '4627', name: 'Askøy' },
  { code: '1506', name: 'Ålesund' },
  { code: '5001', name: 'Trondheim' },
  { code: '1804', name: 'Bodø' },
  { code: '5501', name: 'Tromsø' },
  { code: '5601', name: 'Alta' },
]

/** Districts (bydelar) of the four cities that have them (D2). */
export const initialDistricts: District[] = [
  ...named('0301', [
    'Gamle Oslo',
    'Grünerløkka',
    'Sagene',
    'St. Hanshaugen',
    'Frogner',
    'Ullern',
    'Vestre Aker',
    'Nordre Aker',
    'Bjerke',
    'Grorud',
    'Stovner',
    'Alna',
    'Østensjø',
    'Nordstrand',
    'Søndre Nordstrand',
  ]),
  ...named('4601', ['Arna', 'Bergenhus', 'Fana', 'Fyllingsdalen', 'Laksevåg', 'Ytrebygda', 'Årstad', 'Åsane']),
  ...named('5001', ['Midtbyen', 'Østbyen', 'Lerkendal', 'Heimdal']),
  ...named('1103', ['Hundvåg', 'Tasta', 'Eiganes og Våland', 'Madla', 'Storhaug', 'Hillevåg', 'Hinna']),
]

function named(municipality: string, names: string[]): District[] {
  return names.map((name, i) => ({ code: `${municipality}${String(i + 1).padStart(2, '0')}`, municipality, name }))
}
