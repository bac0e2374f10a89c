import type { EntityMention, EntityType } from '../../../core/entity.ts';

/**
 * A tiny gazetteer of frequent state actors, used only to fold a participant's surface text into a
 * merge key when a mention carries no entity id (canonicalActor / canonicalPerson). It is not used
 * to find participants: annotateEvents takes the entity stage's mentions as they are, and an article
 * with none gets no participant-bearing events. `fallbackEntities` remains for tests that exercise
 * the event rules without the entity stage.
 */
interface GazetteerEntry {
  re: RegExp;
  type: EntityType;
  /** The state an actor stands for, used as the merge key ("Putin" → Russia). */
  canonical: string;
  demonym?: boolean;
}

const GAZETTEER: GazetteerEntry[] = [
  {
    re: /\b(?:North Korea|N\. Korea|DPRK|Democratic People[’']s Republic of Korea|the North(?! Atlantic))\b/g,
    type: 'country',
    canonical: 'North Korea',
  },
  { re: /\bPyongyang\b/g, type: 'country', canonical: 'North Korea' },
  { re: /\bNorth Korean\b/g, type: 'country', canonical: 'North Korea', demonym: true },
  { re: /\bSouth Korea\b|\bSeoul\b/g, type: 'country', canonical: 'South Korea' },
  { re: /\bSouth Korean\b/g, type: 'country', canonical: 'South Korea', demonym: true },
  { re: /\b(?:eastern|western|far eastern) Russia\b/g, type: 'place', canonical: 'Russia' },
  { re: /\bRussia\b|\bMoscow\b|\bKremlin\b/g, type: 'country', canonical: 'Russia' },
  { re: /\bRussian\b/g, type: 'country', canonical: 'Russia', demonym: true },
  {
    re: /\b(?:United States|U\.S\.|US|Washington|White House)\b(?! Declaration)/g,
    type: 'country',
    canonical: 'United States',
  },
  { re: /\bAmerican\b/g, type: 'country', canonical: 'United States', demonym: true },
  { re: /\bUkraine\b|\bKyiv\b/g, type: 'country', canonical: 'Ukraine' },
  { re: /\bChina\b|\bBeijing\b/g, type: 'country', canonical: 'China' },
  { re: /\bJapan\b|\bTokyo\b/g, type: 'country', canonical: 'Japan' },
  { re: /\bIran\b/g, type: 'country', canonical: 'Iran' },
  { re: /\bIsrael\b/g, type: 'country', canonical: 'Israel' },
  { re: /\bHamas\b/g, type: 'organization', canonical: 'Hamas' },
  { re: /\bNATO\b/g, type: 'organization', canonical: 'NATO' },
  { re: /\b(?:Vladimir )?Putin\b/g, type: 'person', canonical: 'Russia' },
  { re: /\bKim Jong[- ]?[Uu]n\b|\bKim\b(?! Jong)/g, type: 'person', canonical: 'North Korea' },
  { re: /\b(?:Sergei )?Shoigu\b/g, type: 'person', canonical: 'Russia' },
  { re: /\b(?:Antony )?Blinken\b/g, type: 'person', canonical: 'United States' },
  { re: /\b(?:Lloyd )?Austin\b/g, type: 'person', canonical: 'United States' },
  { re: /\bPark Jin\b|\bPark\b/g, type: 'person', canonical: 'South Korea' },
  { re: /\b(?:Joe )?Biden\b/g, type: 'person', canonical: 'United States' },
  { re: /\b(?:Donald )?Trump\b/g, type: 'person', canonical: 'United States' },
  {
    re: /\bVostochny cosmodrome\b|\bVladivostok\b|\bWonsan\b|\bRome\b|\bPunggye-ri\b|\bTsiolkovsky\b/g,
    type: 'place',
    canonical: '',
  },
];

/** The canonical actor behind a mention's text ("Putin" → "Russia"), or the text itself. */
export function canonicalActor(text: string): string {
  for (const g of GAZETTEER) {
    g.re.lastIndex = 0;
    const m = g.re.exec(text);
    if (m && m[0].length === text.length && g.canonical) return g.canonical;
  }
  return text;
}

/** The person behind a mention ("Vladimir Putin", "Putin" → "putin"; "Kim Jong-un" → "kim"), else the canonical actor. */
export function canonicalPerson(text: string): string {
  for (const g of GAZETTEER) {
    g.re.lastIndex = 0;
    const m = g.re.exec(text);
    if (m && m[0].length === text.length && g.type === 'person') {
      // Korean names put the family name first ("Kim Jong Un", "Park Jin"); others last ("Vladimir Putin").
      const korean = /^(?:Kim|Park|Lee|Moon|Yoon|Choe|Choi)\b/.exec(text);
      return (korean?.[0] ?? text.split(/\s+/).pop() ?? text).toLowerCase();
    }
  }
  return canonicalActor(text);
}

export function isDemonym(m: EntityMention): boolean {
  return m.via === 'fallback-demonym' || m.via === 'demonym';
}

/** Fallback entity mentions of a text (see the file comment): gazetteer hits, longest first, no overlaps. */
export function fallbackEntities(articleId: string, text: string): EntityMention[] {
  const found: EntityMention[] = [];
  const overlaps = (s: number, e: number) => found.some((f) => s < f.end && f.start < e);
  for (const g of GAZETTEER) {
    g.re.lastIndex = 0;
    for (let m = g.re.exec(text); m !== null; m = g.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      found.push({
        articleId,
        start,
        end,
        text: m[0],
        type: g.type,
        via: g.demonym ? 'fallback-demonym' : 'fallback-gazetteer',
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
