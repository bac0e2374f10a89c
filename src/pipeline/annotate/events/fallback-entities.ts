import type { EntityMention, EntityType } from '../../../core/entity.ts';

/**
 * A tiny gazetteer of frequent state actors (countries, their capitals and seats of government, two
 * organisations), used only to fold a participant's surface text into a merge key when a mention
 * carries no entity id (canonicalActor / canonicalPerson). It names no person: people are keyed by
 * their family name. It is not used to find participants: annotateEvents takes the entity stage's
 * mentions as they are.
 */
interface GazetteerEntry {
  re: RegExp;
  type: EntityType;
  /** The state the text stands for, used as the merge key ("Pyongyang" → North Korea). */
  canonical: string;
}

const GAZETTEER: GazetteerEntry[] = [
  {
    re: /\b(?:North Korea|N\. Korea|DPRK|Democratic People[’']s Republic of Korea|the North(?! Atlantic))\b/g,
    type: 'country',
    canonical: 'North Korea',
  },
  { re: /\bPyongyang\b/g, type: 'country', canonical: 'North Korea' },
  { re: /\bNorth Korean\b/g, type: 'country', canonical: 'North Korea' },
  { re: /\bSouth Korea\b|\bSeoul\b/g, type: 'country', canonical: 'South Korea' },
  { re: /\bSouth Korean\b/g, type: 'country', canonical: 'South Korea' },
  { re: /\b(?:eastern|western|far eastern) Russia\b/g, type: 'place', canonical: 'Russia' },
  { re: /\bRussia\b|\bMoscow\b|\bKremlin\b/g, type: 'country', canonical: 'Russia' },
  { re: /\bRussian\b/g, type: 'country', canonical: 'Russia' },
  {
    re: /\b(?:United States|U\.S\.|US|Washington|White House)\b(?! Declaration)/g,
    type: 'country',
    canonical: 'United States',
  },
  { re: /\bAmerican\b/g, type: 'country', canonical: 'United States' },
  { re: /\bUkraine\b|\bKyiv\b/g, type: 'country', canonical: 'Ukraine' },
  { re: /\bChina\b|\bBeijing\b/g, type: 'country', canonical: 'China' },
  { re: /\bJapan\b|\bTokyo\b/g, type: 'country', canonical: 'Japan' },
  { re: /\bIran\b/g, type: 'country', canonical: 'Iran' },
  { re: /\bIsrael\b/g, type: 'country', canonical: 'Israel' },
  { re: /\bHamas\b/g, type: 'organization', canonical: 'Hamas' },
  { re: /\bNATO\b/g, type: 'organization', canonical: 'NATO' },
];

/** The state behind a mention's text ("Pyongyang", "North Korean" → "North Korea"), or the text itself. */
export function canonicalActor(text: string): string {
  for (const g of GAZETTEER) {
    g.re.lastIndex = 0;
    const m = g.re.exec(text);
    if (m && m[0].length === text.length && g.canonical) return g.canonical;
  }
  return text;
}

/** Family names written first (Korean, Chinese): "Kim Jong Un" is keyed by "kim". */
const FAMILY_NAME_FIRST =
  /^(?:Kim|Park|Lee|Moon|Yoon|Choe|Choi|Jung|Kang|Cho|Xi|Li|Wang|Zhang|Liu|Chen|Hu)\b/;

/**
 * The person behind a participant's text, for keying events that people take part in ("Vladimir
 * Putin", "Putin" → "putin"; "Kim Jong-un" → "kim"): a state or place the gazetteer knows is keyed by
 * the state; a name (capitalised words) by its family name — the first word of names written family
 * name first, else the last; anything else by itself.
 */
export function canonicalPerson(text: string): string {
  const actor = canonicalActor(text);
  if (actor !== text) return actor;
  const words = text.trim().split(/\s+/);
  if (words.length > 4 || !words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w))) return text;
  return (FAMILY_NAME_FIRST.exec(text)?.[0] ?? words.at(-1) ?? text).toLowerCase();
}

export function isDemonym(m: EntityMention): boolean {
  return m.via === 'demonym';
}
