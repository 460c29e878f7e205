import { initialDistricts, initialMunicipalities } from '../reference/municipalities'
import type { Rng } from './prng'

/** A street and its postal code/place; `district` for cities with districts. */
export interface Place {
  municipality: string
  district: string | null
  street: string
  postalCode: string
  postalPlace: string
}

type Street = [street: string, postalCode: string, postalPlace: string]

/** Streets by district code (the demo cities) — real street names, made-up house numbers. */
const streetsByDistrict: Record<string, Street[]> = {
  '460101': [
    ['Arnatveitvegen', '5262', 'Arnatveit'],
    ['Indre Arnavegen', '5260', 'Indre Arna'],
  ],
  '460102': [
    ['Nygårdsgaten', '5015', 'Bergen'],
    ['Kong Oscars gate', '5017', 'Bergen'],
    ['Øvregaten', '5003', 'Bergen'],
  ],
  '460103': [
    ['Nesttunvegen', '5221', 'Nesttun'],
    ['Fanavegen', '5239', 'Rådal'],
  ],
  '460104': [
    ['Folke Bernadottes vei', '5147', 'Fyllingsdalen'],
    ['Dag Hammarskjølds vei', '5144', 'Fyllingsdalen'],
  ],
  '460105': [
    ['Damsgårdsveien', '5058', 'Bergen'],
    ['Olsvikveien', '5183', 'Olsvik'],
  ],
  '460106': [
    ['Kokstadvegen', '5257', 'Kokstad'],
    ['Sandsliåsen', '5254', 'Sandsli'],
  ],
  '460107': [
    ['Inndalsveien', '5063', 'Bergen'],
    ['Kronstadveien', '5053', 'Bergen'],
    ['Fjøsangerveien', '5054', 'Bergen'],
  ],
  '460108': [
    ['Åsamyrane', '5116', 'Ulset'],
    ['Myrdalsvegen', '5130', 'Nyborg'],
  ],
  '030101': [
    ['Tøyengata', '0578', 'Oslo'],
    ['Grønlandsleiret', '0190', 'Oslo'],
  ],
  '030102': [
    ['Thorvald Meyers gate', '0555', 'Oslo'],
    ['Trondheimsveien', '0560', 'Oslo'],
  ],
  '030103': [['Sandakerveien', '0473', 'Oslo']],
  '030104': [['Ullevålsveien', '0165', 'Oslo']],
  '030105': [['Bygdøy allé', '0265', 'Oslo']],
  '030106': [['Ullernchausseen', '0379', 'Oslo']],
  '030107': [['Holmenkollveien', '0376', 'Oslo']],
  '030108': [['Kjelsåsveien', '0488', 'Oslo']],
  '030109': [['Økernveien', '0513', 'Oslo']],
  '030110': [['Ammerudveien', '0958', 'Oslo']],
  '030111': [['Fossumveien', '0988', 'Oslo']],
  '030112': [['Furusetveien', '1053', 'Oslo']],
  '030113': [['Østensjøveien', '0667', 'Oslo']],
  '030114': [['Ljabruveien', '1166', 'Oslo']],
  '030115': [['Mortensrudveien', '1283', 'Oslo']],
  '500101': [
    ['Kongens gate', '7011', 'Trondheim'],
    ['Prinsens gate', '7012', 'Trondheim'],
  ],
  '500102': [['Innherredsveien', '7042', 'Trondheim']],
  '500103': [
    ['Holtermanns veg', '7030', 'Trondheim'],
    ['Nardovegen', '7032', 'Trondheim'],
  ],
  '500104': [
    ['Heimdalsvegen', '7080', 'Heimdal'],
    ['Saupstadringen', '7078', 'Saupstad'],
  ],
}

/** Other municipalities: one main street each, for earlier addresses and reception centres. */
const mainStreet: Record<string, Street> = {
  '1103': ['Pedersgata', '4013', 'Stavanger'],
  '1108': ['Langgata', '4306', 'Sandnes'],
  '1106': ['Haraldsgata', '5527', 'Haugesund'],
  '3107': ['Storgata', '1607', 'Fredrikstad'],
  '3201': ['Sandvikaveien', '1337', 'Sandvika'],
  '3203': ['Askerveien', '1384', 'Asker'],
  '3301': ['Bragernes torg', '3017', 'Drammen'],
  '3403': ['Torggata', '2317', 'Hamar'],
  '3905': ['Storgaten', '3126', 'Tønsberg'],
  '4003': ['Hesselbergs gate', '3715', 'Skien'],
  '4204': ['Markens gate', '4611', 'Kristiansand'],
  '4627': ['Kleppevegen', '5300', 'Kleppestø'],
  '1506': ['Kongens gate', '6002', 'Ålesund'],
  '1804': ['Storgata', '8006', 'Bodø'],
  '5501': ['Storgata', '9008', 'Tromsø'],
  '5601': ['Markveien', '9510', 'Alta'],
}

const districtsOf = (m: string) => initialDistricts.filter((d) => d.municipality === m).map((d) => d.code)

/** A random address in municipality `m` (a district drawn when the city has districts). */
export function randomPlace(rng: Rng, m: string, district?: string | null): Place {
  const ds = districtsOf(m).filter((d) => streetsByDistrict[d])
  if (ds.length) {
    const d = district && streetsByDistrict[district] ? district : rng.pick(ds)
    const [street, postalCode, postalPlace] = rng.pick(streetsByDistrict[d])
    return { municipality: m, district: d, street: `${street} ${rng.int(1, 140)}`, postalCode, postalPlace }
  }
  const [street, postalCode, postalPlace] = mainStreet[m] ?? ['Storgata', '0001', 'Ukjend']
  return { municipality: m, district: null, street: `${street} ${rng.int(1, 90)}`, postalCode, postalPlace }
}

/** Any seeded municipality other than `m`. */
export function otherMunicipality(rng: Rng, m: string): string {
  return rng.pick(initialMunicipalities.filter((x) => x.code !== m)).code
}
