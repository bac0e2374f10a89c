/**
 * Word lists for the capitalization and context patterns: titles and roles that introduce a
 * person's name, given names, head nouns that type a name (organisation, place, facility, other),
 * and capitalized words that are not names on their own. Compiled by hand; given names are the
 * most frequent forenames in English-language news across regions. MIT.
 */

/** Titles and roles (lower-case; matched case-insensitively as whole-word sequences). */
export const TITLES = `
president, vice president, president-elect, prime minister, deputy prime minister, premier, chancellor,
king, queen, crown prince, prince, princess, emir, sultan, sheikh, supreme leader, leader, dictator,
foreign minister, defense minister, defence minister, interior minister, finance minister,
economy minister, energy minister, justice minister, trade minister, unification minister,
minister of defense, minister of defence, minister of foreign affairs, minister, deputy minister,
secretary of state, secretary of defense, defense secretary, defence secretary, foreign secretary,
home secretary, treasury secretary, press secretary, secretary-general, secretary general, secretary,
undersecretary, under secretary, deputy secretary, assistant secretary, national security adviser,
national security advisor, security adviser, adviser, advisor, spokesman, spokeswoman, spokesperson,
ambassador, envoy, special envoy, special representative, high representative, foreign policy chief,
chief of staff, chief, commander, commander-in-chief, general, gen., lt. gen., maj. gen., brig. gen.,
lieutenant general, major general, brigadier general, admiral, adm., vice admiral, rear admiral,
colonel, col., lieutenant colonel, lt. col., major, maj., captain, capt., lieutenant, lt., sergeant, sgt.,
marshal, field marshal, senator, sen., rep., representative, congressman, congresswoman, governor, gov.,
mayor, lawmaker, legislator, speaker, chairman, chairwoman, chairperson, chair, director,
director general, director-general, deputy director, head, chief executive, ceo, founder, analyst,
expert, researcher, professor, prof., dr., mr., mrs., ms., pope, ayatollah, cardinal, archbishop, judge,
prosecutor, chief prosecutor, attorney general, counterpart, diplomat, journalist, correspondent,
reporter, editor, columnist, author, coach, manager, striker, midfielder, defender, goalkeeper, forward,
winger, player, champion, driver, rider, batsman, bowler, skipper, opener, seed, veteran, compatriot,
team-mate, teammate, rival, opponent, premier league, commissioner, ombudsman, inspector general, warlord,
militant leader, rebel leader, opposition leader, junta leader, strongman, commentator, scholar, fellow,
senior fellow, vice chairman, deputy leader, deputy chief, deputy commander, army chief, military chief
`;

/** Modifiers that may precede a title and stay part of the stated role. */
export const ROLE_MODIFIERS = [
  'former',
  'acting',
  'deputy',
  'senior',
  'interim',
  'then',
  'then-',
  'late',
  'new',
];

/** Titles after which a comma may separate the name ("his counterpart, Park Jin"). */
export const APPOSITIVE_TITLES = ['counterpart', 'spokesman', 'spokeswoman', 'spokesperson', 'analyst'];

/** Titles that introduce a person but are not worth keeping as a role. */
export const NON_ROLE_TITLES = [
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'counterpart',
  'compatriot',
  'rival',
  'opponent',
];

export const FACILITY_HEADS = `
facility, facilities, cosmodrome, spaceport, base, airbase, air base, naval base, airport, airfield,
port, seaport, harbor, harbour, shipyard, plant, power plant, reactor, site, test site, complex, dam,
bridge, pipeline, refinery, mine, prison, camp, hospital, embassy, consulate, palace, tunnel, launch pad,
launching station, station, center, centre, stadium, headquarters
`;
/** Surnames written first (East Asian order): "Park Jin", "Kim Yo-jong" — the back-reference is the first word. */
export const FAMILY_FIRST_SURNAMES = `
Kim Lee Park Choi Jung Jeong Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Jeon Ko
Moon Yang Son Bae Baek Heo Nam Noh Ha Kwak Sung Cha Choe Ri Pak Jon Ryu Wang Li Zhang Liu Chen Yang Huang
Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Xi Gao Luo Zheng Liang Xie Tang Deng Feng Dong Qin Nguyen Tran Pham
Le Hoang Vo Dang Bui Do Ngo Duong Hun
`;

/** Capitalized words that are not names by themselves (checked before any capitalization rule). */
export const NON_NAME_WORDS = `
I A An The This That These Those There Here It Its He She His Her They Their We Our You Your My Me Us
Them Who What When Where Why How Which Whose Whom If In On At By For From To Of With Without And But Or
Nor So Yet As After Before During Since Until While Although Though Because Despite Regarding According
Also Still However Meanwhile Moreover Furthermore Therefore Thus Earlier Later Now Then Today Tonight
Yesterday Tomorrow Some Many Most Several Both Each Every Another Other Such No Not Only Even Just Citing
Experts Officials Analysts Observers Allies Concerns Factories Critics Sources Residents Soldiers Troops
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Mr Mrs Ms Dr Sir Madam President Vice Prime Minister Ministers Secretary Minister Chancellor King Queen
Prince General Admiral Colonel Senator Governor Mayor Ambassador Chairman Director Chief Commander
Spokesman Spokeswoman Leader Foreign Defense Defence Interior Finance Justice Deputy Former Acting Senior
State Government Administration Ministry Council Department Agency Army Navy Military Police Court
Alliance Parliament Congress Senate Federal National International Regional Republic Kingdom Empire
North South East West Northern Southern Eastern Western Central Upper Lower Greater New Old Great Grand
Source Sources Photo Photos Image Images Video Videos Read More Related Other News Breaking Update
Updated Live Watch Look Listen Share Send Print Email Comments Comment Reply Like Dislike Love Funny Angry
Sad Wow Subscribe Sign Login Register Home Menu Search Advertisement Sponsored Copyright Reuters-Style
Internet Web Online OK Yes No Please Thanks Thank Dear Hello Well Oh Yeah Indeed Indeed Perhaps Maybe
Original Article Articles Report Reports Statement Story Stories Opinion Analysis Editorial Feature
Christmas Easter Ramadan Eid Thanksgiving Halloween Spring Summer Autumn Fall Winter
Islamist Islamists Jihadist Jihadists Communist Communists Socialist Socialists Conservative Conservatives
Liberal Liberals Democrat Republican Nazi Nazis Marxist Fascist
`;
