import type { Range } from '../../../core/span.ts';
import { TokenScanner } from '../../segment/token-scan.ts';
import type { PhraseNode } from './lexicon.ts';

/** A token of a sentence, with the shape features the patterns use. */
export interface Tok extends Range {
  /** The token text without a trailing possessive ("Putin" for "Putin’s"). */
  readonly text: string;
  readonly lower: string;
  kind: 'word' | 'number' | 'punct';
  /** First character is an upper-case letter. */
  readonly cap: boolean;
  /** Two or more letters, all upper-case. */
  readonly allCaps: boolean;
  /** The token carried a possessive "’s" / "'s" (or the next token is one, in pre-tokenized text). */
  possessive: boolean;
  /** What the token's text alone decides, shared by every token of that text (with its memo slots). */
  form: TokenForm;
}

/** A token whose text-given fields are read from its shared form (five fields an object, not nine). */
class SentenceToken implements Tok {
  constructor(
    public start: number,
    public end: number,
    public kind: Tok['kind'],
    public possessive: boolean,
    public form: TokenForm,
  ) {}
  get text(): string {
    return this.form.text;
  }
  get lower(): string {
    return this.form.lower;
  }
  get cap(): boolean {
    return this.form.cap;
  }
  get allCaps(): boolean {
    return this.form.allCaps;
  }
}

const POSSESSIVE = /['’]s$/;

/**
 * What a token's text alone decides: its text without a possessive, lower case, capitals; and slots
 * where later steps memoise what they read of it (the same for every token of that text).
 */
export interface TokenForm {
  /** The token as the tokenizer gave it (the key of its form). */
  raw: string;
  text: string;
  lower: string;
  cap: boolean;
  allCaps: boolean;
  possessive: boolean;
  /**
   * The lexicon `startsOf` was asked for, and what it says of `lower`: its `maxLenByFirst`, its
   * trie node, whether a title starts with it (`lexiconForm` in gazetteer-match.ts).
   */
  startsOf: object | undefined;
  starts: number;
  node: PhraseNode | undefined;
  /** Does `lower` open a title of that lexicon (its `titleFirstWords`)? */
  titleFirst: boolean;
  /** The tagger's facts of `text` (ner/word-facts.ts), once asked. */
  facts: object | undefined;
  /** `text` is one capital letter (an initial when a dot follows). */
  initial: boolean;
}

function tokenForm(raw: string, kind: Tok['kind']): TokenForm {
  let value = raw;
  let possessive = false;
  if (kind === 'word' && value.length > 2 && POSSESSIVE.test(value)) {
    value = value.slice(0, -2);
    possessive = true;
  }
  const first = value[0] ?? '';
  const letters = value.replace(/[^\p{L}]/gu, '');
  return {
    raw,
    text: value,
    lower: value.toLowerCase().replace(/’/g, "'"),
    cap: /\p{Lu}/u.test(first),
    allCaps: letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters),
    possessive,
    startsOf: undefined,
    starts: 0,
    node: undefined,
    titleFirst: false,
    facts: undefined,
    initial: value.length <= 2 && /^\p{Lu}$/u.test(value),
  };
}

/**
 * Token forms by token text (the text decides the kind too), computed once per distinct token: the
 * regular expressions above cost more than the lookup. Bounded: emptied when full.
 */
const forms = new Map<string, TokenForm>();
const FORMS_LIMIT = 100_000;

/**
 * In front of the map, a direct-mapped cache of recent forms indexed by a few characters and the
 * length (no hash of the whole string, no probe of the big map): the common words stay in it.
 */
const RECENT = 8192;
const recent: Array<TokenForm | undefined> = new Array(RECENT).fill(undefined);

/** The form of the token text[start, end): found in the recent forms without slicing the text when there. */
function formAt(text: string, start: number, end: number, kind: Tok['kind']): TokenForm {
  const n = end - start;
  const slot =
    (Math.imul(text.charCodeAt(start) ^ (n << 8), 0x9e3779b1) ^
      Math.imul(text.charCodeAt(end - 1), 0x85ebca6b) ^
      Math.imul(text.charCodeAt(start + (n >> 1)), 0xc2b2ae35)) >>>
    19;
  const cached = recent[slot];
  if (cached !== undefined && sameText(cached.raw, text, start, n)) return cached;
  const raw = text.slice(start, end);
  let form = forms.get(raw);
  if (!form) {
    form = tokenForm(raw, kind);
    if (forms.size >= FORMS_LIMIT) forms.clear();
    forms.set(raw, form);
  }
  recent[slot] = form;
  return form;
}

/** Is `raw` the n characters of `text` from `start`? */
function sameText(raw: string, text: string, start: number, n: number): boolean {
  if (raw.length !== n) return false;
  for (let k = 0; k < n; k++) if (raw.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** Tokens of a range of the text; the possessive "’s" is cut off its word and flagged. */
export function sentenceTokens(text: string, range: Range): Tok[] {
  const out: Tok[] = [];
  const scan = new TokenScanner().reset(text, range);
  while (scan.next()) {
    const { start, end, kind } = scan;
    const form = formAt(text, start, end, kind);
    // CoNLL-style text writes the possessive as its own token: flag the word before it.
    if (
      kind === 'punct' &&
      (form.raw === "'" || form.raw === '’') &&
      text.slice(end, end + 2).match(/^s\b/)
    ) {
      const prev = out[out.length - 1];
      if (prev) prev.possessive = true;
    }
    out.push(new SentenceToken(start, form.possessive ? end - 2 : end, kind, form.possessive, form));
  }
  return out;
}
