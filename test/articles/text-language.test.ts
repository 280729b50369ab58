// An article's language when its page does not say it, or says English by its template's default:
// the reader draws a CJK text in its own language's glyph forms only when it knows the language.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const PAGE_URL = 'https://news.example/2024/03/11/story/';

function languageOf(htmlLang: string | null, paragraphs: readonly string[]): string | null {
  const body = paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
  const html = `<!DOCTYPE html><html${htmlLang ? ` lang="${htmlLang}"` : ''}><head><meta charset="utf-8"><title>Story</title></head><body><article>${body}</article></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL }).lang;
}

const CHINESE = ['长江十年禁渔进入第四年，武汉江段的江豚数量明显增加，市民在江边就能看到它们出水换气。', '渔政部门表示，禁渔以来江里的鱼变多了，江豚的食物也更充足，今年已经记录到多个母子群。'];
const JAPANESE = ['岐阜市の長良川で十一日、春の訪れを告げる鵜飼いの準備が始まった。鵜匠たちは舟の手入れをしながら、今年の開幕を待っている。', '市によると、今年は例年より多くの観光客が訪れる見込みで、予約はすでに昨年の二倍に達しているという。'];
const HINDI = ['शहर के पुराने बाजार में व्यापारियों ने मिलकर एक साझा डिलीवरी केंद्र खोला है, जिससे ग्राहकों को उसी दिन सामान घर पर मिल सकेगा।', 'व्यापार संघ के अध्यक्ष ने कहा कि इससे बड़े मॉल और ऑनलाइन खरीदारी की ओर गए ग्राहक वापस लौटेंगे।'];
const KOREAN = ['대전 중앙시장 상인들이 힘을 모아 만든 공동 배송센터가 11일 문을 열었다. 시장에서 산 물건을 당일 오후 집까지 배달해 준다.', '상인회장은 대형마트와 온라인 쇼핑에 밀려 줄어든 손님을 되찾겠다고 말했다.'];

describe("an article's language, told by its script when the page does not say it", () => {
  it.each([
    ['Chinese, no lang at all', null, CHINESE, 'zh'],
    ['Japanese (kana among the Han characters), no lang', null, JAPANESE, 'ja'],
    ['Hindi under a template\'s lang="en"', 'en', HINDI, 'hi'],
    ['Korean under lang="en-US"', 'en-US', KOREAN, 'ko'],
    ['Chinese that says zh-Hant-TW keeps it', 'zh-Hant-TW', CHINESE, 'zh-Hant-TW'],
    ['Devanagari that says Marathi stays Marathi', 'mr', HINDI, 'mr'],
    ['English says English', 'en', ['The harbour board met on Tuesday and agreed to keep the old crane in working order for visitors.'], 'en'],
    ['Latin text with no lang stays unknown', null, ['The harbour board met on Tuesday and agreed to keep the old crane in working order for visitors.'], null],
  ])('%s', (_name, htmlLang, paragraphs, expected) => {
    expect(languageOf(htmlLang, paragraphs)).toBe(expected);
  });
});
