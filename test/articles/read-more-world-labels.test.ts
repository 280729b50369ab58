// The "read also" lines between a story's paragraphs, in the languages read-more-world-labels.ts
// adds: each line (a label and a link to another story) goes from the stored copy, and a sentence
// of the story that opens with the same words stays. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const PAGE_URL = 'https://news.example/2024/10/03/story/';

function storedText(lang: string, paragraphs: readonly string[], line: string): string {
  const body = [paragraphs[0], line, ...paragraphs.slice(1)].map((paragraph) => (paragraph!.startsWith('<') ? paragraph : `<p>${paragraph}</p>`)).join('\n');
  const html = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Story</title></head>
<body><header class="site-header"><a href="/">News</a><nav><ul><li><a href="/a/">Politics</a></li><li><a href="/b/">Sport</a></li></ul></nav></header>
<main><article><h1>Story</h1><div class="article-body">${body}</div></article></main><footer class="site-footer"><p>Contact</p></footer></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL }).text;
}

/** Three paragraphs of a story: Readability needs a story around the line. */
const story = (sentence: string) => [sentence, `${sentence} ${sentence}`, `${sentence} ${sentence} ${sentence}`];
const link = (title: string) => `<a href="https://news.example/2024/09/20/other-story/">${title}</a>`;

describe('"read also" lines in more languages', () => {
  it.each([
    ['el', 'Οι συρμοί θα κινούνται ανά τέσσερα λεπτά στις ώρες αιχμής, σύμφωνα με την εταιρεία.', `<p><strong>ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ: ${link('Πέντε εβδομάδες μετά, 80.000 επιβάτες την ημέρα')}</strong></p>`],
    ['ms', 'Rapid Rail menambah empat tren pada waktu puncak pagi dan petang mulai Isnin ini.', `<p><strong>BACA: ${link('Tambang percuma dilanjutkan hingga Disember')}</strong></p>`],
    ['sv', 'Trafikverket förlänger avtalet för nattåget mellan Stockholm och Narvik till 2027.', `<p><strong>LÄS MER: </strong>${link('Ny urspårning på Malmbanan')}</p>`],
    ['sw', 'Treni zitaondoka kila baada ya saa mbili kuanzia saa 12 asubuhi hadi saa 2 usiku.', `<p><strong>Soma zaidi:</strong> ${link('Nauli mpya za SGR zatangazwa')}</p>`],
    ['ta', 'சென்னை மாநகரப் போக்குவரத்துக் கழகம் டிசம்பர் முதல் மேலும் 120 மின்சார பேருந்துகளை இயக்க உள்ளது.', `<p><strong>இதையும் படிக்க:</strong> ${link('மெட்ரோ இரண்டாம் கட்டம்: சோதனை ஓட்டம்')}</p>`],
    ['th', 'กรุงเทพมหานครเปิดทางเดินริมคลองช่วงใหม่ ระยะทาง 1.2 กิโลเมตร เชื่อมกับทางเดินเดิม', `<p><strong>อ่านข่าว :</strong> ${link('กทม.ปลูกต้นไม้ริมคลอง 500 ต้น')}</p>`],
    ['uk', 'У Львові на маршрут вийшов перший електробус, зібраний на місцевому заводі.', `<p><strong>Дивіться також: ${link('Як Львів відновлює трамвайну мережу')}</strong></p>`],
    ['ro', 'Biletul unic va costa 5 lei și va fi valabil 90 de minute de la prima validare.', `<p><strong>Vezi și: </strong>${link('Benzi dedicate pentru autobuze spre Florești')}</p>`],
    ['hu', 'Jövő márciusban indul újra a budapesti fogaskerekű, jelentette be hétfőn a BKK.', `<p><strong>Kapcsolódó:</strong> ${link('Svájcban készülnek az új fogaskerekűk')}</p>`],
  ])('%s: the line goes, the story stays', (lang, sentence, line) => {
    const text = storedText(lang, story(sentence), line);
    const title = /<a [^>]+>([^<]+)<\/a>/.exec(line)![1]!;
    expect(text).not.toContain(title);
    expect(text.split(sentence).length - 1).toBe(6);
  });

  it('keeps a sentence of the story that opens with the same words', () => {
    const sentence = 'Дивіться також на карту нових маршрутів, яку оприлюднила міська рада: зупинки електробусів позначені на ній зеленим кольором, а зарядні станції – синім.';
    const text = storedText('uk', story('У Львові на маршрут вийшов перший електробус, зібраний на місцевому заводі.'), `<p>${sentence.replace('міська рада', '<a href="https://city.example/map/">міська рада</a>')}</p>`);
    expect(text).toContain(sentence);
  });
});
