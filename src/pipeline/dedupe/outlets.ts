/**
 * News outlets and agencies Sitrep recognises when an article cites them, with the spellings that
 * name them. Aliases are matched case-sensitively on word boundaries; an alias that is also an
 * everyday word ("Time", "Guardian" alone, "Times" alone) is left out on purpose.
 */
export const OUTLETS: ReadonlyArray<{ name: string; aliases: readonly string[] }> = [
  { name: 'NBC News', aliases: ['NBC News', 'NBC'] },
  { name: 'CNN', aliases: ['CNN'] },
  { name: 'Reuters', aliases: ['Reuters'] },
  { name: 'Associated Press', aliases: ['Associated Press', 'AP'] },
  { name: 'AFP', aliases: ['Agence France-Presse', 'Agence France Presse', 'AFP'] },
  { name: 'Yonhap', aliases: ['Yonhap News Agency', 'Yonhap'] },
  { name: 'KCNA', aliases: ['Korean Central News Agency', 'KCNA'] },
  { name: 'TASS', aliases: ['TASS', 'Tass'] },
  { name: 'BBC', aliases: ['BBC News', 'BBC'] },
  { name: 'Politico Europe', aliases: ['Politico Europe', 'POLITICO Europe'] },
  { name: 'Politico', aliases: ['Politico', 'POLITICO'] },
  { name: 'The New York Times', aliases: ['The New York Times', 'New York Times', 'NYT'] },
  { name: 'The Washington Post', aliases: ['The Washington Post', 'Washington Post', 'WaPo'] },
  { name: 'The Wall Street Journal', aliases: ['The Wall Street Journal', 'Wall Street Journal', 'WSJ'] },
  { name: 'Bloomberg', aliases: ['Bloomberg News', 'Bloomberg'] },
  { name: 'Fox News', aliases: ['Fox News'] },
  { name: 'CBS News', aliases: ['CBS News', 'CBS'] },
  { name: 'ABC News', aliases: ['ABC News', 'ABC'] },
  { name: 'CNBC', aliases: ['CNBC'] },
  { name: 'MSNBC', aliases: ['MSNBC'] },
  { name: 'NPR', aliases: ['NPR'] },
  { name: 'Al Jazeera', aliases: ['Al Jazeera', 'Al-Jazeera'] },
  { name: 'Kyodo', aliases: ['Kyodo News', 'Kyodo'] },
  { name: 'NHK', aliases: ['NHK'] },
  { name: 'RIA Novosti', aliases: ['RIA Novosti', 'RIA'] },
  { name: 'Interfax', aliases: ['Interfax-Ukraine', 'Interfax'] },
  { name: 'Xinhua', aliases: ['Xinhua News Agency', 'Xinhua'] },
  { name: 'The Guardian', aliases: ['The Guardian'] },
  { name: 'Financial Times', aliases: ['Financial Times', 'FT'] },
  { name: 'The Economist', aliases: ['The Economist'] },
  { name: 'Axios', aliases: ['Axios'] },
  { name: 'Sky News', aliases: ['Sky News'] },
  { name: 'Deutsche Welle', aliases: ['Deutsche Welle', 'DW'] },
  { name: 'Voice of America', aliases: ['Voice of America', 'VOA'] },
  { name: 'Radio Free Asia', aliases: ['Radio Free Asia', 'RFA'] },
  { name: 'Radio Free Europe/Radio Liberty', aliases: ['Radio Free Europe/Radio Liberty', 'RFE/RL'] },
  { name: 'NK News', aliases: ['NK News'] },
  { name: 'Daily NK', aliases: ['Daily NK'] },
  { name: 'The Korea Herald', aliases: ['The Korea Herald', 'Korea Herald'] },
  { name: 'The Korea Times', aliases: ['The Korea Times', 'Korea Times'] },
  { name: 'JoongAng Ilbo', aliases: ['Korea JoongAng Daily', 'JoongAng Ilbo'] },
  { name: 'Chosun Ilbo', aliases: ['Chosun Ilbo'] },
  { name: 'Nikkei', aliases: ['Nikkei Asia', 'Nikkei'] },
  { name: 'Asahi Shimbun', aliases: ['Asahi Shimbun'] },
  { name: 'South China Morning Post', aliases: ['South China Morning Post', 'SCMP'] },
  { name: 'Kyiv Independent', aliases: ['The Kyiv Independent', 'Kyiv Independent'] },
  { name: 'Ukrainska Pravda', aliases: ['Ukrainska Pravda'] },
  { name: 'Ukrinform', aliases: ['Ukrinform'] },
  { name: 'Meduza', aliases: ['Meduza'] },
  { name: 'Kommersant', aliases: ['Kommersant'] },
  { name: 'Izvestia', aliases: ['Izvestia'] },
  { name: 'RT', aliases: ['Russia Today', 'RT'] },
  { name: 'Sputnik', aliases: ['Sputnik'] },
  { name: 'The Hill', aliases: ['The Hill'] },
  { name: 'USA Today', aliases: ['USA Today', 'USA TODAY'] },
  { name: 'Los Angeles Times', aliases: ['Los Angeles Times', 'LA Times'] },
  { name: 'Newsweek', aliases: ['Newsweek'] },
  { name: 'The Telegraph', aliases: ['The Telegraph', 'The Daily Telegraph'] },
  { name: 'The Independent', aliases: ['The Independent'] },
  { name: 'Daily Mail', aliases: ['Daily Mail', 'MailOnline'] },
  { name: 'New York Post', aliases: ['New York Post', 'NY Post'] },
  { name: 'Le Monde', aliases: ['Le Monde'] },
  { name: 'Der Spiegel', aliases: ['Der Spiegel', 'Spiegel'] },
  { name: 'EFE', aliases: ['EFE'] },
  { name: 'ANSA', aliases: ['ANSA'] },
  { name: 'dpa', aliases: ['Deutsche Presse-Agentur', 'dpa', 'DPA'] },
  { name: 'Anadolu Agency', aliases: ['Anadolu Agency', 'Anadolu'] },
  { name: 'Semafor', aliases: ['Semafor'] },
  { name: 'ProPublica', aliases: ['ProPublica'] },
];

const BY_ALIAS = new Map<string, string>();
for (const outlet of OUTLETS) for (const alias of outlet.aliases) BY_ALIAS.set(alias, outlet.name);

/** The canonical name of an outlet alias ("NBC" → "NBC News"), or undefined when it is not one. */
export function normaliseOutlet(name: string): string | undefined {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  return (
    BY_ALIAS.get(trimmed) ??
    BY_ALIAS.get(trimmed.replace(/^the /i, 'The ')) ??
    BY_ALIAS.get(trimmed.replace(/^The /, ''))
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One alternation of every alias, longest first, on word boundaries. */
export const OUTLET_PATTERN: string = `(?<![\\p{L}\\p{N}])(?:${[...BY_ALIAS.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|')})(?![\\p{L}\\p{N}])`;
