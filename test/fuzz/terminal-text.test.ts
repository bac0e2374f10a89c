/**
 * Fuzz: what the CLI prints (issue 18, finding 5; the example-based tests are in
 * src/cli/terminal-text.test.ts). For any string, terminalSafe leaves no character a terminal acts
 * on, keeps every other character, and, applied to JSON output, leaves JSON with the same values.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { terminalSafe } from '../../src/cli/terminal-text.ts';
import { fuzzParameters } from './fuzz-run.ts';
import { ODD_TOKENS } from './text-arbitraries.ts';

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const anyText = fc.array(
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.constantFrom(...ODD_TOKENS, '\n', '\u0085', '\u2067'),
  ),
  { maxLength: 12 },
);

describe('fuzz: terminal output', () => {
  it('escapes every character a terminal acts on, and only those, and keeps JSON valid', () => {
    fc.assert(
      fc.property(anyText, (parts) => {
        const text = parts.join('');
        const line = terminalSafe(text);
        const multi = terminalSafe(text, { multiline: true });
        assert.doesNotMatch(line, /[\n\t]/);
        assert.doesNotMatch(line, UNSAFE);
        assert.doesNotMatch(multi, UNSAFE);
        // Undo the escapes: the text comes back whole (nothing dropped, nothing else changed).
        const undo = (s: string) =>
          s.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
        if (!/\\u[0-9a-f]{4}/.test(text)) assert.equal(undo(line), text);
        const json = JSON.stringify({ text });
        assert.deepEqual(JSON.parse(terminalSafe(json, { multiline: true })), { text });
      }),
      fuzzParameters(3000),
    );
  });
});
