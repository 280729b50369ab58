import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../electron/core/http';

const RUSSIAN = 'Съешь же ещё этих мягких французских булок, да выпей чаю';
const POLISH_CZECH = 'Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy.';
const JAPANESE = '日本語のニュース：東京で桜が満開';
const CHINESE = '中文新闻：北京今天天气晴朗';
const EURO = 'Prix : 15 € - cœur, Œuvre, Šárka';

function bytes(text: string, encoding: string, bom = false): Buffer {
  return iconv.encode(text, encoding, { addBOM: bom });
}

describe('decodeText: the label in the Content-Type', () => {
  it.each([
    ['windows-1251', 'text/html; charset=windows-1251', RUSSIAN],
    ['Shift_JIS', 'application/rss+xml; charset=Shift_JIS', JAPANESE],
    ['gbk', 'text/xml; charset="GBK"', CHINESE],
    ['gbk', 'text/xml; charset=gb2312', CHINESE],
    ['koi8-r', 'text/plain;charset=KOI8-R', RUSSIAN],
    ['iso-8859-2', 'text/html; charset=iso-8859-2', POLISH_CZECH],
  ])('decodes %s labelled %s', (encoding, contentType, text) => {
    expect(decodeText(bytes(text, encoding), contentType, 'html')).toBe(text);
  });

  it('prefers the header over the document declaration', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><title>${RUSSIAN}</title>`;
    expect(decodeText(bytes(xml, 'windows-1251'), 'text/xml; charset=windows-1251', 'xml')).toBe(`<?xml version="1.0"?><title>${RUSSIAN}</title>`);
  });

  it('falls back to UTF-8 for a label it does not know', () => {
    expect(decodeText(Buffer.from(JAPANESE), 'text/html; charset=x-made-up', 'text')).toBe(JAPANESE);
  });
});

describe('decodeText: the label inside the document', () => {
  it('reads the XML declaration, and removes the label the decoded text no longer matches', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-2" standalone="yes"?>\n<rss><title>${POLISH_CZECH}</title></rss>`;
    expect(decodeText(bytes(xml, 'iso-8859-2'), 'application/rss+xml', 'xml')).toBe(
      `<?xml version="1.0" standalone="yes"?>\n<rss><title>${POLISH_CZECH}</title></rss>`,
    );
  });

  it('reads an XML declaration in single quotes when there is no Content-Type', () => {
    const xml = `<?xml version='1.0' encoding='iso-8859-5'?><title>${RUSSIAN}</title>`;
    expect(decodeText(bytes(xml, 'iso-8859-5'), null, 'xml')).toBe(`<?xml version='1.0'?><title>${RUSSIAN}</title>`);
  });

  it('reads <meta charset> in an HTML page', () => {
    const html = `<!doctype html><html><head><meta charset="iso-8859-15"><title>x</title></head><body>${EURO}</body></html>`;
    expect(decodeText(bytes(html, 'iso-8859-15'), 'text/html', 'html')).toBe(html);
  });

  it('reads <meta http-equiv content="...; charset=..."> in an HTML page', () => {
    const html = `<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-5"></head><body>${RUSSIAN}</body></html>`;
    expect(decodeText(bytes(html, 'iso-8859-5'), 'text/html', 'html')).toBe(html);
  });

  it('tells ISO-8859-15 from ISO-8859-1: the same byte is € in one and ¤ in the other', () => {
    const euro = bytes('15 €', 'iso-8859-15');
    expect(decodeText(euro, 'text/plain; charset=iso-8859-15', 'text')).toBe('15 €');
    expect(decodeText(euro, 'text/plain; charset=iso-8859-1', 'text')).toBe('15 ¤');
  });

  it('ignores a document that claims UTF-16 in bytes that are plainly ASCII', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><title>${JAPANESE}</title>`;
    expect(decodeText(Buffer.from(xml), null, 'xml')).toBe(`<?xml version="1.0"?><title>${JAPANESE}</title>`);
  });

  it('does not look for a declaration in JSON or plain text', () => {
    const text = `<?xml version="1.0" encoding="windows-1251"?> ${JAPANESE}`;
    expect(decodeText(Buffer.from(text), null, 'text')).toBe(text);
  });
});

describe('decodeText: byte order marks and UTF-16', () => {
  const xml = `<?xml version="1.0" encoding="UTF-16"?><feed><title>Grüße — ${JAPANESE}</title></feed>`;
  const decoded = `<?xml version="1.0"?><feed><title>Grüße — ${JAPANESE}</title></feed>`;

  it.each([
    ['UTF-16LE with BOM', bytes(xml, 'utf-16le', true)],
    ['UTF-16BE with BOM', bytes(xml, 'utf-16be', true)],
    ['UTF-16LE without BOM', bytes(xml, 'utf-16le')],
    ['UTF-16BE without BOM', bytes(xml, 'utf-16be')],
  ])('decodes %s', (_name, body) => {
    expect(decodeText(body, 'application/atom+xml', 'xml')).toBe(decoded);
  });

  it('lets a UTF-8 BOM win over a wrong header, and strips it', () => {
    const body = bytes(RUSSIAN, 'utf-8', true);
    expect(body[0]).toBe(0xef);
    expect(decodeText(body, 'text/html; charset=windows-1251', 'html')).toBe(RUSSIAN);
  });

  it('lets a UTF-16 BOM win over a wrong header', () => {
    expect(decodeText(bytes(CHINESE, 'utf-16be', true), 'text/plain; charset=iso-8859-1', 'text')).toBe(CHINESE);
  });
});

describe('decodeText: defaults and damage', () => {
  it('reads UTF-8 when nothing says otherwise', () => {
    const json = JSON.stringify({ title: `${RUSSIAN} ${JAPANESE}` });
    expect(decodeText(Buffer.from(json), 'application/feed+json', 'json')).toBe(json);
  });

  it('turns bytes that are not valid in the encoding into U+FFFD instead of failing', () => {
    expect(decodeText(Buffer.from([0x41, 0xff, 0xfe, 0x42]), 'text/plain; charset=utf-8', 'text')).toBe('A\uFFFD\uFFFDB');
    expect(decodeText(Buffer.from([0x41, 0xff, 0x42]), 'text/plain; charset=shift_jis', 'text')).toBe('A\uFFFDB');
  });

  it('returns an empty string for an empty body', () => {
    expect(decodeText(Buffer.alloc(0), null, 'xml')).toBe('');
  });
});
