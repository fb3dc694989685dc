import { getCountries } from 'libphonenumber-js/max';
import { squashName } from './field-map';

/** Languages whose country names we recognise: the starter languages and the neighbours' common ones. */
const NAME_LANGUAGES = ['en', 'pl', 'ro', 'ru', 'uk', 'de', 'fr', 'es', 'it'] as const;

/** Names people type that no locale's official name covers. */
const EXTRA_NAMES: Record<string, string> = {
  usa: 'US',
  america: 'US',
  unitedstatesofamerica: 'US',
  uk: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  greatbritain: 'GB',
  northernireland: 'GB',
  russianfederation: 'RU',
  rossiya: 'RU',
  rf: 'RU',
  рф: 'RU',
  czechrepublic: 'CZ',
  holland: 'NL',
  republicofmoldova: 'MD',
  republicamoldova: 'MD',
  southkorea: 'KR',
  korea: 'KR',
};

/** ISO 3166-1 alpha-3 codes of the markets LeadPact's customers most often sell to. */
const ALPHA3: Record<string, string> = {
  USA: 'US',
  GBR: 'GB',
  POL: 'PL',
  ROU: 'RO',
  ROM: 'RO',
  RUS: 'RU',
  UKR: 'UA',
  BLR: 'BY',
  MDA: 'MD',
  KAZ: 'KZ',
  DEU: 'DE',
  FRA: 'FR',
  ESP: 'ES',
  ITA: 'IT',
  NLD: 'NL',
  BEL: 'BE',
  AUT: 'AT',
  CHE: 'CH',
  CZE: 'CZ',
  SVK: 'SK',
  HUN: 'HU',
  BGR: 'BG',
  LTU: 'LT',
  LVA: 'LV',
  EST: 'EE',
  SWE: 'SE',
  NOR: 'NO',
  DNK: 'DK',
  FIN: 'FI',
  IRL: 'IE',
  PRT: 'PT',
  GRC: 'GR',
  TUR: 'TR',
  CAN: 'CA',
  AUS: 'AU',
};

/** Alpha-2 codes people use that ISO spells differently. */
const ALPHA2_ALIASES: Record<string, string> = { UK: 'GB', EL: 'GR' };

let codes: ReadonlySet<string> | undefined;
let names: ReadonlyMap<string, string> | undefined;

function knownCodes(): ReadonlySet<string> {
  codes ??= new Set<string>(getCountries());
  return codes;
}

/** Built on first use from the runtime's ICU data, so every locale's spelling of every country is known. */
function knownNames(): ReadonlyMap<string, string> {
  if (names) return names;
  const map = new Map<string, string>(Object.entries(EXTRA_NAMES));
  for (const language of NAME_LANGUAGES) {
    let display: Intl.DisplayNames;
    try {
      display = new Intl.DisplayNames([language], { type: 'region' });
    } catch {
      continue;
    }
    for (const code of knownCodes()) {
      const name = display.of(code);
      if (name && name !== code) {
        const key = squashName(name);
        if (key && !map.has(key)) map.set(key, code);
      }
    }
  }
  names = map;
  return names;
}

/**
 * The ISO 3166-1 alpha-2 code for what a person typed as their country: a code (`pl`, `UK`, `ROU`) or
 * a name in English, Polish, Romanian, Russian and a few neighbouring languages (`Polska`, `România`,
 * `Россия`). Null when it is not recognisable.
 */
export function countryCodeOf(input: string): string | null {
  const text = input.trim();
  if (text === '' || text.length > 100) return null;
  const upper = text.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) {
    const code = ALPHA2_ALIASES[upper] ?? upper;
    return knownCodes().has(code) ? code : null;
  }
  if (/^[A-Z]{3}$/.test(upper) && ALPHA3[upper]) return ALPHA3[upper];
  return knownNames().get(squashName(text)) ?? null;
}
