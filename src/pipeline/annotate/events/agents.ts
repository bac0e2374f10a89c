/**
 * Actor phrases without a named entity, and which actors are political (docs/decisions/0030-events.md,
 * "Agents"): PETRARCH-2's Phoenix agent dictionary (data/phoenix-agents.json, compiled by
 * scripts/compile-event-agents.ts; MIT) gives role and sector words ("police", "rebels", "the foreign
 * minister") with their CAMEO sector code; a word is matched with its regular plural, as PETRARCH does.
 */
import type { EntityMention } from '../../../core/entity.ts';
import data from './data/phoenix-agents.json' with { type: 'json' };
import { isLetter, WordFilter } from './word-filter.ts';

const AGENTS = (data as { agents: Record<string, string> }).agents;

/** Sectors that act in political events (PLOVER's actors); business, media, health, religion… do not. */
const POLITICAL = /^(?:GOV|MIL|REB|COP|OPP|LEG|JUD|SPY|PTY|UAF|INS|IGO|CRM|LAB|CVL|REF|HRI|NGO|IRC)/;

function plural(w: string): string[] {
  if (/(?:s|x|z|ch|sh)$/.test(w)) return [`${w}es`];
  if (/[^aeiou]y$/.test(w)) return [`${w.slice(0, -1)}ies`];
  if (w.endsWith('man')) return [`${w.slice(0, -3)}men`, `${w}s`];
  return [`${w}s`];
}

/** Agent phrases by their first word (singular and plural forms of the last word). */
let index: Map<string, [string[], string][]> | undefined;
function agentIndex(): Map<string, [string[], string][]> {
  if (index) return index;
  index = new Map();
  for (const [phrase, code] of Object.entries(AGENTS)) {
    const words = phrase.split(' ');
    const last = words.at(-1) ?? '';
    for (const form of [last, ...plural(last)]) {
      const ws = [...words.slice(0, -1), form];
      const k = ws[0] ?? '';
      index.set(k, [...(index.get(k) ?? []), [ws, code]]);
    }
  }
  return index;
}

/**
 * The agent index's phrases of each first word split by their second word: one-word phrases apart,
 * longer ones under their second word, each list in the index's order. Only the phrases under the
 * next word can match beside the one-word ones ("minister" starts some 570 phrases).
 */
interface ByFirst {
  single: [string[], string][];
  bySecond: Map<string, [string[], string][]>;
}
let twoWordIndex: Map<string, ByFirst> | undefined;
/** The phrases' first words as a WordFilter (most words start no agent phrase). */
let firstWords: WordFilter | undefined;
function agentIndexBySecond(): Map<string, ByFirst> {
  if (twoWordIndex) return twoWordIndex;
  twoWordIndex = new Map();
  for (const [first, phrases] of agentIndex()) {
    const entry: ByFirst = { single: [], bySecond: new Map() };
    for (const phrase of phrases) {
      const second = phrase[0][1];
      if (second === undefined) entry.single.push(phrase);
      else {
        const list = entry.bySecond.get(second);
        if (list) list.push(phrase);
        else entry.bySecond.set(second, [phrase]);
      }
    }
    twoWordIndex.set(first, entry);
  }
  firstWords = new WordFilter(twoWordIndex.keys());
  return twoWordIndex;
}

/**
 * The words of text[start, end) with their offsets in text: the matches of
 * /[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]/g (a letter, then letters, apostrophes, periods and hyphens up
 * to the last letter of the run), found by reading the characters once.
 */
function agentWords(text: string, start: number, end: number): { w: string; start: number; end: number }[] {
  const out: { w: string; start: number; end: number }[] = [];
  for (let i = start; i < end; ) {
    if (!isLetter(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let last = i;
    for (let j = i + 1; j < end; j += 1) {
      const c = text.charCodeAt(j);
      if (isLetter(c)) last = j;
      else if (!(c === 39 || c === 0x2019 || c === 46 || c === 45)) break;
    }
    out.push({ w: text.slice(i, last + 1).toLowerCase(), start: i, end: last + 1 });
    i = last + 1;
  }
  return out;
}

/** The agent code of a phrase ("police" → COP, "foreign ministers" → GOV), if the dictionary has it. */
export function agentCode(phrase: string): string | undefined {
  const ws = phrase.toLowerCase().split(/\s+/);
  return agentIndex()
    .get(ws[0] ?? '')
    ?.find(([p]) => p.length === ws.length && p.every((w, i) => w === ws[i]))?.[1];
}

/** A person's title or agent word right before the name ("President Barack Obama", "Sen. Sanders"). */
const TITLE =
  /\b(?:Sen|Rep|Gov|Gen|Adm|Lt|Col|Maj|Capt|Cmdr|Sgt|Pres|Amb|Secretary|Senator|Speaker|Chancellor|Premier|King|Queen|Prince|Sheikh|Ayatollah|Chief|Commander|Minister|President|Governor|Mayor|Ambassador|General|Admiral|Prosecutor|Judge|Justice)\.?\s+(?:[A-Z][\w.'’-]*\s+){0,2}$/;
const POLITICAL_ORG =
  /\b(?:Department|Ministry|Agency|Administration|Council|Parliament|Congress|Senate|House|Court|Army|Navy|Air Force|Marines?|Police|Party|Government|Commission|Committee|Assembly|Forces|Guard|Nations|Union|Pentagon|Kremlin|Cabinet|Bureau|Office|Authority|Legislature|Brigade|Front|Movement|State|Federal|Military|Junta|Militia|NATO|FBI|CIA|EU|UN|U\.N\.|IMF|OPEC|WHO)\b/;

/** Can the mention act in a political event: a state, an agent of a political sector, a political body or office-holder? */
export function politicalActor(text: string, m: EntityMention): boolean {
  if (m.type === 'country' || m.via === 'demonym' || m.via === 'metonymy') return true;
  if (m.via === 'phoenix-agent') return POLITICAL.test(m.role ?? '');
  if (m.type === 'organization') {
    if (POLITICAL_ORG.test(m.text)) return true;
    return m.text.split(/\s+/).some((w) => POLITICAL.test(agentCode(w) ?? ''));
  }
  if (m.type === 'person') {
    if (m.role && POLITICAL.test(agentCode(m.role) ?? 'GOV')) return true;
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    if (TITLE.test(before)) return true;
    const words = before.trim().split(/\s+/).slice(-3);
    for (let k = 0; k < words.length; k += 1)
      if (POLITICAL.test(agentCode(words.slice(k).join(' ')) ?? '')) return true;
  }
  return false;
}

/**
 * Agent phrases of text[start, end) that no entity covers or modifies: "police", "the rebels", "the
 * foreign minister" — not a title before a name ("Foreign Minister Lavrov") nor the agent noun after a
 * state ("Russian troops", "Iran's government": the state is the actor).
 */
export function agentMentions(
  articleId: string,
  text: string,
  start: number,
  end: number,
  ents: EntityMention[],
): EntityMention[] {
  const idx = agentIndexBySecond();
  const filter = firstWords!;
  const words = agentWords(text, start, end);
  const out: EntityMention[] = [];
  for (let i = 0; i < words.length; ) {
    // The longest phrase that starts here (the first of the index's order among equals): a one-word
    // phrase, or one of those whose second word is the next word.
    let best: { n: number; code: string } | undefined;
    const w = words[i]!.w;
    const byFirst = filter.mayHave(w) ? idx.get(w) : undefined;
    if (byFirst) {
      for (const [p, code] of byFirst.single) if (!best) best = { n: p.length, code };
      const next = words[i + 1];
      for (const [p, code] of (next && byFirst.bySecond.get(next.w)) || [])
        if ((!best || p.length > best.n) && p.every((w, k) => words[i + k]?.w === w))
          best = { n: p.length, code };
    }
    if (!best) {
      i += 1;
      continue;
    }
    const a = words[i];
    const z = words[i + best.n - 1];
    i += best.n;
    if (!a || !z) continue;
    const covered = ents.some((e) => e.start < z.end && a.start < e.end);
    const modified = ents.some((e) => {
      const gap = text.slice(e.end, a.start);
      return (
        e.end <= a.start &&
        (/^(?:['’]s)?\s+$|^['’]s\s+[a-z-]+\s+$/.test(gap) ||
          (e.via === 'demonym' && /^\s+[a-z-]+\s+$/.test(gap)))
      );
    });
    const titled = ents.some((e) => e.start >= z.end && /^\s+$/.test(text.slice(z.end, e.start)));
    // An agent word as a modifier: "military cooperation", "police investigation".
    const modifier = /^\s+[a-z]+(?:tion|ment|ity|ance|ence|ship|ism|ies|ure)\b/.test(
      text.slice(z.end, z.end + 30),
    );
    if (covered || modified || titled || modifier) continue;
    out.push({
      articleId,
      start: a.start,
      end: z.end,
      text: text.slice(a.start, z.end),
      type: 'organization',
      via: 'phoenix-agent',
      role: best.code,
    });
  }
  return out;
}
