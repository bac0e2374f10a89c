/** Word lists for attribution: cue verbs, source heads, titles. Lower-cased. */

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Verbs of saying: they introduce content before or after them ("X said that…", "…, X said"). */
export const SPEECH_CUES = words(`
  say says said saying tell tells told add adds added warn warns warned state states stated
  report reports reported note notes noted explain explains explained claim claims claimed
  announce announces announced confirm confirms confirmed insist insists insisted argue argues argued
  deny denies denied admit admits admitted acknowledge acknowledges acknowledged write writes wrote
  ask asks asked reply replies replied respond responds responded stress stresses stressed
  emphasize emphasizes emphasized declare declares declared caution cautions cautioned reveal reveals
  revealed disclose discloses disclosed tweet tweets tweeted testify testifies testified continue
  continues continued recall recalls recalled predict predicts predicted concede concedes conceded
  complain complains complained allege alleges alleged charge charges charged accuse accuses accused
  suggest suggests suggested indicate indicates indicated hint hints hinted boast boasts boasted
  promise promises promised vow vows vowed pledge pledges pledged urge urges urged
  observe observes observed remark remarks remarked comment comments commented highlight highlights
  highlighted
  adding warning stating reporting noting explaining claiming announcing confirming insisting arguing
  denying admitting acknowledging writing asking replying responding stressing declaring tweeting
  testifying recalling predicting complaining alleging suggesting promising vowing urging telling
  demand demands demanded demanding shout shouts shouted shouting yell yells yelled yelling
  exclaim exclaims exclaimed scream screams screamed chant chants chanted chanting
  joke jokes joked joking quip quips quipped muse muses mused
`);

/** Verbs of belief or finding: a cue only when a clause follows ("officials believe (that) …"). */
export const BELIEF_CUES = words(`
  believe believes believed think thinks thought fear fears feared assess assesses assessed
  expect expects expected hope hopes hoped learn learns learned concluded conclude concludes
  estimate estimates estimated know knows knew understand understands understood
  concerned worried convinced consider considers considered hoping fearing expecting
`);

/** Cues that take the medium as object: "told NBC", "explains to Trade". */
export const TELL_CUES = words('tell tells told');

/** Words between a source and its cue ("officials have also said"). */
export const AUX = words(`
  has have had is are was were be been will would also previously repeatedly again further later
  earlier then increasingly reportedly publicly privately now already still just recently not do does did
  officially
`);

/**
 * Auxiliary verbs: no cue by themselves — "has" is inside a PolNeAR cue in 21 % of its uses, beside
 * the verb that says ("has said", "has called for") — so they alone do not make the tagger read a
 * sentence (docs/decisions/0043, fourth version).
 */
export const AUXILIARY_VERBS = words('has have had is are was were be been being will would do does did');

/** Heads of a common-noun source phrase ("a US intelligence official", "the report"). */
export const SOURCE_HEADS = words(`
  official officials spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen analyst analysts
  expert experts source sources report reports outlet broadcaster network newspaper paper agency ministry
  minister secretary president lawmaker lawmakers legislator legislators diplomat diplomats observer
  observers aide aides adviser advisers advisor advisors administration government military statement
  officer officers commander commanders leader leaders researcher researchers authorities senator
  senators governor campaign representative representatives critic critics supporter supporters witness
  witnesses resident residents people person study survey poll polls document documents voter voters chief
  director chair chairman chairwoman professor member members staff team group organization department
  office committee council intelligence army ambassador envoy counterpart prosecutor prosecutors
  investigator investigators police judge court company firm union operative operatives candidate nominee
  manager strategist strategists pollster pollsters economist economists scientist scientists author
  authors spokesperson insiders insider sheriff mayor founder ceo executive executives analysts
  officials activists activist observers democrats republicans nominee campaigners administrator
  attorney lawyer lawyers associate associates friend friends allies ally correspondent editor editors
  columnist website site magazine journal white house pentagon kremlin
`);

export const PRONOUNS = words('he she they it we i you');

/** Words that never belong to a source phrase: verbs, conjunctions, relative pronouns. */
export const NOT_IN_SOURCE = words(`
  that which who whom whose when while because if although though whether where as than so but or nor
  is are was were be been being has have had do does did will would can could may might must shall should
  not no there this these those here what why how after before since until during about into onto
  says said say told tells added warned reported
`);

/** Titles and role words stripped to find a person's name ("Foreign Minister Park" → "Park"). */
export const TITLES = words(`
  mr mr. mrs mrs. ms ms. dr dr. prof prof. gen gen. lt lt. col col. adm adm. sgt sgt. gov gov. sen sen.
  rep rep. amb amb. president vice deputy prime minister secretary foreign defense defence state
  general admiral colonel major captain senator governor ambassador chairman chairwoman director chief
  spokesman spokeswoman spokesperson analyst international senior former acting lieutenant commander
  pope king queen prince princess sheikh judge justice mayor speaker leader dictator premier chancellor
`);

/** Phrases that name an outlet by its role ("the outlet reported"): resolved to the nearest medium. */
export const MEDIA_ANAPHORS = words(`
  outlet broadcaster network newspaper paper report agency channel station publication magazine website
  daily
`);

export const TIME_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday today yesterday tonight recently earlier later
  last this week month year morning afternoon evening night
`);

/** Prepositions and conjunctions that open an adjunct after a cue ("told NBC of the exchanges"). */
export const ADJUNCT_OPENERS = words(`
  of during in at on after before while when from with about to at amid following as who which where
  under over via through ahead upon
`);
