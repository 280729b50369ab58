// A headline in a script other than Latin was kept as the first line of the stored text, under the
// reader's own title: Readability told a heading that repeats the title by its words, and found
// words in ASCII letters and digits only (patches/@mozilla+readability+0.6.0.patch).
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const PAGE_URL = 'https://news.example/2024/03/11/story/';

function stored(lang: string, title: string, site: string, paragraphs: readonly string[]) {
  // Each paragraph said twice: long enough for Readability to take the article whole, headline included.
  const body = paragraphs.map((paragraph) => `<p>${paragraph} ${paragraph}</p>`).join('\n');
  const html = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${title} | ${site}</title></head>
<body><header class="site-header"><a href="/">${site}</a></header><main><article class="story"><h1>${title}</h1>\n${body}</article></main></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
}

describe('a headline in another script is not repeated as the first line of the text', () => {
  it.each([
    ['Russian', 'ru', 'Библиотека открыла архив старых газет', 'Городские вести', [
      'Городская библиотека в понедельник открыла для читателей архив местных газет за сто лет, оцифрованный волонтёрами.',
      'По словам директора, в архиве более сорока тысяч номеров, и поиск по ним работает прямо с сайта библиотеки.',
      'Волонтёры сканировали подшивки два года, по выходным, в читальном зале на втором этаже.',
    ]],
    ['Greek', 'el', 'Η βιβλιοθήκη άνοιξε το αρχείο των παλιών εφημερίδων', 'Τα Νέα της Πόλης', [
      'Η δημοτική βιβλιοθήκη άνοιξε τη Δευτέρα στο κοινό το αρχείο των τοπικών εφημερίδων εκατό ετών.',
      'Σύμφωνα με τη διευθύντρια, το αρχείο έχει πάνω από σαράντα χιλιάδες φύλλα, και η αναζήτηση γίνεται από τον ιστότοπο.',
      'Οι εθελοντές σάρωναν τους τόμους για δύο χρόνια, κάθε Σαββατοκύριακο, στο αναγνωστήριο.',
    ]],
    ['Hebrew', 'he', 'הספרייה פתחה את ארכיון העיתונים הישנים', 'חדשות העיר', [
      'הספרייה העירונית פתחה ביום שני לקוראים את ארכיון העיתונים המקומיים של מאה שנה, שנסרק בידי מתנדבים.',
      'לדברי המנהלת, בארכיון יותר מארבעים אלף גיליונות, והחיפוש בהם פועל ישירות מאתר הספרייה.',
      'המתנדבים סרקו את הכרכים במשך שנתיים, בסופי שבוע, באולם הקריאה בקומה השנייה.',
    ]],
    ['Chinese', 'zh', '图书馆开放百年老报纸档案', '城市新闻', [
      '市图书馆周一向读者开放了由志愿者数字化的百年本地报纸档案。',
      '馆长表示，档案中有四万多期报纸，读者可以直接在图书馆网站上检索。',
      '志愿者们利用两年的周末时间，在二楼阅览室逐册扫描。',
    ]],
  ])('%s', (_language, lang, title, site, paragraphs) => {
    const article = stored(lang, title, site, paragraphs);
    expect(article.text.startsWith(paragraphs[0]!)).toBe(true);
    expect(article.text).not.toContain(title);
  });

  it('leaves out a German headline with its kicker (Dachzeile) inside it', () => {
    const title = 'Sanierung wird teurer und dauert bis 2026';
    const paragraphs = ['Die Sanierung des städtischen Hallenbads wird deutlich teurer als geplant, teilte die Stadtverwaltung am Montag mit.', 'Der Stadtrat soll im April über einen Nachtragshaushalt entscheiden, damit die Arbeiten nicht unterbrochen werden.'];
    const article = stored('de', title, 'Kurier', paragraphs);
    const withKicker = prepareArticle({
      pageHtml: `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>${title} | Kurier</title></head><body><main><article class="story"><h1><span class="headline__kicker">Nachtragshaushalt nötig</span> <span class="headline__title">${title}</span></h1>\n${paragraphs.map((p) => `<p>${p} ${p}</p>`).join('\n')}</article></main></body></html>`,
      pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL,
    });
    expect(article.text.startsWith(paragraphs[0]!)).toBe(true);
    expect(withKicker.text.startsWith(paragraphs[0]!)).toBe(true);
  });

  it("leaves out a German regional paper's kicker set above the headline, past its paid badge", () => {
    const title = 'Sanierung wird teurer und dauert bis 2026';
    const paragraphs = ['Die Sanierung des städtischen Hallenbads wird deutlich teurer als geplant, teilte die Stadtverwaltung am Montag mit.', 'Der Stadtrat soll im April über einen Nachtragshaushalt entscheiden, damit die Arbeiten nicht unterbrochen werden.'];
    const article = prepareArticle({
      pageHtml: `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>${title} | Anzeiger</title></head><body><main><article class="article"><header class="article__header"><span class="article__plus-badge">A+</span><p class="article__kicker">Ludwigshafen</p><h1 class="article__headline">${title}</h1><p class="article__intro">Die Sanierung des Hallenbads kostet 2,4 Millionen Euro mehr als geplant. Ob das Bad wie angekündigt im Mai 2025 öffnet, ist offen.</p></header><div class="article__body">\n${paragraphs.map((p) => `<p>${p} ${p}</p>`).join('\n')}</div></article></main></body></html>`,
      pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL,
    });
    expect(article.text).toContain(paragraphs[0]);
    expect(article.text).not.toContain('Ludwigshafen');
  });

  it('keeps a heading in the text that only shares some of the title\'s words', () => {
    const article = stored('ru', 'Библиотека открыла архив старых газет', 'Городские вести', [
      'Городская библиотека в понедельник открыла для читателей архив местных газет за сто лет, оцифрованный волонтёрами.',
      'По словам директора, в архиве более сорока тысяч номеров, и поиск по ним работает прямо с сайта библиотеки.',
    ].map((p, i) => (i === 1 ? `</p><h2>Как искать в архиве газет</h2><p>${p}` : p)));
    expect(article.text).toContain('Как искать в архиве газет');
  });
});
