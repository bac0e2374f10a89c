/**
 * PETRARCH actor and agent dictionaries (PETR.Validate.actors.txt, PETR.Validate.agents.txt, and the
 * Phoenix dictionaries in the same format) read as an entity source for the event scorer:
 *   ACTOR_PHRASE [CODE]      words joined by `_` or space; `+SYNONYM` lines share the next code;
 *   AGENT_PHRASE [~CODE]     an agent (role) whose code is appended to its actor's (DAG + GOV).
 * A phrase word without a trailing `_` matches as a stem (ARGENTIN → Argentina, Argentine), only on a
 * capitalized word; dated code blocks ([HOB < 950601]) take their last, undated, or first code.
 */
import type { EntityMention } from '../../src/core/entity.ts';

export interface DictEntry {
  words: { word: string; stem: boolean }[];
  code: string;
  agent: boolean;
}

function entryWords(phrase: string): DictEntry['words'] {
  const trimmed = phrase.trim().toUpperCase();
  const exactEnd = trimmed.endsWith('_');
  const parts = trimmed
    .replace(/_+$/, '')
    .split(/[\s_]+/)
    .filter(Boolean);
  return parts.map((word, i) => ({ word, stem: i === parts.length - 1 && !exactEnd && word.length >= 4 }));
}

/** The entries of an actor or agent dictionary; `!MACRO! = A, B` substitutions are expanded. */
export function parsePetrarchDictionary(text: string, agent: boolean): DictEntry[] {
  const body = text.replace(/<!--[\s\S]*?-->/g, '');
  const macros = new Map<string, string[]>();
  const expand = (phrase: string): string[] => {
    const m = /!([A-Z]+)!/.exec(phrase);
    const subs = m ? macros.get(m[1] ?? '') : undefined;
    if (!m || !subs) return [phrase];
    return subs.flatMap((s) => expand(phrase.replace(m[0], s)));
  };
  const out: DictEntry[] = [];
  // An entry: a head line, its `+SYNONYM` lines (before or after its code), and its first code.
  let group: string[] = [];
  let code: string | undefined;
  const close = () => {
    if (code)
      for (const p of group)
        for (const phrase of expand(p)) out.push({ words: entryWords(phrase), code, agent });
    group = [];
    code = undefined;
  };
  for (const raw of body.split('\n')) {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (!line.trim()) continue;
    const macro = /^!([A-Z]+)!\s*=\s*(.*)$/.exec(line.trim());
    if (macro) {
      macros.set(
        macro[1] ?? '',
        (macro[2] ?? '').split(',').map((s) => s.trim()),
      );
      continue;
    }
    const found = /\[([^\]]*)\]/.exec(line)?.[1];
    const head = line
      .replace(/\{[^}]*\}/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .trim();
    if (head && !/^\s/.test(raw)) {
      if (!head.startsWith('+')) close();
      group.push(head.replace(/^\+/, ''));
    }
    if (found !== undefined && code === undefined) {
      // The first code of a dated block holds ([HOB < 950601]); later dated codes are ignored.
      const c = found
        .replace(/^~/, '')
        .replace(/[<>].*$/, '')
        .replace(/\s.*$/, '')
        .trim();
      code = c && !/^[-+#]+$/.test(c) ? c.toUpperCase() : '';
    }
  }
  close();
  return out;
}

interface Hit {
  start: number;
  end: number;
  entry: DictEntry;
}

const WORD = /[A-Za-z0-9][\w.'’-]*[A-Za-z0-9]|[A-Za-z0-9]/g;

/** Longest dictionary matches over the words of `text`, left to right, not overlapping. */
function matches(text: string, entries: DictEntry[], capitalized: boolean): Hit[] {
  const words = [...text.matchAll(WORD)].map((m) => ({
    up: (m[0] ?? '').toUpperCase().replace(/['’]S$/, ''),
    raw: m[0] ?? '',
    start: m.index ?? 0,
    end: (m.index ?? 0) + (m[0] ?? '').replace(/['’]s$/, '').length,
  }));
  const byFirst = new Map<string, DictEntry[]>();
  for (const e of entries) {
    const k = (e.words[0]?.word ?? '').slice(0, 3);
    byFirst.set(k, [...(byFirst.get(k) ?? []), e]);
  }
  const out: Hit[] = [];
  for (let i = 0; i < words.length; ) {
    let best: { n: number; entry: DictEntry } | undefined;
    for (const e of byFirst.get((words[i]?.up ?? '').slice(0, 3)) ?? []) {
      const n = e.words.length;
      if (best && n <= best.n) continue;
      const ok = e.words.every((w, j) => {
        const t = words[i + j];
        if (!t) return false;
        if (w.stem) return t.up.startsWith(w.word) && t.up.length - w.word.length <= 4;
        return t.up === w.word;
      });
      if (ok && (!capitalized || /^[A-Z0-9]/.test(words[i]?.raw ?? ''))) best = { n, entry: e };
    }
    if (best) {
      out.push({ start: words[i]?.start ?? 0, end: words[i + best.n - 1]?.end ?? 0, entry: best.entry });
      i += best.n;
    } else i += 1;
  }
  return out;
}

/**
 * Entity mentions of `text` from actor and agent dictionaries, the dictionary code as entityId: an
 * agent next to an actor ("Dagolath's … Minister Telemar", "the Gondor president", "ministers of
 * Arnor") joins it (code DAG + GOV); an agent alone is not an entity.
 */
export function dictionaryMentions(
  articleId: string,
  text: string,
  actors: DictEntry[],
  agents: DictEntry[],
): EntityMention[] {
  const actorHits = matches(text, actors, true);
  const agentHits = matches(text, agents, false).filter(
    (a) => !actorHits.some((h) => a.start < h.end && h.start < a.end),
  );
  return actorHits.map((h) => {
    const before = agentHits.filter((a) => a.end <= h.start && h.start - a.end <= 30).pop();
    const after = agentHits.find((a) => a.start >= h.end && a.start - h.end <= 30);
    let agent: Hit | undefined;
    if (after && /^(?:['’]s)?\s+(?:[A-Za-z-]+\s+){0,3}$/.test(text.slice(h.end, after.start))) agent = after;
    else if (
      before &&
      /^\s+(?:(?:of|for)\s+(?:the\s+)?)?$|^\s+[A-Z][a-z]*\s+$/.test(text.slice(before.end, h.start))
    )
      agent = before;
    const code =
      agent && !h.entry.code.endsWith(agent.entry.code) ? h.entry.code + agent.entry.code : h.entry.code;
    return {
      articleId,
      start: h.start,
      end: h.end,
      text: text.slice(h.start, h.end),
      type: 'country',
      entityId: code,
      via: 'gazetteer',
    } satisfies EntityMention;
  });
}
