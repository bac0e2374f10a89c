/**
 * Cut plain text into blocks, the units that are kept or removed whole.
 * Paragraphs are separated by blank lines. A paragraph whose lines are hard-wrapped prose
 * is one block; otherwise (stacked widgets, a dateline over a caption, single-newline
 * paragraphs) every line is its own block. Ranges are trimmed of surrounding whitespace
 * (including U+00A0), so `raw.slice(start, end) === text`.
 */

export interface Block {
  index: number;
  start: number;
  end: number;
  /** The raw text of the block, internal line breaks kept. */
  text: string;
  /** The text on one line with whitespace runs (NBSP too) collapsed to a space. */
  flat: string;
  /** Lower-cased letters and digits only, single-spaced: for comparing blocks. */
  norm: string;
  /** Index of the blank-line-separated paragraph the block belongs to. */
  para: number;
  /** Number of lines of the paragraph, and of this block. */
  paraLines: number;
  words: number;
  letters: number;
  /** Share of letters that are upper case. */
  capsRatio: number;
  /** Ends like a sentence: . ! ? … optionally followed by closing quotes or brackets. */
  terminal: boolean;
  sentences: number;
  /** Count of first-person singular pronouns (I, I'm, me, my, mine, myself). */
  firstPerson: number;
}

interface LineRange {
  start: number;
  end: number;
}

const TERMINAL = /[.!?…]["'”’»)\]]*$/u;

export function normalizeForCompare(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function trimRange(raw: string, r: LineRange): LineRange {
  let { start, end } = r;
  while (start < end && /\s/.test(raw[start]!)) start++;
  while (end > start && /\s/.test(raw[end - 1]!)) end--;
  return { start, end };
}

function lineRanges(raw: string): LineRange[] {
  const out: LineRange[] = [];
  const re = /\r\n|\n|\r/g;
  let last = 0;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    out.push({ start: last, end: m.index });
    last = m.index + m[0].length;
  }
  out.push({ start: last, end: raw.length });
  return out;
}

/** A break inside prose: the line does not end a sentence and the next one carries on. */
function continues(line: string, next: string): boolean {
  if (TERMINAL.test(line)) return false;
  return /^[\p{Ll}\p{N}(]/u.test(next) || /[,;\-–]$/.test(line);
}

/** Hard-wrapped prose: long, similar non-final lines, most breaks mid-sentence. */
function isWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  if (body.some((l) => l.length < 40 || l.length > 130)) return false;
  let joins = 0;
  for (let i = 0; i < body.length; i++) if (continues(lines[i]!, lines[i + 1]!)) joins++;
  return joins > 0 && joins * 2 >= body.length;
}

function sentenceCount(flat: string): number {
  const parts = flat.split(/(?<=[.!?…]["'”’)]?)\s+(?=["'“‘(]?[\p{Lu}\p{N}])/u);
  return parts.filter((p) => /\p{L}/u.test(p)).length;
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/** Letters and capital letters (code points) of a text, counted without building an array of them. */
export function letterCounts(text: string): { letters: number; upper: number } {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) upper++;
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    if (LETTER.test(ch)) {
      letters++;
      if (UPPER.test(ch)) upper++;
    }
  }
  return { letters, upper };
}

function makeBlock(raw: string, r: LineRange, index: number, para: number, paraLines: number): Block {
  const text = raw.slice(r.start, r.end);
  const flat = text.replace(/\s+/g, ' ').trim();
  const { letters, upper } = letterCounts(flat);
  const words = flat.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return {
    index,
    start: r.start,
    end: r.end,
    text,
    flat,
    norm: normalizeForCompare(flat),
    para,
    paraLines,
    words,
    letters,
    capsRatio: letters > 0 ? upper / letters : 0,
    terminal: TERMINAL.test(flat),
    sentences: sentenceCount(flat),
    firstPerson: flat.match(/\b(?:I|I['’](?:m|ve|ll|d)|me|my|mine|myself)\b/g)?.length ?? 0,
  };
}

export function splitBlocks(raw: string): Block[] {
  const paragraphs: LineRange[][] = [];
  let current: LineRange[] = [];
  for (const line of lineRanges(raw)) {
    const t = trimRange(raw, line);
    if (t.start === t.end) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length > 0) paragraphs.push(current);

  const blocks: Block[] = [];
  paragraphs.forEach((lines, para) => {
    const texts = lines.map((l) => raw.slice(l.start, l.end));
    if (isWrapped(texts)) {
      const r = { start: lines[0]!.start, end: lines[lines.length - 1]!.end };
      blocks.push(makeBlock(raw, r, blocks.length, para, lines.length));
    } else {
      for (const l of lines) blocks.push(makeBlock(raw, l, blocks.length, para, lines.length));
    }
  });
  return blocks;
}
