/** HTML pages composed for the extractor tests (kept in TS so the HTML linter leaves them as written). */

/** NewsArticle JSON-LD in an @graph (author and publisher by @id), nav, share bar, caption, related aside, newsletter box, footer. */
export const NEWS_ARTICLE_GRAPH = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour bridge reopens after storm repairs | The Coastal Ledger</title>
<link rel="canonical" href="https://ledger.example/news/2024/05/harbour-bridge-reopens">
<meta property="article:section" content="Local news">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"Organization","@id":"https://ledger.example/#org","name":"The Coastal Ledger"},
 {"@type":"Person","@id":"https://ledger.example/#/person/ana","name":"Ana Ribeiro"},
 {"@type":"WebPage","@id":"https://ledger.example/news/2024/05/harbour-bridge-reopens","name":"Harbour bridge reopens"},
 {"@type":"NewsArticle","headline":"Harbour bridge reopens after storm repairs",
  "author":[{"@id":"https://ledger.example/#/person/ana"},{"@type":"Person","name":"Tom Hale"}],
  "publisher":{"@id":"https://ledger.example/#org"},
  "datePublished":"2024-05-25T10:19:00+01:00",
  "mainEntityOfPage":{"@id":"https://ledger.example/news/2024/05/harbour-bridge-reopens"}}
]}
</script>
<script>window.dataLayer = [];</script>
<style>.x{color:red}</style>
</head>
<body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main>
<article>
<header>
<h1>Harbour bridge reopens after storm repairs</h1>
<p class="byline">By Ana Ribeiro and Tom Hale</p>
</header>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<div class="article-body">
<p>The harbour bridge reopened to traffic on Saturday morning, six weeks after a winter storm tore away part of its eastern span and forced the council to close it.</p>
<p>Engineers worked through the night to finish resurfacing the deck, and the first buses crossed shortly after seven o'clock, the council said in a statement.</p>
<figure><img src="bridge.jpg" alt=""><figcaption>The eastern span during repairs in April.</figcaption></figure>
<p>Repairs cost £4.2 million, about a third more than first estimated, because divers found corrosion in two of the supporting piers that had not been visible from the surface.</p>
<aside class="related-stories"><h3>Related</h3><ul><li><a href="/a">Storm damage bill rises</a></li><li><a href="/b">Ferry timetable extended</a></li></ul></aside>
<p>"We are grateful for the patience of everyone who had to take the long way round," said the council leader, Maria Costa, who thanked the crews for working in difficult conditions.</p>
<div class="newsletter-signup"><p>Get the Ledger's morning briefing in your inbox every weekday.</p><button>Sign up</button></div>
<p>A weight limit of 18 tonnes will stay in place until a final inspection in June, after which lorries will again be allowed to use the crossing.</p>
</div>
</article>
</main>
<footer><p>© 2024 The Coastal Ledger. All rights reserved.</p><p><a href="/privacy">Privacy policy</a></p></footer>
</body>
</html>
`;

/** OpenGraph and meta tags only, a URL article:author, broken JSON-LD, an advertising label inside the story. */
export const OPENGRAPH_ONLY = `<!doctype html>
<html>
<head>
<title>Wheat prices climb as exports stall - Farm Wire</title>
<meta property="og:title" content="Wheat prices climb as exports stall | Farm Wire">
<meta property="og:site_name" content="Farm Wire">
<meta property="og:url" content="https://farmwire.example/markets/wheat-prices-climb">
<meta property="og:locale" content="en_US">
<meta property="article:published_time" content="2024-03-02">
<meta property="article:author" content="https://farmwire.example/staff/lee">
<meta name="author" content="Jordan Lee">
<meta property="article:section" content="Markets">
<script type="application/ld+json">{ "@type": "NewsArticle", "headline": broken json </script>
</head>
<body>
<div id="page">
<h1 class="headline">Wheat prices climb as exports stall</h1>
<div class="story">
<p>Wheat futures rose for a third straight session on Friday as shipments from the main export terminals slowed to their lowest level since the autumn.</p>
<p>Traders said buyers were holding back while freight rates stayed high, and several cargoes due to leave this week have been pushed into next month.</p>
<p>Advertisement</p>
<p>Analysts expect prices to stay firm until the spring planting figures are published, though a mild winter has so far left the crop in good condition.</p>
</div>
</div>
</body>
</html>
`;

/** The page wrapper is aria-hidden behind an open cookie dialog, so Readability sees only the dialog. */
export const READABILITY_MISSES = `<html lang="en"><head><title>Council approves new cycle lanes</title></head>
<body>
<div id="cookie-consent" role="dialog"><p>We use cookies to improve your experience. <a href="/cookies">Manage preferences</a></p><button>Accept all</button></div>
<div id="site" aria-hidden="true">
<div class="menu"><a href="/">Home</a> <a href="/city">City</a></div>
<div class="story-text">
<h2>Council approves new cycle lanes</h2>
<span>The city council voted on Tuesday to build eleven kilometres of protected cycle lanes along the ring road, the largest such project in the city so far.</span><br><br>
<span>Construction is due to start in September and will be carried out in four phases so that at least one lane of traffic stays open in each direction.</span><br><br>
<span>Opponents argued that the money would be better spent on repairing existing roads, but the motion passed by twenty-one votes to fourteen.</span>
</div>
</div>
</body></html>
`;

/** A German page with no lang attribute and no meta tags; the <title> carries the site name. */
export const GERMAN_NO_LANG = `<html><head><title>Hochwasser: Pegel am Rhein sinkt wieder – Rheinische Rundschau</title></head><body>
<h1>Hochwasser: Pegel am Rhein sinkt wieder</h1>
<div class="inhalt">
<p>Nach tagelangem Regen ist der Wasserstand des Rheins bei Köln am Mittwoch erstmals wieder gesunken. Die Stadt hob einen Teil der Sperrungen am Ufer auf.</p>
<p>Die Feuerwehr warnte dennoch davor, die überfluteten Wiesen zu betreten, weil die Strömung dort weiterhin gefährlich sei und Treibgut mitgeführt werde.</p>
<p>Für das Wochenende erwarten die Meteorologen trockeneres Wetter, sodass sich die Lage weiter entspannen dürfte.</p>
</div>
</body></html>
`;

/** Unclosed <h1>, <p> and <div>, mis-nested <b><i>, no closing </head>. */
export const MALFORMED = `<html><head><title>Port strike ends</title><body>
<div class="content"><h1>Port strike ends
<p>Dock workers voted to end a nine-day strike on Thursday after the port operator agreed to a pay rise of six percent over two years.
<p>The stoppage had left more than forty ships waiting at anchor outside the harbour, and some shipping lines had begun diverting cargo to other ports.
<p><b>Unloading resumed <i>within hours</b></i> of the vote, the union said.
<div><span>Union officials said they would meet the operator again next year
</body>
`;
