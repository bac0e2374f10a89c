/**
 * A small well-formedness check for feed XML: tags must nest and close,
 * comments, CDATA sections, processing instructions and the doctype must
 * end. (The feed parser itself is lenient and silently repairs broken
 * nesting, which would turn a truncated download into a feed that looks
 * fine.) Returns 'line N: what is wrong', or undefined when the XML is
 * well-formed as far as tags go. Entities and attributes are left to the parser.
 */
export function findXmlError(xml: string): string | undefined {
  const open: { name: string; at: number }[] = [];
  const lineAt = (index: number) => xml.slice(0, index).split('\n').length;
  let i = xml.indexOf('<');
  while (i !== -1) {
    const skip = (terminator: string, what: string): number | string => {
      const end = xml.indexOf(terminator, i);
      return end === -1 ? `line ${lineAt(i)}: ${what} is never closed` : end + terminator.length;
    };
    let next: number | string;
    if (xml.startsWith('<!--', i)) next = skip('-->', 'comment');
    else if (xml.startsWith('<![CDATA[', i)) next = skip(']]>', 'CDATA section');
    else if (xml.startsWith('<?', i)) next = skip('?>', 'processing instruction');
    else if (/^<!DOCTYPE/i.test(xml.slice(i, i + 9))) next = skipDoctype(xml, i, lineAt);
    else if (xml[i + 1] === '/') {
      const match = /^<\/([^\s>]+)\s*>/.exec(xml.slice(i, i + 512));
      if (!match) return `line ${lineAt(i)}: malformed closing tag`;
      const name = match[1]!;
      const top = open.pop();
      if (!top) return `line ${lineAt(i)}: closing tag </${name}> has no opening tag`;
      if (top.name !== name) {
        return `line ${lineAt(i)}: closing tag </${name}> does not match <${top.name}> opened on line ${lineAt(top.at)}`;
      }
      next = i + match[0].length;
    } else {
      const nameMatch = /^<([A-Za-z_][\w.:-]*)/.exec(xml.slice(i, i + 256));
      if (!nameMatch) return `line ${lineAt(i)}: "<" is not followed by a tag name (escape it as &lt;)`;
      const end = findTagEnd(xml, i + nameMatch[0].length);
      if (end === -1) return `line ${lineAt(i)}: tag <${nameMatch[1]}> is never closed with ">"`;
      if (xml[end - 1] !== '/') open.push({ name: nameMatch[1]!, at: i });
      next = end + 1;
    }
    if (typeof next === 'string') return next;
    i = xml.indexOf('<', next);
  }
  const unclosed = open.pop();
  if (unclosed) return `line ${lineAt(unclosed.at)}: <${unclosed.name}> is never closed (truncated file?)`;
  return undefined;
}

/** Index of the '>' ending a start tag, skipping quoted attribute values; -1 when missing. */
function findTagEnd(xml: string, from: number): number {
  let quote = '';
  for (let j = from; j < xml.length; j++) {
    const c = xml[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return j;
    } else if (c === '<') {
      return -1;
    }
  }
  return -1;
}

function skipDoctype(xml: string, at: number, lineAt: (index: number) => number): number | string {
  let depth = 0;
  for (let j = at + 9; j < xml.length; j++) {
    const c = xml[j];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return j + 1;
  }
  return `line ${lineAt(at)}: doctype is never closed`;
}
