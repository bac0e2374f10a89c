/** Vocabulary for number extraction: number words, scales, qualifiers and phrase stop words. */
import { languagePack } from '../../language/language-pack.ts';

export const SMALL_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

export const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
};

/** Qualifiers written before a number, longest first so that "more than" wins over "more". */
export const QUALIFIERS_BEFORE = [
  'an estimated',
  'an additional',
  'as many as',
  'as few as',
  'approximately',
  'at least',
  'at most',
  'more than',
  'fewer than',
  'less than',
  'roughly',
  'around',
  'nearly',
  'almost',
  'another',
  'about',
  'up to',
  'some',
  'over',
  'under',
];

/** Qualifiers written between the number and what it counts ("a million or more rounds"). */
export const QUALIFIERS_AFTER = ['or more', 'or so', 'or fewer', 'or less', 'plus'];

export const CURRENCIES: Record<string, string> = { $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP' };

export const UNIT_ALIASES: Record<string, string> = {
  km: 'kilometers',
  kilometres: 'kilometers',
  mi: 'miles',
  kg: 'kilograms',
  t: 'tonnes',
};

/** Month names and abbreviations, lower-cased (the language pack's). */
export const MONTHS: ReadonlySet<string> = new Set(Object.keys(languagePack().months));

/** Words that end the counted phrase: function words, auxiliaries, reporting verbs. */
export const PHRASE_STOPS = new Set(
  (
    'the a an of in on at to into onto from by for with without and or but nor that which who whom whose as than ' +
    'is are was were be been being has have had will would could may might can should must shall do does did ' +
    'said says say told tell added according reported warned believe believed this these those its their his her ' +
    'our your my it they them he she we so far ago earlier later more less per each between since after before ' +
    'during alone too also not only just still yet then there here when where while if because about around over ' +
    'under across through toward towards against among within'
  ).split(' '),
);

/** Words ending in "s" that are not plural nouns. */
export const NOT_PLURAL = new Set([
  'is',
  'was',
  'has',
  'as',
  'its',
  'this',
  'thus',
  'us',
  'always',
  'perhaps',
]);
