// Lines a site's template prints with every story that are no part of it, and that Readability
// keeps for sitting in the story's block: a views counter ("Просмотров: 1 204", "1,234 views", a
// recipe card's "4.9 from 41 reviews") and
// a link back to the list ("← Back to list", 1C-Bitrix's "Возврат к списку"), a text-to-speech
// player's label, duration and credit ("Listen to this article", "Produced by ElevenLabs and News
// Over Audio (NOA) using AI narration"), and an academic's disclosure statement under the story
// (The Conversation's "Disclosure statement: … receives funding from …"), and a line asking the
// reader to follow the site on a channel ("Follow us on Google News") or to download its app.
// Each is told by its shape and words, in the languages of most feeds, and tested on every element
// of a page: a cheap test of its first letters comes first. And the post's tags on a line of
// their own ("Tagged: towpath"), links the blog marks rel="tag".
import { firstText, holdsMoreTextThan, linkedLength, TEXT_NODE, textLength } from './page-walk';

/** A counter is a line of a label and a number: nothing longer. */
const COUNTER_TEXT = 40;
/** How a counter opens: a digit or its label's first letters. */
const COUNTER_OPENING = /^\s*(?:\d|просм|перегл|views?\b|aufrufe|gelesen|vues|lectures|visuali|visitas|letture|wyświetl|zobrazen|görüntül|閲覧|阅读|浏览|조회|댓글|комментар|comments?\b|kommentare|commentaires|comentarios|commenti|yorum|コメント|评论|評論)/i;
/** The counts a story's header or footer shows: its views, likes, and its comments ("댓글 3",
 *  "12 comments", "Комментарии: 5"), the thread's size, which the reader shows in its own place. */
const VIEWS_WORDS = String.raw`просмотр(?:ов|ы|а)?|переглядів|перегляди|views?|aufrufe|gelesen|vues|lectures|visualizaciones|visitas|visualizzazioni|letture|wyświetle(?:ń|nia)|zobrazení|görüntülenme|閲覧数|阅读(?:量|数)?|浏览(?:量|数|次数)?|조회수?|likes?|댓글|комментари(?:ев|и|я|й)|comments?|kommentare|commentaires|comentarios|commenti|yorum(?:lar)?|コメント|评论|評論`;
/** The word for "items" Japanese, Korean and Chinese set after a count ("コメント42件", "댓글 3개"). */
const COUNT_WORD = String.raw`(?:\s?[件개건条條次])?`;
/** A recipe card's average rating and its count ("4.9 from 41 reviews", "4.86 from 37 votes",
 *  "4.5 out of 5 (212 ratings)"): the readers' tally of the day, as a views counter is. */
const RATING = String.raw`\d(?:[.,]\d{1,2})?\s*(?:from|out of 5\s*\(?)\s*[\d\s.,]+\s*(?:reviews?|votes?|ratings?)\)?`;
/** "Просмотров: 1 204", "Views: 1,234", "1.2K views", "阅读 1234"; a forum post's "3 Likes"; a rating. */
const VIEWS_LINE = new RegExp(String.raw`^(?:(?:${VIEWS_WORDS})\s*[:：]?\s*[\d\s.,]+[kKmM]?${COUNT_WORD}|[\d\s.,]+[kKmM]?\s*(?:${VIEWS_WORDS})|${RATING})$`, 'iu');

/** A line that only counts the story's views: a short text alone (p, div, span, li); a <span> in
 *  a paragraph is a part of its sentence. */
export function isViewsCounter(element: Element): boolean {
  const first = firstText(element);
  if (first === null || !COUNTER_OPENING.test(first) || holdsMoreTextThan(element, COUNTER_TEXT)) return false;
  const text = normalized(element);
  if (!isCounterText(text) && !(BARE_COUNT.test(text) && VIEWS_NAME.test(element.getAttribute('class') ?? ''))) return false;
  return element.localName !== 'span' || !element.parentElement?.closest('p');
}

/** A number alone, its label an icon the page draws ("<span class="statistic__item m-views">1834</span>"):
 *  a counter when its name says what it counts. */
const BARE_COUNT = /^[\d\s.,]+[kKmM]?$/;
const VIEWS_NAME = /views?\b|view-?count|hits\b|просмотр/i;

/** A line's text that only counts something (VIEWS_LINE): "1,234 views", "댓글12". */
export function isCounterText(text: string): boolean {
  return text.length <= COUNTER_TEXT && VIEWS_LINE.test(text);
}

/** A link back to a list is a label: nothing longer. */
const BACK_TEXT = 50;
const BACK_OPENING = /^\s*(?:[←‹«<]|back|назад|возврат|вернуться|zurück|retour|volver|torna|powrót|zpět)/i;
/** "← Back to list", "Back to news", "Назад к списку", "Возврат к списку", "Zurück zur Übersicht". */
const BACK_LINE =
  /^[\s←‹«<-]*(?:back(?: to (?:the )?(?:list|news|overview|index|all (?:news|articles|posts|stories)|articles|posts|blog|top))?|назад(?: к (?:списку|новостям|разделу))?|возврат к (?:списку|новостям|разделу)|вернуться (?:к (?:списку|новостям|разделу)|назад)|zurück(?: zur (?:übersicht|liste|newsübersicht|startseite))?|retour(?: à la liste| aux actualités)?|volver(?: al listado| a noticias)?|torna (?:all'elenco|alle notizie)|powrót do listy|zpět na seznam)[\s→›»>]*$/i;

/** A line (p, div, li) that is one link back to the site's list of stories and nothing else. */
export function isBackToListLine(element: Element): boolean {
  const first = firstText(element);
  if (first === null || !BACK_OPENING.test(first) || holdsMoreTextThan(element, BACK_TEXT)) return false;
  const links = element.getElementsByTagName('a');
  if (links.length !== 1) return false;
  const text = normalized(element);
  return text === normalized(links[0]!) && BACK_LINE.test(text);
}

/** The most a tags line says besides its tags: a label ("Tags:", "Tagged:", "Schlagwörter:"). */
const TAGS_LABEL_TEXT = 20;
/** A line of tags is a line: a few dozen tags at most. */
const TAGS_LINE_TEXT = 300;

/** A line of the post's tags, each a link the blog marks rel="tag" (WordPress's, Ghost's and most
 *  themes'), after a short label at most: the blog's index of its posts, not the story's words. */
export function isTagsLine(element: Element): boolean {
  if (holdsMoreTextThan(element, TAGS_LINE_TEXT)) return false;
  const links = element.getElementsByTagName('a');
  if (links.length === 0) return false;
  let linked = 0;
  for (const link of links) {
    if (!/(?:^|\s)tag(?:\s|$)/i.test(link.getAttribute('rel') ?? '')) return false;
    linked += (link.textContent ?? '').replace(/\s+/g, '').length;
  }
  return textLength(element) - linked <= TAGS_LABEL_TEXT;
}

/** A player's label: a few words. */
const LISTEN_LABEL_TEXT = 40;
const LISTEN_OPENING = /^\s*(?:listen|hear|artikel|écouter|escuchar|ascolta|прослушать|слушать|ouvir|posłuchaj)/i;
/** "Listen to this article", "Listen to article", "Artikel anhören", "Écouter cet article". */
const LISTEN_LABEL =
  /^\s*(?:listen to (?:this|the) (?:article|story)|listen to article|hear this (?:article|story)|artikel (?:anhören|vorlesen lassen)|écouter (?:cet|l')\s?article|escuchar (?:este )?artículo|ascolta (?:l'|questo )\s?articolo|прослушать (?:статью|новость)|слушать статью|ouvir (?:este )?artigo|posłuchaj artykułu)\s*$/i;

/** An element whose only content is a text-to-speech player's label (LISTEN_LABEL). */
export function isListenLabel(element: Element): boolean {
  const only = element.firstChild;
  if (only === null || only !== element.lastChild || only.nodeType !== TEXT_NODE) return false;
  const text = (only as CharacterData).data;
  return text.length < LISTEN_LABEL_TEXT && LISTEN_OPENING.test(text) && LISTEN_LABEL.test(text);
}

/** What a player holds besides its label: a duration, a speed, a line crediting the voice. */
const PLAYER_TEXT = 250;
/** What a player never holds: the story's own blocks, and two paragraphs besides its label (a
 *  short story's). */
const NOT_PLAYER = 'h1, h2, h3, h4, h5, h6, figure, img, blockquote, article, main';
/** The one paragraph a player holds besides its label: its credit line ("Produced by ElevenLabs
 *  and News Over Audio (NOA) using AI narration", "Narrated by …", "Voiced by AI"). */
const PLAYER_CREDIT = /\b(?:narrat\w*|produced by|voiced by|read by|AI[- ]generated|text[- ]to[- ]speech|audio)\b/i;

/** Removes the player each label is in: the widest wrapper that holds no more than a player's words. */
export function removeListenPlayers(labels: readonly Element[]): void {
  for (const label of labels) {
    if (!label.isConnected) continue;
    let player: Element = label;
    for (let node = label.parentElement; node && node !== label.ownerDocument.body; node = node.parentElement) {
      if (holdsMoreTextThan(node, PLAYER_TEXT) || node.querySelector(NOT_PLAYER) || !onlyCreditBeside(node, label)) break;
      player = node;
    }
    player.remove();
  }
}

/** Whether the paragraphs in `node` other than the label's own are none, or the player's one credit line. */
function onlyCreditBeside(node: Element, label: Element): boolean {
  const others = [...node.getElementsByTagName('p')].filter((paragraph) => !paragraph.contains(label) && !label.contains(paragraph));
  return others.length === 0 || (others.length === 1 && PLAYER_CREDIT.test(others[0]!.textContent ?? ''));
}

/** The headings of a disclosure of the author's interests and funding under an academic's or a
 *  doctor's piece: The Conversation's "Disclosure statement", journals' "Competing interests". */
const DISCLOSURE_HEADING =
  /^(?:disclosure(?: statement)?|conflicts? of interests?|competing interests?|declarations? of interests?|funding disclosure|interessenkonflikte?|offenlegung|déclaration d['’]intérêts|conflicto de intereses)$/i;
/** A disclosure is a few sentences, never the article. */
const DISCLOSURE_TEXT = 1200;
const NOT_DISCLOSURE = 'h1, article, main, figure, img';

/** The block a disclosure heading (`heading` among the page's subheadings) opens, when it is a
 *  <div>, <section> or <aside> of a few sentences; null when the heading is none. */
export function disclosureBlock(heading: Element): Element | null {
  if (holdsMoreTextThan(heading, 40) || !DISCLOSURE_HEADING.test(normalized(heading))) return null;
  // The box it heads, not a section of the article that happens to be called so.
  const block = heading.parentElement;
  if (!block || block.firstElementChild !== heading || !['div', 'section', 'aside'].includes(block.localName)) return null;
  return holdsMoreTextThan(block, DISCLOSURE_TEXT) || block.querySelector(NOT_DISCLOSURE) ? null : block;
}

function normalized(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** How a line asking the reader to follow the site elsewhere opens ("Follow us on Google News",
 *  "Подписывайтесь на … в Telegram", Ukrainian "Підписуйтеся на наш Telegram", "Стежте за нами",
 *  Belarusian "Падпісвайцеся на наш Telegram", Bulgarian "Последвайте ни", "Folgen Sie uns auf …",
 *  "Suivez-nous sur …", Brazil's "Participe do canal do g1 no WhatsApp", Indonesia's "Simak
 *  breaking news … WhatsApp Channel", "Dapatkan update berita … Grup Telegram"), after the emoji sites often set before it ("📲"). */
const FOLLOW_US_START =
  /^[\s\p{Extended_Pictographic}\u{FE0F}]*(?:follow us|join (?:us|our)|subscribe to (?:us|our)|get (?:our|the latest)|folgen sie uns|abonnieren sie|suivez-nous|abonnez-vous|síguenos|suscríbete|seguici|siga-nos|siga (?:o|a|nosso|nossa) |participe d[oa] (?:canal|grupo|comunidade)|entre n[oa] (?:canal|grupo|comunidade)|volg ons|obserwuj nas|подписывайтесь|подпишитесь|читайте нас|следите за нами|присоединяйтесь|підписуйтес[ья]|підпишіться|стежте за нами|слідкуйте за нами|читайте нас|приєднуйтесь|долучайтеся|падпісвайцеся|падпішыцеся|сачыце за намі|чытайце нас|далучайцеся|абонирайте се|последвайте ни|пратите нас|запратите нас|sledujte nás|takip edin|simak (?:breaking news|berita|informasi)|dapatkan (?:update|berita|informasi)|ikuti (?:kami|saluran|berita|update)|(?:ber)?gabung(?:lah)? (?:di|ke|dengan) )/iu;
/** Where the verb comes last (Bengali, Hindi, Turkish, Kazakh, Uzbek, Japanese, Korean), the ask
 *  ends the line: "… গুগল নিউজ চ্যানেল ফলো করুন", "… WhatsApp चैनल से जुड़ें", "… Google News üzerinden
 *  takip edin", "… Telegram арнамызға жазылыңыз". */
const FOLLOW_US_END = /(?:ফলো করুন|যুক্ত হোন|(?:फ़ॉलो|फॉलो) करें|से जुड़ें|takip edin|abone olun|жазылыңыз|жазылыңдар|қосылыңыз|obuna bo['ʻ’]ling|フォローしてください|팔로우하세요|구독하세요)[\s.!।]*$/u;
/** …and the channel it names: one of the platforms news sites send readers to. */
const FOLLOW_US_CHANNEL =
  /telegram|whatsapp|google news|дзен|dzen|vk\b|вконтакте|телеграм|telegram|viber|вайбер|фейсбук|інстаграм|инстаграм|ютуб|facebook|instagram|twitter|\bx\b|threads|bluesky|mastodon|youtube|tiktok|linkedin|newsletter|channel|canal|kanal|канал|চ্যানেল|গুগল নিউজ|चैनल|गूगल न्यूज़|チャンネル|채널/i;
/** A follow-us line is a line: a paragraph of the story about the site's channels says more. The
 *  channel's address spelled out in it ("https://www.whatsapp.com/channel/0029Va…") is no words. */
const FOLLOW_US_TEXT = 200;
const FOLLOW_US_WITH_ADDRESSES = 400;
const ADDRESS = /https?:\/\/\S+/g;

/** A paragraph (or a <div> of text alone) that asks the reader to follow the site on some
 *  channel: the site's, not the story's. */
export function isFollowUsLine(paragraph: Element): boolean {
  const first = firstText(paragraph);
  if (first === null || holdsMoreTextThan(paragraph, FOLLOW_US_WITH_ADDRESSES)) return false;
  const text = normalized(paragraph);
  if (!FOLLOW_US_START.test(first) && !FOLLOW_US_END.test(text)) return false;
  return text.replace(ADDRESS, '').length <= FOLLOW_US_TEXT && FOLLOW_US_CHANNEL.test(text);
}

/** What a site's invitation to its app says, in the languages of most feeds ("Download our app",
 *  Taiwanese and Chinese "點我下載APP", "下载APP", Japanese "アプリをダウンロード", Korean "앱 다운로드"). */
const APP_DOWNLOAD = /download (?:the|our) app|get (?:the|our) app|下[載载]\s?app|アプリ(?:を|の)?ダウンロード|앱\s?(?:을\s?)?다운로드|baixe (?:o|nosso) app|descarga (?:la|nuestra) app|unduh aplikasi|laden sie (?:die|unsere) app|téléchargez (?:l'|notre )app|скачайте (?:наше )?приложение/i;
/** Such a line is a line or two. */
const APP_PROMO_TEXT = 150;
/** And its words are links: the app's, the offer's, its rules'. */
const APP_PROMO_LINK_SHARE = 0.8;

/** A short paragraph of links inviting the reader to the site's app (APP_DOWNLOAD): the site's, not
 *  the story's; a sentence of the story about an app says more than its links. */
export function isAppPromoLine(paragraph: Element): boolean {
  if (firstText(paragraph) === null || holdsMoreTextThan(paragraph, APP_PROMO_TEXT)) return false;
  const text = normalized(paragraph);
  if (!APP_DOWNLOAD.test(text)) return false;
  const length = textLength(paragraph);
  return length > 0 && linkedLength(paragraph) >= length * APP_PROMO_LINK_SHARE;
}
