/**
 * Curated, dated world knowledge for publication-date inference (data, not code): well-known events
 * and periods an article may mention without a date, and office-holders named by their current title.
 * Each entry is matched per sentence; `dates` lists every occurrence the pattern could mean (the
 * relative words around the mention — "In July", "last October", "this year" — pick among them).
 * Extend freely: an entry must be a public, well-dated fact.
 */
export interface AnchorEvent {
  id: string;
  label: string;
  /** ISO dates at day or month precision; several when the phrase is ambiguous. */
  dates: string[];
  pattern: RegExp;
  /** 'event': a dated happening; 'period': a start ("two years into the war"); 'tenure': an office held from…to. */
  kind: 'event' | 'period' | 'tenure';
  /** For tenures: the last month the title was held ('open' when still held). */
  until?: string;
}

export const ANCHOR_EVENTS: AnchorEvent[] = [
  {
    id: 'russia-invades-ukraine',
    label: 'Russia’s full-scale invasion of Ukraine (24 Feb 2022)',
    dates: ['2022-02-24'],
    pattern:
      /\b(?:invasion of Ukraine|war (?:in|against|on) Ukraine|conflict in Ukraine|Ukraine war|war in Ukraine)\b/i,
    kind: 'period',
  },
  {
    id: 'israel-hamas-war',
    label: 'the Israel–Hamas war (from 7 Oct 2023)',
    dates: ['2023-10-07'],
    pattern: /\bIsrael[- –]Hamas war\b|\bwar between Israel and Hamas\b|\bOctober 7(?:th)? attack/i,
    kind: 'period',
  },
  {
    id: 'washington-declaration',
    label: 'the US–South Korea Washington Declaration (26 Apr 2023)',
    dates: ['2023-04-26'],
    pattern: /\bWashington Declaration\b/,
    kind: 'event',
  },
  {
    id: 'putin-visits-pyongyang',
    label: 'Putin’s visit to Pyongyang (19 Jun 2024)',
    dates: ['2024-06-19'],
    pattern: /\bPutin\b[^.]*\bvisit\w*\b[^.]*\b(?:North Korea|Pyongyang)\b/,
    kind: 'event',
  },
  {
    id: 'russia-dprk-treaty',
    label: 'the Russia–North Korea mutual-assistance treaty (19 Jun 2024)',
    dates: ['2024-06-19'],
    pattern: /\bmutual[- ]assistance\b[^.]*|\bComprehensive Strategic Partnership\b/i,
    kind: 'event',
  },
  {
    id: 'cheonan-sinking',
    label: 'the sinking of the ROKS Cheonan (26 Mar 2010)',
    dates: ['2010-03-26'],
    pattern: /\bCheonan\b/,
    kind: 'event',
  },
  {
    id: 'yeonpyeong-shelling',
    label: 'the shelling of Yeonpyeong island (23 Nov 2010)',
    dates: ['2010-11-23'],
    pattern: /\bYeonpyeong\b/,
    kind: 'event',
  },
  {
    id: 'biden-presidency',
    label: 'Joe Biden as sitting US president (20 Jan 2021 – 20 Jan 2025)',
    dates: ['2021-01'],
    until: '2025-01',
    pattern: /\b(?:President (?:Joe )?Biden|Biden administration)\b/,
    kind: 'tenure',
  },
  {
    id: 'trump-former-president',
    label: 'Donald Trump as former president (20 Jan 2021 – 20 Jan 2025)',
    dates: ['2021-01'],
    until: '2025-01',
    pattern: /\bformer President (?:Donald )?Trump\b/,
    kind: 'tenure',
  },
  {
    id: 'blinken-secretary',
    label: 'Antony Blinken as US Secretary of State (Jan 2021 – Jan 2025)',
    dates: ['2021-01'],
    until: '2025-01',
    pattern: /\bSecretary (?:of State )?(?:Antony )?Blinken\b/,
    kind: 'tenure',
  },
  {
    id: 'shoigu-defence-minister',
    label: 'Sergei Shoigu as Russian defence minister (Nov 2012 – May 2024)',
    dates: ['2012-11'],
    until: '2024-05',
    pattern: /\bDefen[cs]e Minister (?:Sergei )?Shoigu\b/,
    kind: 'tenure',
  },
  {
    id: 'austin-defense-secretary',
    label: 'Lloyd Austin as US Defense Secretary (Jan 2021 – Jan 2025)',
    dates: ['2021-01'],
    until: '2025-01',
    pattern: /\bDefen[cs]e Secretary (?:Lloyd )?Austin\b/,
    kind: 'tenure',
  },
  {
    id: 'park-jin-foreign-minister',
    label: 'Park Jin as South Korean foreign minister (May 2022 – Jan 2024)',
    dates: ['2022-05'],
    until: '2024-01',
    pattern: /\bForeign Minister Park(?: Jin)?\b|\bPark Jin\b/,
    kind: 'tenure',
  },
];
