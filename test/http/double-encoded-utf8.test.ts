// A feed whose site encoded its UTF-8 twice (latin1 database tables holding UTF-8 bytes) is listed
// in the letters it meant: "Crème brûlée", not "CrÃ¨me brÃ»lÃ©e". Text that only looks like it
// (Portuguese capitals, Icelandic, a symbol after an accented capital) is left as written.
import { describe, expect, it } from 'vitest';
import { withoutDoubleEncodedUtf8 } from '../../electron/core/http/double-encoded-utf8';

/** windows-1252's 0x80-0x9F as MySQL's latin1 reads them (the five WHATWG leaves undefined as themselves); Node's TextDecoder maps them all to C1 controls. */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
/** What a latin1 table does to UTF-8 text: each byte read as a windows-1252 character. */
const doubleEncoded = (text: string) => Array.from(Buffer.from(text, 'utf8'), (byte) => (byte >= 0x80 && byte < 0xa0 ? HIGH[byte - 0x80]! : String.fromCharCode(byte))).join('');

describe('UTF-8 encoded twice', () => {
  it.each([
    ['French', 'Crème brûlée à la lavande, parfumée'],
    ['punctuation', 'Une recette d’hiver – “simple” … 3 €'],
    ['Russian', 'Ледокол вышел на проводку судов'],
    ['Greek', 'Νέα δρομολόγια πλοίων'],
    ['an emoji', 'Seal on the slipway again 🦭'],
  ])('mends %s', (_kind, text) => {
    const garbled = `<title>${doubleEncoded(text)}</title>`;
    expect(garbled).not.toContain(text);
    expect(withoutDoubleEncodedUtf8(garbled)).toBe(`<title>${text}</title>`);
  });

  it.each([
    ['Portuguese capitals', 'SÃO PAULO: ÂNGELA E JOÃO'],
    ['Icelandic', 'Ðú átt að fá það'],
    ['text already right', 'Café, crème, naïve – “quoted”'],
    ['a capital before a symbol with a space', 'Ã ©'],
  ])('leaves %s as written', (_kind, text) => {
    expect(withoutDoubleEncodedUtf8(text)).toBe(text);
  });

  it.each([
    ['Japanese', '北陸新幹線、大雪で一部区間の運転見合わせ'],
    ['Chinese, a date between digits', '2026年12月7日 港口新闻：渡轮停航'],
    ['Korean', '김장 김치 담그기 - 올해는 배추 20포기'],
    ['full-width punctuation', '（速報）　東京'],
    ['Hindi', 'बंदरगाह पर नई नौका सेवा'],
  ])('mends %s, three bytes a character', (_kind, text) => {
    const garbled = `<title>${doubleEncoded(text)}</title>`;
    expect(withoutDoubleEncodedUtf8(garbled)).toBe(`<title>${text}</title>`);
  });

  it.each([
    // é, a no-break space and » read as one valid character (U+983B), as "à «" does (U+082B).
    ['French guillemets with their no-break spaces', '« Un café\u00A0» et voilà\u00A0« là »'],
    ['the same in a text that is encoded twice elsewhere', 'CrÃ¨me « café\u00A0» voilà\u00A0«'],
  ])('leaves %s as written', (_kind, text) => {
    expect(withoutDoubleEncodedUtf8(text)).toBe(text.replace('CrÃ¨me', 'Crème'));
  });

  it('mends what it can read and leaves a run that is no UTF-8', () => {
    // "Ã" and "©" mend to é; "Â" before "Ã" is no UTF-8 character's start and stays.
    expect(withoutDoubleEncodedUtf8('CafÃ© et ÂÃ')).toBe('Café et ÂÃ');
  });
});
