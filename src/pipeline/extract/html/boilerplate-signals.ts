import type { RemovalReason } from '../../../core/article.ts';
import { attr, type DomElement } from './dom.ts';

/** Why an element looks like page furniture rather than article text. */
export interface Signal {
  reason: RemovalReason;
  rule: string;
}

const TAG_SIGNALS: Record<string, Signal> = {
  nav: { reason: 'navigation', rule: '<nav> element' },
  footer: { reason: 'legal', rule: '<footer> element' },
  aside: { reason: 'related-links', rule: '<aside> element' },
  figcaption: { reason: 'caption', rule: '<figcaption> element' },
  button: { reason: 'boilerplate', rule: '<button> element' },
  select: { reason: 'boilerplate', rule: '<select> element' },
};

const ROLE_SIGNALS: Record<string, RemovalReason> = {
  navigation: 'navigation',
  menubar: 'navigation',
  menu: 'navigation',
  search: 'navigation',
  banner: 'navigation',
  contentinfo: 'legal',
  complementary: 'related-links',
  dialog: 'boilerplate',
  alertdialog: 'boilerplate',
};

/**
 * Class/id token patterns, most specific first. Tokens are the class and id split on
 * non-alphanumerics; each pattern must match a whole token.
 */
const TOKEN_SIGNALS: Array<[RegExp, RemovalReason]> = [
  [/^(cookies?|cookiebanner|consent|gdpr|cmp)$|cookie/, 'cookie-notice'],
  [/newsletter|^(subscribe|signup|optin|mailinglist)$/, 'newsletter'],
  [/^(comments?|commentlist|commentform|disqus|discussion|respond)$|disqus/, 'comments'],
  [
    /^(share|shares|sharing|sharebar|sharetools|social|socials|socialshare|addthis|sharethis|sharer)$/,
    'share-widget',
  ],
  [
    /^(share|social)(buttons?|icons?|links?|bar|box|tools|media|wrap|wrapper|container|list)$/,
    'share-widget',
  ],
  [
    /^(ad|ads|adv|advert|adverts|advertisement|advertising|adslot|adunit|adsense|adwrap|adbox|dfp|gpt|sponsored|sponsor)$/,
    'advertisement',
  ],
  [
    /^(related|relatedposts|recommended|recommendations|outbrain|taboola|trending|popular|mostread|mostpopular|morestories|readmore|readnext|upnext|teasers?|sidebar)$/,
    'related-links',
  ],
  [/^related|^recommend|outbrain|taboola/, 'related-links'],
  [/^(tags|taglist|tagcloud|topics|keywords)$/, 'related-links'],
  [/^(caption|captions|wpcaptiontext|imagecaption|figcaption)$/, 'caption'],
  [/^(credit|credits|photocredit|imagecredit|copyright)$/, 'credit'],
  [/^(authorbio|bio|aboutauthor|authorinfo|authorbox)$/, 'author-bio'],
  [/^(byline|bylines|author|authors|writer)$/, 'byline'],
  [
    /^(breadcrumbs?|nav|navbar|navigation|menu|submenu|skiplink|skip|pagination|pager|masthead|topbar)$/,
    'navigation',
  ],
  [/^(footer|legal|disclaimer|terms|privacy)$/, 'legal'],
  [/^(promo|promotion|cta|paywall|subscribeprompt)$/, 'promo'],
  [/^(hidden|sronly|visuallyhidden|screenreadertext|printonly)$/, 'boilerplate'],
];

const TOKEN_SPLIT = /[^a-z0-9]+/;

/** The main column's name in a layout wrapper's class or id. */
const LAYOUT_MAIN = /^(content|main|primary)$/;

/** Embedded posts (tweets, Instagram) are quoted content, not share widgets. */
const EMBED = /embed|tweet|instagram/;

/** The signal an element carries by itself (tag, role, class/id), or null. */
export function elementSignal(element: DomElement, tag: string): Signal | null {
  const byTag = TAG_SIGNALS[tag];
  if (byTag) return byTag;
  const role = attr(element, 'role');
  const roleReason = role ? ROLE_SIGNALS[role] : undefined;
  const byRole = roleReason ? { reason: roleReason, rule: `role="${role}"` } : null;
  const cls = attr(element, 'class');
  const id = attr(element, 'id');
  if (!cls && !id) return byRole;
  for (const [name, value] of [
    ['class', cls],
    ['id', id],
  ] as const) {
    if (!value) continue;
    for (const raw of value.split(/\s+/)) {
      const token = raw.replace(/[^a-z0-9]/g, '');
      if (EMBED.test(token)) continue;
      const parts = raw.split(TOKEN_SPLIT);
      // A layout wrapper named for the content beside its sidebar ("content-sidebar-wrap",
      // "sidebar-content": WordPress themes' page layouts) holds the article, not a sidebar.
      if (parts.includes('sidebar') && parts.some((part) => LAYOUT_MAIN.test(part))) continue;
      for (const [pattern, reason] of TOKEN_SIGNALS) {
        if (pattern.test(token) || parts.some((part) => part !== token && pattern.test(part))) {
          return { reason, rule: `${name} "${raw}"` };
        }
      }
    }
  }
  return byRole;
}
