/**
 * Lexical cues of page furniture, shared by the rules. Whole-line patterns are anchored;
 * every list names a kind of widget, never a particular outlet.
 */

/** Whole-line share-toolbar items that are widgets on their own. */
export const SHARE_STRONG =
  /^(?:share(?: this)?(?: (?:article|story|page|post))?|share (?:on|via|to) \S+(?: \S+)?|tweet|facebook|twitter|whatsapp|linkedin|pinterest|reddit|flipboard|messenger|telegram|copy link|copy url|link copied|share on x|gift (?:this )?article|listen to (?:this )?(?:article|story)|font size|text size|a a)(?:\s*\(?\d+\)?)?:?$/i;

/** Whole-line toolbar words that are widgets only next to another toolbar item or at the very top. */
export const SHARE_WEAK =
  /^(?:from|send to|send|to|email|e-mail|mail|print|save|bookmark|x|listen|comment|comments|more|copy|sms)(?:\s*\(?\d+\)?)?:?$/i;

export const NAVIGATION =
  /^(?:skip to (?:main )?(?:content|navigation)|menu|main menu|search|home|sign in|log in|login|register|my account|subscribe|toggle navigation|open menu|close|back to top|go to top|next article|previous article|next story|previous story)$/i;

/** Breadcrumbs: "Home > World > Asia". */
export const BREADCRUMB = /^[\p{L}][\p{L}&' -]{0,30}(?:\s+[>›»/|]\s+[\p{L}][\p{L}&' -]{0,30}){1,5}$/u;

export const COOKIE_SENTENCE = /\bcookies?\b/i;
export const COOKIE_CONTEXT =
  /\b(?:we use|this (?:site|website) uses|uses cookies|accept|consent|privacy|preferences|browsing|experience|partners)\b/i;
export const COOKIE_BUTTON =
  /^(?:accept(?: all)?(?: cookies)?|reject(?: all)?(?: cookies)?|decline|allow all|agree|i agree|i accept|got it|ok|okay|manage (?:preferences|cookies|options|settings)|cookie (?:settings|preferences|policy)|more options|learn more)$/i;

export const COMMENT_COUNTER =
  /^(?:(?:💬|👍|👁|❤️?)?\s*[\d.,]+[kKM]?\s*(?:comments?|replies|shares?|views?|reads?|likes?|reactions?)?\s*[|·•]?\s*)+$/u;
export const COMMENT_COUNTER_LABEL = /^(?:comments?|shares?|views?)\s*[:(]?\s*[\d.,]+[kKM]?\s*\)?$/i;

export const READING_TIME =
  /^(?:(?:reading time|read time)\s*:?\s*)?\d+\s*(?:-\s*\d+\s*)?(?:min(?:ute)?s?|m)(?:\s+(?:read|to read|reading time))?$/i;

export const ADVERTISEMENT =
  /^(?:advertisements?|advertising|ad|ads|sponsored|sponsored content|paid content|paid post|promoted|partner content|(?:story|article) continues (?:below|after) (?:this )?(?:advertisement|ad)|continue reading (?:below|the main story)|scroll (?:down )?to continue(?: with content)?|content continues below|remove ads|ad feedback)$/i;

export const NEWSLETTER_STRONG =
  /\b(?:newsletters?|your inbox|in your inbox|email address|e-mail address|by signing up|unsubscribe at any time|sign up (?:for|to) (?:our|the)|subscribe to (?:our|the) (?:daily|weekly|free)?\s*(?:email|briefing|digest))\b/i;
export const NEWSLETTER_BUTTON =
  /^(?:sign up|sign me up|subscribe|subscribe now|enter your email|your email|email)$/i;
export const IMPERATIVE_START =
  /^(?:sign up|subscribe|get|join|enter|receive|don['’]t miss|never miss|stay informed|want more)/i;

export const PLATFORMS =
  /\b(?:Telegram|Viber|WhatsApp|YouTube|Facebook|Instagram|TikTok|Twitter|Google News|Threads|Bluesky|Signal)\b/;
export const PLUG_CUE = /\b(?:our|us)\b|^(?:follow|subscribe|join|read|get|find)\b/i;

export const RELATED_HEADING =
  /^(?:(?:other|more|latest|top|related|recommended|popular|trending|similar|featured|further|most (?:read|popular|viewed|shared))(?: news| stories| articles| reads| topics| content| coverage| posts| videos| links)?|related|related topics|recommended for you|you (?:may|might) also (?:like|be interested in)|more (?:from|on|in|about) .{1,40}|more on this (?:story|topic)|read (?:more|next|also)|also read|see also|don['’]t miss|editor['’]?s picks|in other news|up next|watch next|what to read next|around the web|from around the web|elsewhere on .{1,30}|top stories|must read|keep reading|explore more(?: on (?:these|this) topics?)?|more about this story)\s*:?$/i;

/** Inline pointer to another story: "Read more: …", "RELATED: …". */
export const RELATED_INLINE =
  /^(?:read (?:more|also|next)|also read|related|see also|more|watch|listen)\s*[:|»›-]\s*\S/i;

export const REACTION_HEADING =
  /^(?:what['’]?s|what is) your reaction\??$|^(?:your |reader )?reactions?:?$|^how (?:do|did) you feel about this(?: article| story)?\??$|^rate this (?:article|story)$/i;
export const REACTION_WORD =
  /^(?:like|likes|dislike|love|funny|haha|angry|sad|wow|happy|surprised|shocked|confused|inspired|excited|upvote|downvote|care|thumbs up|thumbs down|(?:👍|👎|❤️?|😂|😮|😢|😡|😍)+)(?:\s*[\d.,]+[kKM]?)?$/iu;

export const COMMENTS_HEADING =
  /^(?:\d+\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?:?$|^(?:join|start) the (?:conversation|discussion|debate)$|^leave a (?:comment|reply)$|^(?:add|post|write) a comment$|^(?:show|view|load|see) (?:all )?(?:\d+ )?comments$|^(?:conversation|discussion)$|^you must be logged in to (?:post a )?comment\.?$/i;

export const NOTICE =
  /^(?:this (?:article|story|page) is (?:more than|over) (?:\d+|a|an|one|two|three) (?:years?|months?|days?) old|this (?:article|story) (?:was|has been) (?:updated|corrected)\.?|(?:an? )?earlier version of this (?:article|story)[^.]*\.|(?:sensitive|graphic) content warning)$/i;

export const LEGAL =
  /(?:©|^\(c\)\s|^copyright\b|\bcopyright \d{4}|\ball rights reserved\b|\bmay not be (?:published|reproduced|redistributed|broadcast)|\bterms (?:of|and) (?:use|service|conditions)\b.*\bprivacy\b|^our standards\b|\btrust principles\b|^privacy policy$|^terms of (?:use|service)$|^reuse this content$|^(?:corrections|report an error|editorial (?:standards|guidelines))$)/i;

/** Labels of photo credits: "Photo: …", "Image source, …", "Photograph: …". */
export const CREDIT_LABEL =
  '(?:photo(?:graph)?s?|images?|image source|picture|pic|foto|credits?|photo credit|illustration|video|source|courtesy)';

/** Section names as sites print them next to bylines and above headlines. */
export const SECTIONS = new Set(
  [
    'world',
    'world news',
    'politics',
    'business',
    'economy',
    'markets',
    'money',
    'tech',
    'technology',
    'science',
    'health',
    'sport',
    'sports',
    'culture',
    'arts',
    'entertainment',
    'opinion',
    'analysis',
    'lifestyle',
    'travel',
    'society',
    'europe',
    'asia',
    'asia-pacific',
    'asia pacific',
    'africa',
    'americas',
    'middle east',
    'us',
    'u.s.',
    'uk',
    'national',
    'international',
    'local',
    'news',
    'military',
    'defense',
    'defence',
    'war',
    'environment',
    'climate',
    'education',
    'crime',
    'weather',
    'food',
    'style',
    'media',
    'investigations',
    'diplomacy',
    'security',
    'nation',
    'global',
    'breaking news',
  ].map((s) => s.toLowerCase()),
);

/** Words of promotional copy (matched on upper-cased lines). */
export const PROMO_WORDS =
  /\b(?:COMING|WATCH|STREAM|STREAMING|LISTEN|SUBSCRIBE|JOIN|FREE|SALE|DEAL|DEALS|SHOP|BUY|ORDER|DOWNLOAD|TRY|EXCLUSIVE|PREMIERES?|AVAILABLE|TICKETS|PRE-?ORDER|CLICK|TAP|SIGN UP|LIMITED|PODCAST|APP|OFFER|MEMBERS|MEMBERSHIP|EPISODE|TONIGHT|SPONSORED|ONLY ON|NOW ON|GET)\b/;
export const PROMO_MIXED =
  /^(?:click here|tap here|download (?:the|our) app|get the (?:\S+ )?app|watch (?:live|now|the full)|listen (?:now|to (?:the|our) podcast)|subscribe (?:now|today)|try .{1,30} free|sponsored:|promoted:|shop now)/i;

export const SOURCE_STUB =
  /^[*•>\-–\s]*(?:source|sources|original(?: article| story| post)?|source link|via|read (?:the )?(?:original|full) (?:article|story)(?: (?:here|at .{1,40}))?|read more at .{1,40}|cached|archived)\s*:?\s*$/i;

/** Occupations that mark a contributor note: "Jane Doe is a reporter at …". */
export const JOURNALIST =
  /\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|bureau chief|freelance|covers)\b/i;
