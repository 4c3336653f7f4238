#!/usr/bin/env node
// Builds packages/core/data/gazetteer/countries.json: one entity per ISO 3166-1 alpha-2 code, id
// `country:XX`, with aliases from CLDR (Intl.DisplayNames, Node's full ICU) merged with the
// hand-written packages/core/data/gazetteer/countries.extra.json.
//
//   node scripts/build-countries.mjs           write countries.json
//   node scripts/build-countries.mjs --check   exit 1 if countries.json is not in step with its sources
//
// Deterministic: entities in code order, languages in LANGS order, aliases in first-seen order
// (English name, CLDR long form, CLDR short form, then the extra file's aliases), no duplicates.
// Output depends on Node's ICU version (CLDR data) as well as on this file and the extra file.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = new URL('../packages/core/data/gazetteer/', import.meta.url);
const OUT = new URL('countries.json', DIR);
const EXTRA = new URL('countries.extra.json', DIR);
const ENTITIES = new URL('entities.json', DIR);

// Languages taken from CLDR. fa and zh are left out on purpose: matching is by script, so Persian
// names would also match Arabic text (e.g. fa "هند" India = the Arabic given name Hind), and Chinese
// has no word boundaries.
const LANGS = ['en', 'ru', 'kk', 'ar', 'uz', 'ky', 'tg', 'tr', 'fr', 'de'];
const REQUIRED = ['en', 'ru', 'kk', 'ar'];

// ISO 3166-1 alpha-2 code and English short name (the entity's `name`), all 249 codes.
const COUNTRIES = [
  ["AD", "Andorra"], ["AE", "United Arab Emirates"], ["AF", "Afghanistan"], ["AG", "Antigua and Barbuda"],
  ["AI", "Anguilla"], ["AL", "Albania"], ["AM", "Armenia"], ["AO", "Angola"], ["AQ", "Antarctica"], ["AR", "Argentina"],
  ["AS", "American Samoa"], ["AT", "Austria"], ["AU", "Australia"], ["AW", "Aruba"], ["AX", "Åland Islands"],
  ["AZ", "Azerbaijan"], ["BA", "Bosnia and Herzegovina"], ["BB", "Barbados"], ["BD", "Bangladesh"], ["BE", "Belgium"],
  ["BF", "Burkina Faso"], ["BG", "Bulgaria"], ["BH", "Bahrain"], ["BI", "Burundi"], ["BJ", "Benin"], ["BL", "Saint Barthélemy"],
  ["BM", "Bermuda"], ["BN", "Brunei"], ["BO", "Bolivia"], ["BQ", "Caribbean Netherlands"], ["BR", "Brazil"],
  ["BS", "Bahamas"], ["BT", "Bhutan"], ["BV", "Bouvet Island"], ["BW", "Botswana"], ["BY", "Belarus"], ["BZ", "Belize"],
  ["CA", "Canada"], ["CC", "Cocos (Keeling) Islands"], ["CD", "Democratic Republic of the Congo"], ["CF", "Central African Republic"],
  ["CG", "Republic of the Congo"], ["CH", "Switzerland"], ["CI", "Côte d'Ivoire"], ["CK", "Cook Islands"],
  ["CL", "Chile"], ["CM", "Cameroon"], ["CN", "China"], ["CO", "Colombia"], ["CR", "Costa Rica"], ["CU", "Cuba"],
  ["CV", "Cape Verde"], ["CW", "Curaçao"], ["CX", "Christmas Island"], ["CY", "Cyprus"], ["CZ", "Czechia"],
  ["DE", "Germany"], ["DJ", "Djibouti"], ["DK", "Denmark"], ["DM", "Dominica"], ["DO", "Dominican Republic"],
  ["DZ", "Algeria"], ["EC", "Ecuador"], ["EE", "Estonia"], ["EG", "Egypt"], ["EH", "Western Sahara"], ["ER", "Eritrea"],
  ["ES", "Spain"], ["ET", "Ethiopia"], ["FI", "Finland"], ["FJ", "Fiji"], ["FK", "Falkland Islands"], ["FM", "Micronesia"],
  ["FO", "Faroe Islands"], ["FR", "France"], ["GA", "Gabon"], ["GB", "United Kingdom"], ["GD", "Grenada"],
  ["GE", "Georgia"], ["GF", "French Guiana"], ["GG", "Guernsey"], ["GH", "Ghana"], ["GI", "Gibraltar"], ["GL", "Greenland"],
  ["GM", "Gambia"], ["GN", "Guinea"], ["GP", "Guadeloupe"], ["GQ", "Equatorial Guinea"], ["GR", "Greece"],
  ["GS", "South Georgia and South Sandwich Islands"], ["GT", "Guatemala"], ["GU", "Guam"], ["GW", "Guinea-Bissau"],
  ["GY", "Guyana"], ["HK", "Hong Kong"], ["HM", "Heard Island and McDonald Islands"], ["HN", "Honduras"],
  ["HR", "Croatia"], ["HT", "Haiti"], ["HU", "Hungary"], ["ID", "Indonesia"], ["IE", "Ireland"], ["IL", "Israel"],
  ["IM", "Isle of Man"], ["IN", "India"], ["IO", "British Indian Ocean Territory"], ["IQ", "Iraq"], ["IR", "Iran"],
  ["IS", "Iceland"], ["IT", "Italy"], ["JE", "Jersey"], ["JM", "Jamaica"], ["JO", "Jordan"], ["JP", "Japan"],
  ["KE", "Kenya"], ["KG", "Kyrgyzstan"], ["KH", "Cambodia"], ["KI", "Kiribati"], ["KM", "Comoros"], ["KN", "Saint Kitts and Nevis"],
  ["KP", "North Korea"], ["KR", "South Korea"], ["KW", "Kuwait"], ["KY", "Cayman Islands"], ["KZ", "Kazakhstan"],
  ["LA", "Laos"], ["LB", "Lebanon"], ["LC", "Saint Lucia"], ["LI", "Liechtenstein"], ["LK", "Sri Lanka"],
  ["LR", "Liberia"], ["LS", "Lesotho"], ["LT", "Lithuania"], ["LU", "Luxembourg"], ["LV", "Latvia"], ["LY", "Libya"],
  ["MA", "Morocco"], ["MC", "Monaco"], ["MD", "Moldova"], ["ME", "Montenegro"], ["MF", "Saint Martin"], ["MG", "Madagascar"],
  ["MH", "Marshall Islands"], ["MK", "North Macedonia"], ["ML", "Mali"], ["MM", "Myanmar"], ["MN", "Mongolia"],
  ["MO", "Macao"], ["MP", "Northern Mariana Islands"], ["MQ", "Martinique"], ["MR", "Mauritania"],
  ["MS", "Montserrat"], ["MT", "Malta"], ["MU", "Mauritius"], ["MV", "Maldives"], ["MW", "Malawi"], ["MX", "Mexico"],
  ["MY", "Malaysia"], ["MZ", "Mozambique"], ["NA", "Namibia"], ["NC", "New Caledonia"], ["NE", "Niger"],
  ["NF", "Norfolk Island"], ["NG", "Nigeria"], ["NI", "Nicaragua"], ["NL", "Netherlands"], ["NO", "Norway"],
  ["NP", "Nepal"], ["NR", "Nauru"], ["NU", "Niue"], ["NZ", "New Zealand"], ["OM", "Oman"], ["PA", "Panama"],
  ["PE", "Peru"], ["PF", "French Polynesia"], ["PG", "Papua New Guinea"], ["PH", "Philippines"], ["PK", "Pakistan"],
  ["PL", "Poland"], ["PM", "Saint Pierre and Miquelon"], ["PN", "Pitcairn Islands"], ["PR", "Puerto Rico"],
  ["PS", "Palestine"], ["PT", "Portugal"], ["PW", "Palau"], ["PY", "Paraguay"], ["QA", "Qatar"],
  ["RE", "Réunion"], ["RO", "Romania"], ["RS", "Serbia"], ["RU", "Russia"], ["RW", "Rwanda"], ["SA", "Saudi Arabia"],
  ["SB", "Solomon Islands"], ["SC", "Seychelles"], ["SD", "Sudan"], ["SE", "Sweden"], ["SG", "Singapore"],
  ["SH", "Saint Helena"], ["SI", "Slovenia"], ["SJ", "Svalbard and Jan Mayen"], ["SK", "Slovakia"], ["SL", "Sierra Leone"],
  ["SM", "San Marino"], ["SN", "Senegal"], ["SO", "Somalia"], ["SR", "Suriname"], ["SS", "South Sudan"],
  ["ST", "São Tomé and Príncipe"], ["SV", "El Salvador"], ["SX", "Sint Maarten"], ["SY", "Syria"], ["SZ", "Eswatini"],
  ["TC", "Turks and Caicos Islands"], ["TD", "Chad"], ["TF", "French Southern Territories"], ["TG", "Togo"],
  ["TH", "Thailand"], ["TJ", "Tajikistan"], ["TK", "Tokelau"], ["TL", "Timor-Leste"], ["TM", "Turkmenistan"],
  ["TN", "Tunisia"], ["TO", "Tonga"], ["TR", "Türkiye"], ["TT", "Trinidad and Tobago"], ["TV", "Tuvalu"],
  ["TW", "Taiwan"], ["TZ", "Tanzania"], ["UA", "Ukraine"], ["UG", "Uganda"], ["UM", "United States Minor Outlying Islands"],
  ["US", "United States"], ["UY", "Uruguay"], ["UZ", "Uzbekistan"], ["VA", "Vatican City"], ["VC", "Saint Vincent and the Grenadines"],
  ["VE", "Venezuela"], ["VG", "British Virgin Islands"], ["VI", "U.S. Virgin Islands"], ["VN", "Vietnam"],
  ["VU", "Vanuatu"], ["WF", "Wallis and Futuna"], ["WS", "Samoa"], ["YE", "Yemen"], ["YT", "Mayotte"], ["ZA", "South Africa"],
  ["ZM", "Zambia"], ["ZW", "Zimbabwe"],
];

/** CLDR forms for one language and code: long and short style, cleaned. */
function cldrNames(lang, code) {
  const out = [];
  for (const style of ['long', 'short']) {
    const raw = new Intl.DisplayNames([lang], { type: 'region', style, fallback: 'none' }).of(code);
    if (!raw) continue;
    for (const form of clean(raw, lang)) if (usable(form, lang)) out.push(form);
  }
  return out;
}

/** Rewrites a CLDR display name into alias form(s). */
function clean(raw, lang) {
  let s = raw.replace(/[\u2019\u02BC]/g, "'").replace(/\s*\([^)]*\)/g, ' ');
  if (lang === 'en') s = s.replace(/ & /g, ' and ');
  if (lang === 'ru') s = s.replace(/(^|\s)о-в(?=\s|$)/g, '$1остров').replace(/(^|\s)о-ва(?=\s|$)/g, '$1острова').replace(/(^|\s)Св\.\s*/g, '$1Святой ');
  s = s.replace(/\s+/g, ' ').trim();
  const forms = [s];
  if (lang === 'en' && /(^|\s)St\. /.test(s)) forms.push(s.replace(/(^|\s)St\. /g, '$1Saint '));
  if (lang === 'uz' && /[ʻ‘']/.test(s)) forms.push(s.replace(/[ʻ‘]/g, "'"));
  return forms;
}

/**
 * Drops CLDR abbreviations outside English that are too short or dotted to match safely
 * (tg "ИМ" would match the Russian pronoun in all-caps headlines, tr "BK"; fr "É.-U." is
 * dotted one-letter words).
 */
function usable(form, lang) {
  if (lang === 'en') return true;
  return form.replace(/[^\p{L}]/gu, '').length > 2 && !/(^|[^\p{L}])\p{L}\./u.test(form);
}

/**
 * A comparison key close to the matcher's normalization (case, ё, Arabic letter variants, diacritics;
 * punctuation between words is ignored, apostrophes inside words are not).
 */
function aliasKey(s) {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/ё/g, 'е')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[\u2019\u02BC]/g, "'")
    .replace(/[^\p{L}\p{N}'\u2018\u02BB]+/gu, ' ')
    .trim();
}

function readJson(url) {
  return JSON.parse(readFileSync(url, 'utf8'));
}

function build() {
  const missing = REQUIRED.filter((l) => new Intl.DisplayNames([l], { type: 'region' }).resolvedOptions().locale !== l);
  if (missing.length) throw new Error(`Node lacks CLDR region names for: ${missing.join(', ')} (needs full ICU)`);
  if (COUNTRIES.length !== 249 || new Set(COUNTRIES.map(([c]) => c)).size !== 249) throw new Error('expected 249 distinct codes');

  const extra = new Map();
  for (const e of readJson(EXTRA).entities) {
    if (!/^country:[A-Z]{2}$/.test(e.id) || !COUNTRIES.some(([c]) => `country:${c}` === e.id)) throw new Error(`countries.extra.json: unknown id ${e.id}`);
    if (extra.has(e.id)) throw new Error(`countries.extra.json: ${e.id} listed twice`);
    extra.set(e.id, e);
  }

  const entities = [];
  for (const [code, name] of [...COUNTRIES].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const id = `country:${code}`;
    const more = extra.get(id) ?? { aliases: {} };
    const exclude = new Set((more.exclude ?? []).map(aliasKey));
    const langs = [...LANGS, ...Object.keys(more.aliases ?? {}).filter((l) => !LANGS.includes(l)).sort()];
    const aliases = {};
    for (const lang of langs) {
      const list = [...(lang === 'en' ? [name] : []), ...(LANGS.includes(lang) ? cldrNames(lang, code) : []), ...(more.aliases?.[lang] ?? [])];
      const seen = new Set();
      const kept = [];
      for (const a of list) {
        const k = aliasKey(a);
        if (!k || seen.has(k) || exclude.has(k)) continue;
        seen.add(k);
        kept.push(a);
      }
      if (kept.length) aliases[lang] = kept;
    }
    entities.push({ id, type: 'location', name, aliases });
  }
  return { version: 1, entities };
}

/** Alias keys used by more than one entity: [key, [ids]]. */
function clashes(entities) {
  const owners = new Map();
  for (const e of entities)
    for (const list of Object.values(e.aliases))
      for (const a of list) {
        const k = aliasKey(a);
        if (!owners.has(k)) owners.set(k, new Set());
        owners.get(k).add(e.id);
      }
  return [...owners].filter(([, ids]) => ids.size > 1).map(([k, ids]) => [k, [...ids].sort()]);
}

/** Compact, stable JSON: one line per language list. */
function format(data) {
  const lines = ['{', `  "version": ${data.version},`, '  "entities": ['];
  data.entities.forEach((e, i) => {
    lines.push(`    { "id": ${JSON.stringify(e.id)}, "type": ${JSON.stringify(e.type)}, "name": ${JSON.stringify(e.name)},`);
    lines.push('      "aliases": {');
    const langs = Object.keys(e.aliases);
    langs.forEach((l, j) => lines.push(`        ${JSON.stringify(l)}: ${JSON.stringify(e.aliases[l]).replace(/","/g, '", "')}${j < langs.length - 1 ? ',' : ''}`));
    lines.push(`      } }${i < data.entities.length - 1 ? ',' : ''}`);
  });
  lines.push('  ]', '}', '');
  return lines.join('\n');
}

function main() {
  const data = build();
  const own = clashes(data.entities);
  if (own.length) {
    for (const [k, ids] of own) console.error(`clash: "${k}" in ${ids.join(', ')}`);
    console.error('resolve with "exclude" in countries.extra.json');
    process.exit(1);
  }
  if (existsSync(ENTITIES)) {
    for (const [k, ids] of clashes([...data.entities, ...readJson(ENTITIES).entities])) console.error(`warning: "${k}" shared by ${ids.join(', ')}`);
  }
  const text = format(data);
  if (process.argv.includes('--check')) {
    const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
    if (current !== text) {
      console.error('countries.json is out of date: run node scripts/build-countries.mjs');
      process.exit(1);
    }
    console.log('countries.json is up to date');
    return;
  }
  writeFileSync(OUT, text);
  const counts = {};
  for (const e of data.entities) for (const [l, list] of Object.entries(e.aliases)) counts[l] = (counts[l] ?? 0) + list.length;
  console.log(`wrote ${fileURLToPath(OUT)}: ${data.entities.length} countries; aliases ${JSON.stringify(counts)}`);
}

main();
