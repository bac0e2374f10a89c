import { languagePack } from '../../language/language-pack.ts';
import type { Signal } from './boilerplate-signals.ts';
import { type ElementNode, inFormControl, type PageText, type TextBlock } from './text-blocks.ts';

const TEXT_RULES: Array<[RegExp, Signal]> = [
  [
    /^(advertisement|advertising|advert|anzeige|publicité|publicidad|pubblicità|reklama|sponsored( content)?|(story|article) continues below( this)?( advertisement| ad)?|continue reading( below)?( the main story)?|scroll to continue( with content)?)\W*$/i,
    { reason: 'advertisement', rule: 'line is an advertising label' },
  ],
  [
    /^((share|tweet|email|e-mail|print|copy link|save|pin)( (this|the) (article|story|page|post))?( on (facebook|twitter|x|whatsapp|linkedin))?|facebook|twitter|whatsapp|linkedin|pinterest|reddit|messenger|telegram|flipboard)\W*$/i,
    { reason: 'share-widget', rule: 'line is a share button label' },
  ],
  [
    /^((share|tweet|email|e-mail|print|whatsapp|facebook|twitter|pint|pinterest|linkedin|reddit|telegram|messenger|flipboard|copy|link|save|download|baixar|compartir|partager|teilen|condividi|compartilhar|comment|comments)\W*){2,8}$/i,
    { reason: 'share-widget', rule: 'line is a row of share button labels' },
  ],
  [
    /\((image|photo|picture|pic|credit|foto|bild|video)s?\s*:[^)]{1,80}\)$|^(image|photo|picture|foto|bild)s?( credit)?\s*:\s*\S.{0,80}$/i,
    { reason: 'caption', rule: 'line ends with an image credit' },
  ],
  [
    /^(published|updated|posted|last updated|last modified|first published)\b[\s:].{0,90}$/i,
    { reason: 'dateline', rule: 'line gives the publication time' },
  ],
  [
    /^(don'?t miss|most read|most popular|trending( now)?|top stories|you may also like|recommended for you)\W*$/i,
    { reason: 'related-links', rule: 'line is a related-links heading' },
  ],
  [/^follow (us|@)/i, { reason: 'share-widget', rule: 'line asks to follow the outlet' }],
  [
    /^(sign up|subscribe)\b.{0,160}\b(newsletter|inbox|e-?mail)|^.{0,120}\bnewsletter\b.{0,120}$/i,
    { reason: 'newsletter', rule: 'line promotes a newsletter' },
  ],
];

const RELATED_LEAD =
  /^(related( stories| articles| coverage| content)?|read more|more|see also|also read|read also|recommended|more from [^:]{1,40}|more on this( story)?|read next|up next|see more|watch|listen|lees ook|mehr zum thema|lesen sie auch|lire aussi|leer más|leia também)\s*[:»›|-]/i;

const MONTH = `${languagePack().patterns.monthPrefix}\\.?`;
const DATE = new RegExp(
  `\\b(?:\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? \\d{4}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{4}-\\d{2}-\\d{2})\\b`,
  'i',
);

/**
 * A short line that gives a date with a clock time or a posting word and no sentence of its own: the
 * dateline under a headline ("5 April 2013 Last updated at 10:08 GMT", "By A. Writer - 11/18/19
 * 11:04 PM EST", "September 10, 2018 | by Catherine"). An article has one or two; a selection with more
 * is a listing whose dates are its entries' (see cleanSelection).
 */
function isDateline(block: TextBlock): boolean {
  const text = block.text;
  if (text.length > 90 || /[.!?]["'”’)]*$/.test(text) || !DATE.test(text)) return false;
  // Rows of a table or list with dates are data ("Use by 18 May 2005", a log's timestamps).
  if (/^(td|th|li|dd|dt|pre)$/.test(block.node.tag)) return false;
  return /\b\d{1,2}:\d{2}\b/.test(text) || /\b(updated|posted|published)\b|^by\b|[|–—-]\s*by\b/i.test(text);
}

/** A text-only verdict on one line, whatever element it sits in. */
export function textSignal(block: TextBlock): Signal | null {
  const text = block.text;
  if (text.length <= 300) {
    for (const [pattern, signal] of TEXT_RULES) if (pattern.test(text)) return signal;
    if (RELATED_LEAD.test(text)) return { reason: 'related-links', rule: 'line introduces a related link' };
  }
  const density = block.linkChars / Math.max(1, text.length);
  if (
    density >= 0.9 &&
    text.length < 100 &&
    !/^(https?:\/\/|www\.)/i.test(text) &&
    block.kind !== 'heading' &&
    text.split(' ').length <= 14
  ) {
    return { reason: 'related-links', rule: 'line is all link text' };
  }
  return null;
}

/**
 * Elements that open with a related-links heading (a label of five words or fewer, not the <h1>,
 * read as related by its text or classed related/recommended): what follows the heading inside them is the list
 * it introduces, whatever the teasers look like. Body and the selection's own root are never one.
 */
function relatedSections(page: PageText): Set<ElementNode> {
  const sections = new Set<ElementNode>();
  const firstBlock = new Map<ElementNode, number>();
  for (const block of page.blocks)
    for (let n: ElementNode | null = block.node; n && !firstBlock.has(n); n = n.parent)
      firstBlock.set(n, block.index);
  for (const block of page.blocks) {
    const index = block.index;
    // A label, not a headline ("Watch: Steve Case discusses …" reads like a related-link lead).
    if (block.kind !== 'heading' || block.node.tag === 'h1' || block.text.split(' ').length > 5) continue;
    const signal = block.node.signal ?? textSignal(block);
    if (signal?.reason !== 'related-links') continue;
    const parent = block.node.parent;
    if (parent && parent.tag !== 'body' && firstBlock.get(parent) === index) sections.add(parent);
  }
  return sections;
}

function sectionSignal(block: TextBlock, sections: Map<ElementNode, Signal>): Signal | null {
  if (sections.size === 0) return null;
  for (let n: ElementNode | null = block.node.parent; n; n = n.parent) {
    const signal = sections.get(n);
    if (signal) return signal;
  }
  return null;
}

/**
 * Lists of teasers: a <ul>/<ol> of three items or more, each opening with a link (its first line at
 * least 80 % link text) — a headline link with or without a summary under it, the shape of "more
 * stories" boxes. Their summaries are prose with no links, which the link-density rules miss. An
 * item longer than a teaser (old pages nest the whole story in one unclosed <li>) makes it no such list.
 */
const TEASER_CHARS = 400;
function teaserLists(page: PageText): ElementNode[] {
  const items = new Map<ElementNode, { first: TextBlock; chars: number }>();
  for (const block of page.blocks) {
    for (let li: ElementNode | null = block.node; li; li = li.parent) {
      if (li.tag !== 'li' || !li.parent) continue;
      const item = items.get(li);
      if (item) item.chars += block.text.length;
      else items.set(li, { first: block, chars: block.text.length });
    }
  }
  const lists = new Map<ElementNode, Array<{ first: TextBlock; chars: number }>>();
  for (const [li, item] of items) {
    const list = lists.get(li.parent!);
    if (list) list.push(item);
    else lists.set(li.parent!, [item]);
  }
  return [...lists]
    .filter(
      ([, list]) =>
        list.length >= 3 &&
        list.every((i) => i.chars <= TEASER_CHARS && i.first.linkChars >= 0.8 * i.first.text.length),
    )
    .map(([list]) => list);
}

const FORM_CONTROL: Signal = {
  reason: 'boilerplate',
  rule: "text of a form control (a <select>'s options, a button)",
};

/** Reasons strong enough to reject even the element holding most of the chosen text (by tag or role only). */
const STRONG = new Set(['navigation', 'legal', 'cookie-notice', 'comments', 'newsletter', 'share-widget']);

/** Innermost signal from the block's element up to (not including) `stop`. */
export function ancestrySignal(node: ElementNode, stop: ElementNode | null): Signal | null {
  let generic: Signal | null = null;
  for (let n: ElementNode | null = node; n && n !== stop; n = n.parent) {
    if (!n.signal || n.tag === 'body') continue;
    if (n.signal.reason !== 'boilerplate') return n.signal;
    generic ??= n.signal;
  }
  return generic;
}

/**
 * Drop the lines of a chosen article that are furniture: those under an element classed or
 * tagged as share/related/newsletter/ad/caption/... below the article's content root (the
 * innermost element holding most of the chosen text, so page-wide wrappers do not count),
 * and lines whose text alone gives them away.
 */
export function cleanSelection(
  page: PageText,
  chosen: number[],
): { kept: number[]; dropped: Map<number, Signal> } {
  const dropped = new Map<number, Signal>();
  let total = 0;
  for (const index of chosen) {
    const block = page.blocks[index]!;
    total += block.text.length;
    for (let n: ElementNode | null = block.node; n; n = n.parent) n.keptChars += block.text.length;
  }
  const introduced = new Map<ElementNode, Signal>();
  for (const section of relatedSections(page))
    introduced.set(section, {
      reason: 'related-links',
      rule: 'in a section that opens with a related-links heading',
    });
  // A list holding a good part of the chosen text is the article's own (a story laid out as a list).
  for (const list of teaserLists(page))
    if (list.keptChars < total * 0.25)
      introduced.set(list, { reason: 'related-links', rule: 'in a list whose every item opens with a link' });
  // Lines the text rules already read as the publication time ("Last updated at …") are not a listing's.
  const datelines = chosen.filter(
    (i) => isDateline(page.blocks[i]!) && textSignal(page.blocks[i]!)?.reason !== 'dateline',
  );
  const dated = new Set(datelines.length <= 2 ? datelines : []);
  const kept: number[] = [];
  for (const index of chosen) {
    const block = page.blocks[index]!;
    let root: ElementNode | null = block.node;
    while (root && root.keptChars < total * 0.5) root = root.parent;
    const rootSignal =
      root?.signal && STRONG.has(root.signal.reason) && !/^(class|id) /.test(root.signal.rule)
        ? root.signal
        : null;
    const signal =
      (inFormControl(block) ? FORM_CONTROL : null) ??
      ancestrySignal(block.node, root) ??
      rootSignal ??
      textSignal(block) ??
      sectionSignal(block, introduced) ??
      (dated.has(index)
        ? { reason: 'dateline', rule: 'line gives a date with a time or a posting word' }
        : null);
    if (signal) dropped.set(index, signal);
    else kept.push(index);
  }
  for (const node of page.nodes) node.keptChars = 0;
  return { kept, dropped };
}
