/**
 * The PETRARCH-2 verb dictionary format (CAMEO.2.0.txt, PETR.Validate.verbs.txt) compiled to the
 * compact form the event matcher reads (docs/decisions/0030-events.md, "Verb patterns"):
 *   &SYNSET / +MEMBER lines            a word class patterns refer to (&MILITARY);
 *   ---  NAME   [CODE]  ---            a verb block and the code of its bare verb ([---]: none);
 *   VERB {IRREGULAR FORMS} [CODE]      a verb of the block, its irregular forms, its own code;
 *   +PHRASAL_VERB {}                   a multi-word verb (SIDE_WITH);
 *   - PRE * POST [CODE] # VERB         a pattern: words before (*) and after the verb, in order.
 * In patterns, (…) prepositional phrases and {…} compounds are read as word sequences, the
 * source/target markers ($ +) and the noun-phrase skip ^ are dropped (pattern words match in order
 * with gaps), % (a compound actor, "X and Y") is kept as a word; [A:B] keeps the source's code A (or B when A is
 * empty). Pure text → data: scripts/compile-event-verbs.ts writes the result to data/.
 */

/** A pattern: words before the verb (nearest last), words after it (in order), its CAMEO code ('' = no event). */
export type CompiledPattern = [before: string[], after: string[], code: string];

export interface CompiledVerb {
  /** The verb, lower case; a phrasal verb's words joined by spaces ("side with"). */
  verb: string;
  /** Irregular forms stated by the dictionary ("brought"), beside the regular ones the matcher makes. */
  forms?: string[];
  /** The code of the bare verb, '' when none. */
  code: string;
  /** Index of the verb's block in `blocks` (its patterns). */
  block: number;
}

export interface CompiledVerbs {
  synsets: Record<string, string[]>;
  verbs: CompiledVerb[];
  /** Each block's patterns. */
  blocks: CompiledPattern[][];
}

function words(s: string): string[] {
  return s
    .replace(/[(){}$+^]/g, ' ')
    .replace(/%/g, ' % ')
    .split(/[\s_]+/)
    .filter((w) => w && w !== '*')
    .map((w) => (w.startsWith('&') ? w.toUpperCase() : w.toLowerCase()));
}

function codeOf(raw: string): string {
  const [a = '', b = ''] = raw.split(':').map((s) => s.trim());
  const c = a || b;
  return /^\d{2,4}$/.test(c) ? c : '';
}

export function parseVerbDictionary(text: string): CompiledVerbs {
  const out: CompiledVerbs = { synsets: {}, verbs: [], blocks: [] };
  let synset: string | undefined;
  let blockCode = '';
  let inVerbs = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const block = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(line);
    if (block) {
      inVerbs = true;
      synset = undefined;
      blockCode = codeOf(block[2] ?? '');
      out.blocks.push([]);
      continue;
    }
    // A synset: its head, then its +MEMBER lines (synsets may stand between verb blocks too).
    const head = /^&([A-Z0-9_]+?)_?$/.exec(line);
    if (head?.[1]) {
      synset = head[1];
      out.synsets[synset] = [];
      continue;
    }
    if (synset && line.startsWith('+')) {
      out.synsets[synset]?.push(words(line.slice(1)).join(' '));
      continue;
    }
    synset = undefined;
    if (!inVerbs) continue;
    const b = out.blocks.length - 1;
    if (line.startsWith('-')) {
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]/.exec(line);
      if (!m) continue;
      const [pre = '', post = ''] = (m[1] ?? '').split('*');
      out.blocks[b]?.push([words(pre), words(post), codeOf(m[2] ?? '')]);
      continue;
    }
    const v = /^\+?([A-Z][A-Z_'-]*)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?/.exec(line);
    if (!v?.[1]) continue;
    const forms = (v[2] ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((f) => f.toLowerCase().replace(/_/g, ' '));
    const verb: CompiledVerb = {
      verb: v[1].toLowerCase().replace(/_+$/, '').replace(/_/g, ' '),
      code: v[3] !== undefined ? codeOf(v[3]) : blockCode,
      block: b,
    };
    if (forms.length) verb.forms = forms;
    out.verbs.push(verb);
  }
  return out;
}
