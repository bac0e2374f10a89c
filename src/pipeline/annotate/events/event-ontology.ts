/**
 * The event ontology for political and security news (docs/decisions/0030-events.md), in the spirit of
 * PLOVER/CAMEO: a type, the trigger words that evoke it, and what must stand near the trigger for the
 * reading to hold (an object lexicon), plus the verb used in timeline labels.
 */
export interface EventType {
  type: string;
  /** Third-person verb for labels: "the minister visits Beijing". */
  verb: string;
  trigger: RegExp;
  /** Must match within `window` characters after the trigger (or around it when `around`). */
  requires?: RegExp;
  excludes?: RegExp;
  window?: number;
  around?: boolean;
  /** Participants are interchangeable (meet, consult): merge ignores their order. */
  symmetric?: boolean;
  /** Verb for two participants, for symmetric types: "Putin and Kim meet". */
  pluralVerb?: string;
  /** A speech act: the speaker is its actor, its target stands right after the verb, its time beside it. */
  speech?: boolean;
  /** Label when the actor is not stated: "attack on South Korea". Types without one need an actor. */
  noun?: string;
}

const SUPPLY =
  /\b(?:provid(?:e|es|ed|ing)|suppl(?:y|ies|ied|ying)|sen(?:d|ds|t|ding)|giv(?:e|es|ing)|gave|deliver(?:s|ed|ing)?|transfer(?:s|red|ring)?|ship(?:s|ped|ping)?)\b/gi;
const WEAPONS =
  /\b(?:munitions|ammunition|weapons|arms|artillery|missiles|shells|rounds|rockets|military equipment)\b/i;
const TECHNOLOGY = /\btechnolog(?:y|ies)\b|\btechnical assistance\b/i;

/** In priority order: when two types fire on one trigger, the first listed wins. */
export const EVENT_TYPES: EventType[] = [
  {
    type: 'transfer-technology',
    verb: 'transfers technology to',
    trigger: SUPPLY,
    requires: TECHNOLOGY,
    window: 90,
  },
  { type: 'supply-weapons', verb: 'supplies weapons to', trigger: SUPPLY, requires: WEAPONS, window: 90 },
  {
    type: 'supply-aid',
    verb: 'supplies aid to',
    trigger: SUPPLY,
    requires: /\b(?:food|oil|fuel|humanitarian|raw materials|aid)\b/i,
    window: 90,
  },
  { type: 'supply-weapons', verb: 'supplies weapons to', trigger: /\barms transfers\b/gi },
  {
    type: 'sign-agreement',
    verb: 'signs an agreement with',
    trigger: /\b(?:sign(?:s|ed|ing)?|cement(?:s|ed)?|conclud(?:e|es|ed))\b/gi,
    requires: /\b(?:agreement|treaty|pact|deal|declaration|accord)\b/i,
    window: 50,
    symmetric: true,
    pluralVerb: 'sign an agreement',
  },
  {
    type: 'deploy-forces',
    verb: 'deploys forces to',
    trigger: /\b(?:deploy(?:s|ed|ing|ment)?|moved|move|moves|sent|send|sends|dispatch(?:es|ed)?|left)\b/gi,
    requires: /\b(?:troops|soldiers|forces|personnel)\b/i,
    window: 60,
    around: true,
  },
  {
    type: 'test-weapon',
    verb: 'tests a weapon',
    trigger:
      /\b(?:(?:nuclear|missile|weapons?) test|(?:another|a new|new|seventh|first|sixth) (?:nuclear )?test)\b(?![- ]sites?)/gi,
  },
  { type: 'visit', verb: 'visits', trigger: /\b(?:visit(?:s|ed|ing)?|trip to)\b/gi },
  {
    type: 'meet',
    verb: 'meets',
    trigger: /\b(?:met|meet|meets|meeting|summit|held talks)\b/gi,
    symmetric: true,
    pluralVerb: 'meet',
  },
  {
    type: 'military-exercise',
    verb: 'holds exercises with',
    trigger: /\b(?:joint|military) exercises\b/gi,
    symmetric: true,
    pluralVerb: 'hold exercises',
  },
  {
    type: 'attack',
    verb: 'attacks',
    trigger: /\b(?:attack(?:s|ed|ing)?|shell(?:ed|ing)|sinking|invasion|invad(?:e|es|ed))\b/gi,
    excludes: /\banti-tank\b/i,
    noun: 'attack on',
  },
  {
    type: 'threaten',
    verb: 'threatens',
    trigger: /\b(?:threaten(?:s|ed|ing)?|provocations?|saber-rattling)\b/gi,
  },
  { type: 'sanction', verb: 'sanctions', trigger: /\bsanction(?:s|ed|ing)?\b/gi, noun: 'sanctions on' },
  { type: 'accuse', verb: 'accuses', trigger: /\b(?:accus(?:e|es|ed|ing)|charged that)\b/gi, speech: true },
  {
    type: 'criticize',
    verb: 'denounces',
    trigger: /\b(?:denounc(?:e|es|ed|ing)|condemn(?:s|ed|ing)?)\b/gi,
    speech: true,
  },
  { type: 'warn', verb: 'warns', trigger: /\bwarn(?:s|ed|ing)?\b/gi, speech: true },
  {
    type: 'consult',
    verb: 'consults',
    trigger: /\b(?:consult(?:s|ed|ing)|discuss(?:es|ed|ing)?)\b/gi,
    symmetric: true,
    pluralVerb: 'consult',
  },
  {
    type: 'prepare',
    verb: 'prepares',
    trigger: /\bprepar(?:e|es|ed|ing|ations)\b/gi,
    // Only preparations for a military act count ("preparing for war", "preparations for another test").
    requires:
      /^\s+(?:(?:for|to)\s+)(?:\w+\s+){0,3}?(?:war|invasion|offensive|attack|strike|launch|test|deployment|combat|exercises|visit|summit)\b/i,
    window: 60,
  },
];

/**
 * The PLOVER categories as types of their own, for the events the CAMEO verb patterns find
 * (verb-patterns.ts); their triggers are the dictionary's, not a pattern here.
 */
const PLOVER_VERBS: [string, string, Partial<EventType>?][] = [
  ['AGREE', 'agrees with'],
  ['CONSULT', 'consults', { symmetric: true, pluralVerb: 'consult' }],
  ['SUPPORT', 'supports'],
  ['COOPERATE', 'cooperates with'],
  ['AID', 'aids'],
  ['CONCEDE', 'concedes to'],
  ['RETREAT', 'retreats from'],
  ['REQUEST', 'asks', { speech: true }],
  ['ACCUSE', 'accuses', { speech: true }],
  ['REJECT', 'rejects'],
  ['THREATEN', 'threatens'],
  ['PROTEST', 'protests against'],
  ['MOBILIZE', 'mobilizes'],
  ['SANCTION', 'sanctions', { noun: 'sanctions on' }],
  ['COERCE', 'coerces', { noun: 'coercion of' }],
  ['ASSAULT', 'attacks', { noun: 'attack on' }],
];

export const PLOVER_TYPES: EventType[] = PLOVER_VERBS.map(([category, verb, more]) => ({
  type: category.toLowerCase(),
  verb,
  trigger: /(?!)/g,
  ...more,
}));

export function eventType(type: string): EventType | undefined {
  return EVENT_TYPES.find((t) => t.type === type) ?? PLOVER_TYPES.find((t) => t.type === type);
}

/**
 * The PLOVER category of each type above (docs/decisions/0030-events.md, "PLOVER"): the present
 * types are finer modes of PLOVER categories, mapped as the CAMEO2PLOVER 2021 table maps the CAMEO
 * codes they correspond to (sign-agreement is CAMEO 057 → SUPPORT; meet and visit 04x → CONSULT).
 */
export const PLOVER_OF_TYPE: Record<string, string> = {
  'transfer-technology': 'COOPERATE',
  'supply-weapons': 'AID',
  'supply-aid': 'AID',
  'sign-agreement': 'SUPPORT',
  'deploy-forces': 'MOBILIZE',
  'test-weapon': 'MOBILIZE',
  visit: 'CONSULT',
  meet: 'CONSULT',
  'military-exercise': 'MOBILIZE',
  attack: 'ASSAULT',
  threaten: 'THREATEN',
  sanction: 'SANCTION',
  accuse: 'ACCUSE',
  criticize: 'ACCUSE',
  warn: 'THREATEN',
  consult: 'CONSULT',
  prepare: 'MOBILIZE',
};

/** The PLOVER category of an event: its own, else its type's. */
export function ploverCategoryOf(e: { type: string; category?: string }): string | undefined {
  return (
    e.category ?? PLOVER_OF_TYPE[e.type] ?? PLOVER_TYPES.find((t) => t.type === e.type)?.type.toUpperCase()
  );
}
