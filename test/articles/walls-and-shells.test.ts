// Pages that stand in for the article: a "please enable JavaScript" page, the shell of a
// client-rendered Next.js site (its article in the app's data, its HTML a skeleton beside the
// site's legal notice), a cookie-consent wall in the reader's language. Each must leave the
// person the feed's own text and the note that says why, never the wall's words as the article;
// and the story a shell keeps in its data is the article. Through a real sync, then through
// prepareArticle (the sync's own path) for each language's wall.
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { prepareArticle } from '../../electron/core/articles';
import { rssFeed } from '../support/hostile-sync';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const HEADLINE = 'Council backs weekend rail expansion';
const SUMMARY = 'The city council approved a plan on Tuesday that runs trains on the downtown line every ten minutes on Saturdays and Sundays.';
const PARAGRAPHS = [
  'The city council voted nine to four on Tuesday to run trains on the downtown line every ten minutes on Saturdays and Sundays, starting in June.',
  'Weekend riders have waited up to half an hour for a train since the service cuts of 2020, and the transit agency says weekend ridership has since fallen by a third.',
  'The expansion will cost 4.2 million dollars a year, paid from the parking levy that the council raised last autumn, and needs eleven more drivers.',
  'Critics on the council said the money would do more on the bus routes of the east side, where most riders have no car and the buses are full on Saturdays.',
  'The agency will publish the new timetable in May, and the first trains on the new schedule will run on the first weekend of June.',
];
// A publisher's legal blurb, as long as a story's opening: what extraction finds in a shell.
const LEGAL = `<div class="site-legal"><p>Metro Daily is published by Metro Daily Media Group LLC. Our journalism is made possible by readers like you. Content on this site is for personal, non-commercial use only and may not be reproduced, distributed, transmitted, cached or otherwise used, except with the prior written permission of Metro Daily Media Group. By using this site you agree to our terms of service, which include binding arbitration and a class action waiver. We use cookies and similar technologies to deliver, measure and improve our services, to personalize content and advertising, and to provide social media features. You can manage your preferences at any time from the Privacy settings link at the bottom of every page.</p><p>Newsroom tips: tips@metrodaily.example. Corrections: corrections@metrodaily.example. Customer service hours are Monday through Friday, 8 a.m. to 5 p.m., and weekends from 9 a.m. to noon.</p></div>`;
const LEGAL_WORDS = 'binding arbitration';

/** A Next.js page whose article the browser renders from __NEXT_DATA__: a skeleton in <main>. */
function nextShell(pageProps: unknown): string {
  const data = { props: { pageProps }, page: '/news/[slug]', query: { slug: 'weekend-rail' }, buildId: 'k2H8xv0aQ', isFallback: false, gssp: true, scriptLoader: [] };
  return `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width"/><title>${HEADLINE} | Metro Daily</title><meta property="og:title" content="${HEADLINE}"/><meta property="og:type" content="article"/><meta property="og:image" content="https://cdn.metrodaily.example/images/weekend-rail-1600.jpg"/><link rel="preload" href="/_next/static/chunks/pages/_app-5c1e3c3f.js" as="script"/><noscript data-n-css=""></noscript></head>
<body><div id="__next"><div class="layout"><div class="topbar"><a href="/">Metro Daily</a> <a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></div><main><div class="article-skeleton"><div class="sk-line"></div><div class="sk-line"></div><div class="sk-line"></div></div></main>${LEGAL}</div></div>
<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script><script src="/_next/static/chunks/main-app-1b2c3d.js" async=""></script></body></html>`;
}

const related = [
  { id: 'a-17', headline: 'Bus drivers vote on new contract', dek: 'The union will announce the result of the ballot on Friday morning at its hall.', slug: 'bus-drivers-vote' },
  { id: 'a-18', headline: 'Bridge closes for repairs', dek: 'The east bridge will be closed to cars for six weeks from Monday, the city said.', slug: 'bridge-closes' },
];
// The shapes CMSs give the body: blocks of {type, text}, and one string of HTML.
const blocks = { article: { id: 'a-16', headline: HEADLINE, body: PARAGRAPHS.flatMap((text, i) => [{ type: 'paragraph', text }, ...(i === 1 ? [{ type: 'image', url: 'https://cdn.metrodaily.example/images/platform.jpg', caption: null }] : [])]) }, related };
const htmlBody = { story: { title: HEADLINE, content: { html: PARAGRAPHS.map((text) => `<p>${text}</p>`).join('\n') } }, related };
// A shell whose data holds where the page sits and the site's menus, not the article.
const noArticle = { section: { name: 'News', slug: 'news' }, related, menu: [{ label: 'News', href: '/news' }, { label: 'Politics', href: '/politics' }] };

const enableJavaScript = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Metro Daily</title></head><body><noscript><div class="nojs"><h1>Please enable JavaScript</h1><p>Metro Daily requires JavaScript to display this article. Please enable JavaScript in your browser settings and reload the page. If you continue to see this message, contact our customer support team, who are available seven days a week.</p></div></noscript><div class="app-root"><p>Please enable JavaScript to continue reading this article on Metro Daily. Our site uses modern browser features to provide the best reading experience. If you are using a browser extension that blocks scripts, please add metrodaily.example to its allowlist and reload this page.</p></div><script src="/static/js/main.4f2a91.js"></script></body></html>`;

/** A consent platform's page, as a sync without cookies gets it in the EU. */
function consentWall(lang: string, heading: string, text: string, accept: string, reject: string): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${heading}</title></head><body><div class="consent-page"><h2>${heading}</h2><p>${text}</p>
<form method="post" action="/consent"><button type="submit" class="btn btn-primary" name="accept" value="1"><span class="btn-label">${accept}</span></button><button type="submit" class="btn" name="reject" value="1">${reject}</button></form></div></body></html>`;
}
const germanWall = consentWall('de', 'Wir brauchen Ihre Zustimmung', 'Wir und unsere 214 Partner speichern und/oder greifen auf Informationen auf einem Gerät zu, wie z. B. Cookies, und verarbeiten personenbezogene Daten für personalisierte Anzeigen und Inhalte, Anzeigen- und Inhaltsmessung sowie Erkenntnisse über Zielgruppen. Sie können auf „Alle akzeptieren“ klicken, um der Verarbeitung zuzustimmen, oder Ihre Einwilligung verweigern. Sie können Ihre Einstellungen jederzeit ändern.', 'Alle akzeptieren', 'Alle ablehnen');

const SCRIPT_NOTE = "the page shows its text only with JavaScript; showing the feed's content";
const CONSENT_NOTE = "the site showed a cookie consent page instead of the article; showing the feed's content";

describe('a sync meeting walls and app shells', () => {
  let server: TestServer | undefined;
  let core: PaperboyCore | undefined;
  afterEach(async () => {
    await core?.close();
    await server?.stop();
    removeTempDirs();
  });

  it("keeps the feed's text with the reason for each wall, and takes a shell's article from its data", async () => {
    server = await TestServer.start();
    const pages: Record<string, string> = {
      'Shell with its article in its data': nextShell(blocks),
      'Shell with nothing of its article': nextShell(noArticle),
      'Enable JavaScript page': enableJavaScript,
      'German cookie wall': germanWall,
    };
    const items = Object.entries(pages).map(([title, page], i) => {
      server!.serve(`/news/${i}`, { body: page, type: 'text/html; charset=utf-8' });
      return `<item><title>${title}</title><guid>story-${i}</guid><link>${server!.url(`/news/${i}`)}</link><description>${SUMMARY}</description></item>`;
    });
    server.serve('/feed.xml', { type: 'application/rss+xml', body: rssFeed('Metro Daily', items) });
    core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
    await core.api.addFeed(server.url('/feed.xml'));
    expect(await core.api.sync()).toMatchObject({ articlesFetched: 4, cancelled: false });
    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const shown = async (title: string) => (await core!.api.getArticle(articles.find((article) => article.title === title)!.id))!;

    const fromData = await shown('Shell with its article in its data');
    expect(fromData).toMatchObject({ contentSource: 'page', fullTextError: null });
    expect(fromData.html.match(/<p>/g)).toHaveLength(PARAGRAPHS.length);
    expect(fromData.html).toContain(PARAGRAPHS[4]);
    expect(fromData.html).not.toContain(LEGAL_WORDS);

    for (const [title, note] of [['Shell with nothing of its article', SCRIPT_NOTE], ['Enable JavaScript page', SCRIPT_NOTE], ['German cookie wall', CONSENT_NOTE]]) {
      const article = await shown(title!);
      expect({ title, source: article.contentSource, note: article.fullTextError }).toEqual({ title, source: 'feed', note });
      expect(article.html).toBe(SUMMARY);
    }
  }, 30_000);
});

const URL = 'https://www.metrodaily.example/news/weekend-rail';
const stored = (pageHtml: string, feedHtml = `<p>${SUMMARY}</p>`) => prepareArticle({ pageHtml, pageUrl: URL, feedHtml, feedItemUrl: URL });

describe("a client-rendered shell's article in its __NEXT_DATA__", () => {
  it.each([['blocks of text', blocks], ['one string of HTML', htmlBody]])('is read from %s, paragraph by paragraph, with the page\'s picture as lead image', (_shape, pageProps) => {
    const article = stored(nextShell(pageProps));
    expect(article.source).toBe('page');
    expect(article.extractionNote).toBeNull();
    expect(article.html.match(/<p>/g)).toHaveLength(PARAGRAPHS.length);
    expect(article.text).toMatch(/^The city council voted nine to four/);
    expect(article.text).not.toContain('Bus drivers vote');
    expect(article.text).not.toContain(LEGAL_WORDS);
    expect(article.leadImageUrl).toBe('https://cdn.metrodaily.example/images/weekend-rail-1600.jpg');
  });

  it("is not taken over a full-text feed that says as much, with the feed's pictures", () => {
    const feed = `${PARAGRAPHS.map((text) => `<p>${text}</p>`).join('')}<img src="https://cdn.metrodaily.example/images/platform.jpg">`;
    const article = stored(nextShell(blocks), feed);
    expect(article.source).toBe('feed');
    expect(article.extractionNote).toBeNull();
    expect(article.imageUrls).toEqual(['https://cdn.metrodaily.example/images/platform.jpg']);
  });

  it('is not one of the other stories it lists', () => {
    const article = stored(nextShell({ ...noArticle, related: [...related, ...related.map((story) => ({ ...story, dek: `${story.dek} ${story.dek}` }))] }));
    expect(article.source).toBe('feed');
    expect(article.extractionNote).toBe(SCRIPT_NOTE);
  });
});

describe('a page that is the story is kept', () => {
  // A Next.js site that renders on the server: the article in the HTML (and only there), the
  // app's data beside it.
  const ssr = (title: string, paragraphs: readonly string[]) => nextShell(noArticle)
    .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
    .replace(/<main>.*?<\/main>/, `<main><article><h1>${HEADLINE}</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('')}</article></main>`)
    .replace(LEGAL, '<footer><p>© 2024 Metro Daily Media Group</p></footer>');

  it('a short story whose page also carries its app data', () => {
    const article = stored(ssr(`${HEADLINE} | Metro Daily`, PARAGRAPHS.slice(0, 2)));
    expect(article.source).toBe('page');
    expect(article.text).toMatch(/^The city council voted nine to four/);
  });

  it("a story whose <title> is the site's name, under a feed that gives every item its tagline", () => {
    const article = stored(ssr('Metro Daily', PARAGRAPHS), '<p>News, sport and weather for the metro region since 1921.</p>');
    expect(article.source).toBe('page');
    expect(article.extractionNote).toBeNull();
  });
});

describe('a cookie consent wall in the reader\'s language', () => {
  it.each([
    ['de', germanWall],
    ['fr', consentWall('fr', 'Vos choix de confidentialité', 'Nous et nos 842 partenaires stockons et/ou accédons à des informations sur un appareil, telles que des cookies, et traitons des données personnelles. Vous pouvez donner votre consentement en cliquant sur « Accepter & Fermer » ou le refuser.', 'Accepter &amp; Fermer', 'Continuer sans accepter')],
    ['es', consentWall('es', 'Tu privacidad es importante', 'Nosotros y nuestros socios almacenamos o accedemos a información en un dispositivo, como cookies, y tratamos datos personales con tu consentimiento.', 'Aceptar todo', 'Rechazar todo')],
    ['it', consentWall('it', 'Il rispetto della tua privacy è la nostra priorità', 'Noi e i nostri partner utilizziamo cookie e tecnologie simili per archiviare informazioni sul dispositivo, con il tuo consenso.', 'Accetta e chiudi', 'Rifiuta tutto')],
    ['nl', consentWall('nl', 'Wij vragen uw toestemming', 'Wij en onze partners gebruiken cookies en verwerken persoonsgegevens, zoals unieke id-codes, met uw toestemming.', 'Akkoord', 'Alles weigeren')],
    ['pt', consentWall('pt', 'A sua privacidade', 'Nós e os nossos parceiros armazenamos informações num dispositivo, como cookies, com o seu consentimento.', 'Aceitar tudo', 'Rejeitar tudo')],
    ['pl', consentWall('pl', 'Twoja prywatność', 'My i nasi partnerzy przechowujemy informacje na urządzeniu, takie jak pliki cookie, za Twoją zgodą.', 'Zaakceptuj wszystko', 'Odrzuć wszystko')],
    ['sv', consentWall('sv', 'Vi värnar om din integritet', 'Vi och våra partner lagrar information på en enhet, till exempel cookies, med ditt samtycke.', 'Godkänn alla', 'Avvisa alla')],
    ['da', consentWall('da', 'Vi værdsætter dit privatliv', 'Vi og vores partnere gemmer oplysninger på en enhed, såsom cookies, med dit samtykke.', 'Acceptér alle', 'Afvis alle')],
  ])('is not taken for the article (%s)', (_lang, wall) => {
    const article = stored(wall);
    expect(article.source).toBe('feed');
    expect(article.text).toBe(SUMMARY);
    expect(article.extractionNote).toBe(CONSENT_NOTE);
  });

  // A short story about the walls themselves, naming their buttons in bold and in quotes, on a
  // page whose own controls are a search and a newsletter form.
  const story = (lang: string, title: string, paragraphs: readonly string[]) => `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body><header><a href="/">Metro Daily</a><form action="/search"><input type="search" name="q"><button type="submit">Search</button></form></header><main><article><h1>${title}</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('')}</article></main><aside class="newsletter"><form action="/newsletter"><input type="email" name="email"><button type="submit">Sign up</button></form></aside></body></html>`;

  it.each([
    ['en', story('en', 'Regulator orders a "Reject all" button beside "Accept all"', [
      'The data protection regulator ruled on Tuesday that cookie consent banners must offer a <strong>Reject all</strong> button as large as the one to <strong>Accept all</strong>, and on the first screen.',
      'Sites and their advertising partners have until September to comply. Banners that make the reader click through three screens to refuse will be fined, the regulator said.',
    ]), '<p>Cookie banners must let readers refuse as easily as they accept, the regulator ruled.</p>'],
    ['de', story('de', 'Behörde verlangt „Alle ablehnen“ neben „Alle akzeptieren“', [
      'Die Datenschutzbehörde hat am Dienstag entschieden, dass Cookie-Banner eine Schaltfläche <b>Alle ablehnen</b> so groß wie <b>Alle akzeptieren</b> anbieten müssen, damit die Einwilligung freiwillig bleibt.',
      'Websites und ihre Werbepartner haben bis September Zeit. Banner, bei denen man drei Seiten durchklicken muss, um abzulehnen, werden mit Bußgeldern belegt.',
    ]), '<p>Cookie-Banner müssen das Ablehnen so leicht machen wie das Zustimmen, entschied die Behörde.</p>'],
  ])('leaves a short story about them to be read, whose text names their buttons (%s)', (_lang, page, feed) => {
    const article = stored(page, feed);
    expect(article.source).toBe('page');
    expect(article.extractionNote).toBeNull();
  });
});

describe('a "please enable JavaScript" page', () => {
  it("whose <title> is the site's name keeps the feed's text, and says why", () => {
    const article = stored(enableJavaScript);
    expect(article.source).toBe('feed');
    expect(article.text).toBe(SUMMARY);
    expect(article.extractionNote).toBe(SCRIPT_NOTE);
  });

  it('whose <title> is the headline says why too', () => {
    const article = stored(enableJavaScript.replace('<title>Metro Daily</title>', `<title>${HEADLINE} | Metro Daily</title>`));
    expect(article.source).toBe('feed');
    expect(article.extractionNote).toBe(SCRIPT_NOTE);
  });
});
