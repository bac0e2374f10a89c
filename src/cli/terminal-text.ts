import type { Io } from './output.ts';

/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts colour, cursor and title
 * sequences; CR overwrites a line), DEL, C1 controls (U+009B is a one-character CSI), and the bidi
 * embedding, override and isolate marks (U+202A–U+202E, U+2066–U+2069), which reorder what follows.
 */
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, keeping newline and tab, for text meant to span lines. */
const UNSAFE_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const toEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * User-derived text (titles, file names, article text, messages that quote them) made safe to print:
 * each unsafe character becomes a visible `\uXXXX` (`\u001b[31m` rather than red), which is also a
 * valid escape inside a JSON string, so JSON output stays JSON. `multiline` keeps newlines and tabs.
 */
export function terminalSafe(text: string, options: { multiline?: boolean } = {}): string {
  return text.replace(options.multiline ? UNSAFE_TEXT : UNSAFE_LINE, toEscape);
}

/** An Io whose every printed line goes through terminalSafe (multi-line): the CLI's one exit for text. */
export function terminalSafeIo(io: Io): Io {
  return {
    ...io,
    out: (text) => io.out(terminalSafe(text, { multiline: true })),
    err: (text) => io.err(terminalSafe(text, { multiline: true })),
  };
}
