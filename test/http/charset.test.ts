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
    // A character beyond GBK's two bytes (GB18030's four), as browsers read it under either label.
    ['gb18030', 'text/xml; charset=gb2312', `${CHINESE}：𠀀`],
    ['koi8-r', 'text/plain;charset=KOI8-R', RUSSIAN],
    ['iso-8859-2', 'text/html; charset=iso-8859-2', POLISH_CZECH],
  ])('decodes %s labelled %s', (encoding, contentType, text) => {
    expect(decodeText(bytes(text, encoding), contentType, 'html')).toBe(text);
  });

  it('prefers the header over the document declaration', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><title>${RUSSIAN}</title>`;
    // The label says UTF-8, which the decoded text is as good as: it stays.
    expect(decodeText(bytes(xml, 'windows-1251'), 'text/xml; charset=windows-1251', 'xml')).toBe(xml);
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

  it('reads the XML declaration a cache plugin printed a comment above', () => {
    const greek = 'Ειδήσεις σήμερα: λιακάδα στην Αθήνα';
    const xml = `<!-- Page cached 2024-03-05 06:00:12, served in 0.004 s -->\n<?xml version="1.0" encoding="windows-1253"?>\n<rss version="2.0"><channel><title>${greek}</title></channel></rss>`;
    expect(decodeText(bytes(xml, 'windows-1253'), 'application/rss+xml', 'xml')).toBe(xml.replace(' encoding="windows-1253"', ''));
  });

  it('keeps a label that says UTF-8 already, in any spelling', () => {
    for (const label of ['UTF-8', 'utf8', ' utf-8 ']) {
      const xml = `<?xml version="1.0" encoding="${label}"?>\n<rss><title>${JAPANESE}</title></rss>`;
      expect(decodeText(Buffer.from(xml), 'application/rss+xml', 'xml')).toBe(xml);
    }
  });

  it('reads an XML declaration in single quotes when there is no Content-Type', () => {
    const xml = `<?xml version='1.0' encoding='iso-8859-5'?><title>${RUSSIAN}</title>`;
    expect(decodeText(bytes(xml, 'iso-8859-5'), null, 'xml')).toBe(`<?xml version='1.0'?><title>${RUSSIAN}</title>`);
  });

  // As the HTML standard's XML-encoding sniffing reads it ("encoding" in any case, white space
  // around '=', a quoted label) and feedparser too (any "<?" target: <?XML as old ASP and Perl
  // templates write it). libxml2 and browsers read no label from <?XML and then read the bytes as
  // UTF-8 or latin1: Cyrillic came out as "Íîâîñòè". A label without quotes, or in typographic
  // quotes, is no label to any of them.
  it.each([
    ['<?XML version="1.0" encoding="windows-1251"?>', '<?XML version="1.0"?>'],
    ['<?Xml version="1.0" encoding="windows-1251"?>', '<?Xml version="1.0"?>'],
    ['<?xml version="1.0" ENCODING="windows-1251"?>', '<?xml version="1.0"?>'],
    ["<?xml version='1.0' encoding = 'windows-1251' ?>", "<?xml version='1.0' ?>"],
    ['<?xml version="1.0"\n\tencoding="windows-1251"?>', '<?xml version="1.0"?>'],
  ])('reads the label of %j', (declaration, kept) => {
    const xml = (prolog: string) => `${prolog}\n<rss version="2.0"><channel><title>${RUSSIAN}</title></channel></rss>`;
    expect(decodeText(bytes(xml(declaration), 'windows-1251'), 'text/xml', 'xml')).toBe(xml(kept));
  });

  it.each([['<?xml version="1.0" encoding=windows-1251?>'], ['<?xml version="1.0" encoding=\u201cwindows-1251\u201d?>']])('reads no label from %j: the bytes are sniffed', (declaration) => {
    const xml = `${declaration}\n<rss version="2.0"><channel><title>${RUSSIAN}</title></channel></rss>`;
    expect(decodeText(bytes(xml, 'windows-1251'), 'text/xml', 'xml')).toBe(iconv.decode(bytes(xml, 'windows-1251'), 'windows-1252'));
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
    // UTF-8 but for a stray byte (bytes mostly not UTF-8 are read as windows-1252, below).
    expect(decodeText(Buffer.concat([Buffer.from('Grüße, Zoë, Ærø: A'), Buffer.from([0xff]), Buffer.from('B')]), 'text/plain; charset=utf-8', 'text')).toBe('Grüße, Zoë, Ærø: A\uFFFDB');
    expect(decodeText(Buffer.from([0x41, 0xff, 0x42]), 'text/plain; charset=shift_jis', 'text')).toBe('A\uFFFDB');
  });

  it('returns an empty string for an empty body', () => {
    expect(decodeText(Buffer.alloc(0), null, 'xml')).toBe('');
  });
});

/** Every byte from 0x80 to 0xFF, the half of a legacy charset that differs between them. */
const HIGH_BYTES = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));
const C1 = /[\u0080-\u009f]/;

describe('decodeText: legacy charsets, with their high bytes', () => {
  it.each<[string, [number, string][]]>([
    // Node 20's TextDecoder returns C1 controls (or nothing) for these: nodejs/node#60888.
    ['windows-1252', [[0x80, '€'], [0x85, '…'], [0x93, '“'], [0x94, '”'], [0x96, '–'], [0x97, '—'], [0x99, '™'], [0xe9, 'é']]],
    ['iso-8859-1', [[0x80, '€'], [0x92, '’'], [0x9c, 'œ'], [0xfc, 'ü']]],
    ['us-ascii', [[0x93, '“'], [0xe8, 'è']]],
    ['windows-1250', [[0x8a, 'Š'], [0x9a, 'š'], [0xb9, 'ą'], [0xea, 'ę']]],
    ['windows-1251', [[0x80, 'Ђ'], [0x96, '–'], [0xc0, 'А'], [0xff, 'я']]],
    ['windows-1253', [[0x80, '€'], [0xc1, 'Α'], [0xf9, 'ω']]],
    ['windows-1254', [[0x80, '€'], [0xd0, 'Ğ'], [0xfe, 'ş']]],
    ['windows-1255', [[0x80, '€'], [0xe0, 'א'], [0xfa, 'ת']]],
    ['windows-1256', [[0x80, '€'], [0xc7, 'ا'], [0xe3, 'م']]],
    ['windows-1257', [[0x80, '€'], [0xe0, 'ą'], [0xfe, 'ž']]],
    ['windows-1258', [[0x80, '€'], [0xc3, 'Ă'], [0xf5, 'ơ']]],
    ['windows-874', [[0x80, '€'], [0xa1, 'ก'], [0xe4, 'ไ']]],
    ['koi8-r', [[0xc1, 'а'], [0xe1, 'А'], [0xa3, 'ё']]],
    ['koi8-u', [[0xa4, 'є'], [0xa6, 'і'], [0xa7, 'ї']]],
    ['ibm866', [[0x80, 'А'], [0xa0, 'а'], [0xf1, 'ё']]],
    ['macintosh', [[0x80, 'Ä'], [0x8e, 'é'], [0xd2, '“'], [0xa5, '•']]],
  ])('%s: each byte from 0x80 is one character, never a C1 control', (charset, pairs) => {
    const text = decodeText(HIGH_BYTES, `text/html; charset=${charset}`, 'html');
    expect(text).toHaveLength(128);
    expect(text).not.toMatch(C1);
    for (const [byte, char] of pairs) expect(text[byte - 0x80], `byte 0x${byte.toString(16)}`).toBe(char);
  });

  it.each<[string, [number, string][]]>([
    ['iso-8859-2', [[0xa1, 'Ą'], [0xb1, 'ą'], [0xea, 'ę'], [0xbe, 'ž']]],
    ['iso-8859-5', [[0xb0, 'А'], [0xd0, 'а'], [0xf1, 'ё']]],
    ['iso-8859-7', [[0xc1, 'Α'], [0xf9, 'ω']]],
    ['iso-8859-8', [[0xe0, 'א'], [0xfa, 'ת']]],
    ['iso-8859-9', [[0xd0, 'Ğ'], [0xfe, 'ş']]],
    ['iso-8859-15', [[0xa4, '€'], [0xbd, 'œ'], [0xa6, 'Š']]],
  ])('%s: the printable half from 0xA0 reads as the charset says', (charset, pairs) => {
    const text = decodeText(HIGH_BYTES.subarray(0x20), `text/plain; charset=${charset}`, 'text');
    expect(text).toHaveLength(96);
    for (const [byte, char] of pairs) expect(text[byte - 0xa0], `byte 0x${byte.toString(16)}`).toBe(char);
  });

  it.each([
    ['shift_jis', JAPANESE],
    ['euc-jp', JAPANESE],
    ['gbk', CHINESE],
    ['gb18030', CHINESE],
    ['big5', '繁體中文新聞：臺北今天天氣晴朗'],
    ['euc-kr', '한국어 뉴스: 서울의 날씨'],
  ])('%s: multi-byte text read from the XML declaration alone', (charset, text) => {
    const xml = `<?xml version="1.0" encoding="${charset}"?><rss><channel><title>${text}</title></channel></rss>`;
    expect(decodeText(bytes(xml, charset), null, 'xml')).toBe(`<?xml version="1.0"?><rss><channel><title>${text}</title></channel></rss>`);
  });
});

describe('decodeText: UTF-32 and the order of the clues', () => {
  const xml = `<?xml version="1.0" encoding="UTF-32"?><feed><title>Grüße — ${JAPANESE} 𝄞</title></feed>`;
  const decoded = `<?xml version="1.0"?><feed><title>Grüße — ${JAPANESE} 𝄞</title></feed>`;

  it.each([
    ['UTF-32LE with BOM', bytes(xml, 'utf-32le', true), 'application/atom+xml'],
    ['UTF-32BE with BOM', bytes(xml, 'utf-32be', true), 'application/atom+xml'],
    ['UTF-32LE without BOM', bytes(xml, 'utf-32le'), 'application/atom+xml'],
    ['UTF-32BE without BOM', bytes(xml, 'utf-32be'), null],
    ['UTF-32 labelled in the header, big-endian', bytes(xml, 'utf-32be'), 'application/xml; charset=UTF-32'],
    ['UTF-32LE labelled in the header', bytes(xml, 'utf-32le'), 'application/xml; charset=utf-32le'],
  ])('decodes %s', (_name, body, contentType) => {
    expect(decodeText(body, contentType, 'xml')).toBe(decoded);
  });

  it.each([
    ['a BOM beats the header', bytes(`x ${EURO}`, 'utf-8', true), 'text/plain; charset=windows-1252', 'text', `x ${EURO}`],
    ['the header beats the XML declaration', bytes(`<?xml version="1.0" encoding="iso-8859-5"?><t>${RUSSIAN}</t>`, 'koi8-r'), 'text/xml; charset=koi8-r', 'xml', `<?xml version="1.0"?><t>${RUSSIAN}</t>`],
    ['the declaration beats sniffing', bytes(`<?xml version="1.0" encoding="windows-1250"?><t>${POLISH_CZECH}</t>`, 'windows-1250'), 'text/xml', 'xml', `<?xml version="1.0"?><t>${POLISH_CZECH}</t>`],
    ['<meta> beats sniffing', bytes(`<meta charset="windows-1251"><p>${RUSSIAN}</p>`, 'windows-1251'), 'text/html', 'html', `<meta charset="windows-1251"><p>${RUSSIAN}</p>`],
    ['an unknown header label falls through to the declaration', bytes(`<?xml version="1.0" encoding="koi8-r"?><t>${RUSSIAN}</t>`, 'koi8-r'), 'text/xml; charset=klingon-8', 'xml', `<?xml version="1.0"?><t>${RUSSIAN}</t>`],
    ['no label and invalid UTF-8 sniffs as windows-1252', bytes('<rss><title>“Smart” quotes – café €5</title></rss>', 'windows-1252'), 'text/xml', 'xml', '<rss><title>“Smart” quotes – café €5</title></rss>'],
    ['no label and valid UTF-8 stays UTF-8', Buffer.from(`<rss><title>${EURO}</title></rss>`), null, 'xml', `<rss><title>${EURO}</title></rss>`],
    ['an unknown declared label falls back to sniffing', Buffer.from(`<?xml version="1.0" encoding="x-nonsense"?><t>${JAPANESE}</t>`), null, 'xml', `<?xml version="1.0"?><t>${JAPANESE}</t>`],
  ] as const)('%s', (_case, body, contentType, kind, expected) => {
    expect(decodeText(body, contentType, kind)).toBe(expected);
  });
});

describe('decodeText: a header the bytes contradict', () => {
  const CAFE = 'Café Notes – René’s „Grüße“ aus München';
  const LATIN1 = "Café Notes: René's Grüße aus München";

  it('reads latin1 bytes declared ISO-8859-1 as latin1 under PHP’s default charset=UTF-8', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>${LATIN1}</title></channel></rss>`;
    expect(decodeText(bytes(xml, 'latin1'), 'application/rss+xml; charset=UTF-8', 'xml')).toBe(`<?xml version="1.0"?><rss><channel><title>${LATIN1}</title></channel></rss>`);
  });

  it('reads UTF-8 bytes declared UTF-8 as UTF-8 under nginx’s charset=ISO-8859-1 on text/xml', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><rss><channel><title>${CAFE}</title></channel></rss>`;
    expect(decodeText(Buffer.from(xml), 'text/xml; charset=ISO-8859-1', 'xml')).toBe(xml);
  });

  it('does the same for HTML pages and their <meta charset>', () => {
    const legacy = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>${RUSSIAN}</body></html>`;
    expect(decodeText(bytes(legacy, 'windows-1251'), 'text/html; charset=UTF-8', 'html')).toBe(legacy);
    const unicode = `<html><head><meta charset="utf-8"></head><body>${CAFE} ${RUSSIAN}</body></html>`;
    expect(decodeText(Buffer.from(unicode), 'text/html; charset=koi8-r', 'html')).toBe(unicode);
  });

  it('keeps UTF-8 from the header when the bytes are UTF-8 and a template declares latin1', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><t>${CAFE}</t>`;
    expect(decodeText(Buffer.from(xml), 'application/rss+xml; charset=utf-8', 'xml')).toBe(`<?xml version="1.0"?><t>${CAFE}</t>`);
  });

  it('reads UTF-8 bytes as UTF-8 when a template declares latin1 and no header names a charset; latin1 bytes stay latin1', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><t>${CAFE}</t>`;
    for (const contentType of [null, 'application/rss+xml']) {
      expect(decodeText(Buffer.from(xml), contentType, 'xml')).toBe(`<?xml version="1.0"?><t>${CAFE}</t>`);
    }
    const latin1 = `<?xml version="1.0" encoding="ISO-8859-1"?><t>${LATIN1}</t>`;
    expect(decodeText(bytes(latin1, 'latin1'), null, 'xml')).toBe(`<?xml version="1.0"?><t>${LATIN1}</t>`);
  });

  it("reads UTF-8 bytes as UTF-8 under a server's default latin1 header, declared latin1 or undeclared; latin1 bytes stay latin1", () => {
    for (const contentType of ['application/rss+xml; charset=ISO-8859-1', 'text/xml;charset=us-ascii']) {
      expect(decodeText(Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><t>${CAFE}</t>`), contentType, 'xml')).toBe(`<?xml version="1.0"?><t>${CAFE}</t>`);
      expect(decodeText(Buffer.from(`<?xml version="1.0"?><t>${CAFE}</t>`), contentType, 'xml')).toBe(`<?xml version="1.0"?><t>${CAFE}</t>`);
    }
    const page = `<html><head><title>${CAFE}</title></head><body>${CAFE}</body></html>`;
    expect(decodeText(Buffer.from(page), 'text/html;charset=ISO-8859-1', 'html')).toBe(page);
    const latin1 = `<?xml version="1.0" encoding="ISO-8859-1"?><t>${LATIN1}</t>`;
    expect(decodeText(bytes(latin1, 'latin1'), 'application/rss+xml; charset=ISO-8859-1', 'xml')).toBe(`<?xml version="1.0"?><t>${LATIN1}</t>`);
    // Another legacy charset the header names keeps its word: its text forms valid UTF-8 more often.
    const russian = `<?xml version="1.0"?><t>${RUSSIAN}</t>`;
    expect(decodeText(bytes(russian, 'windows-1251'), 'text/xml; charset=windows-1251', 'xml')).toBe(russian);
  });

  it('keeps UTF-8 from the header when only the last character was cut off by a truncated download', () => {
    const xml = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><t>${CAFE} €`);
    expect(decodeText(xml.subarray(0, -1), 'application/rss+xml; charset=utf-8', 'xml')).toBe(`<?xml version="1.0"?><t>${CAFE} \uFFFD`);
  });

  it('reads bytes that are not UTF-8 as they are when only the header says UTF-8: windows-1252, or the CJK charset they are in', () => {
    const news = '<rss><channel><title>Café Notes – René’s “Grüße”</title></channel></rss>';
    expect(decodeText(bytes(news, 'windows-1252'), 'text/xml; charset=utf-8', 'xml')).toBe(news);
    const page = `<html><head><title>ニュース</title></head><body><p>${JAPANESE}</p></body></html>`;
    expect(decodeText(bytes(page, 'shift_jis'), 'text/html; charset=UTF-8', 'html')).toBe(page);
    const json = `{"version":"https://jsonfeed.org/version/1.1","title":"${EURO}"}`;
    expect(decodeText(bytes(json, 'windows-1252'), 'application/feed+json; charset=utf-8', 'json')).toBe(json);
  });

  it('reads a JSON Feed behind a JSONP call or a guard, served as JavaScript or text under a latin1 default, as UTF-8, and windows-1252 bytes as they are', () => {
    const json = `{"version":"https://jsonfeed.org/version/1.1","title":"“${EURO}” – déjà vu"}`;
    for (const wrapped of [`/**/jQuery37101234_1733220000(${json});`, `typeof feedCb === 'function' && feedCb(${json});`, `)]}',\n${json}`, `for (;;);${json}`]) {
      for (const contentType of ['application/javascript; charset=ISO-8859-1', 'text/javascript; charset=iso-8859-1', 'text/html; charset=ISO-8859-1', 'text/plain; charset=windows-1252']) {
        expect(decodeText(Buffer.from(wrapped), contentType, 'xml')).toBe(wrapped);
        expect(decodeText(bytes(wrapped, 'windows-1252'), contentType, 'xml')).toBe(wrapped);
      }
    }
  });

  it("reads latin1 bytes as they are when only a template's declaration says UTF-8 and the header names no charset", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><rss><channel><title>${LATIN1}</title></channel></rss>`;
    for (const contentType of [null, 'application/rss+xml', 'text/xml; charset=x-no-such-charset']) {
      expect(decodeText(bytes(xml, 'latin1'), contentType, 'xml')).toBe(xml);
    }
    const page = `<html><head><meta charset="utf-8"><title>${LATIN1}</title></head><body><p>${LATIN1}</p></body></html>`;
    expect(decodeText(bytes(page, 'latin1'), 'text/html', 'html')).toBe(page);
    // UTF-8 with a stray byte is still UTF-8.
    const stray = Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><t>${CAFE} ${CAFE} `), Buffer.from([0x92]), Buffer.from('s</t>')]);
    expect(decodeText(stray, null, 'xml')).toBe(`<?xml version="1.0" encoding="UTF-8"?><t>${CAFE} ${CAFE} \uFFFDs</t>`);
  });

  it('reads markup with no zero byte under a UTF-16 or UTF-32 header as the document declares it, or as sniffed; UTF-16 without a BOM keeps the header', () => {
    const russian = `<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>${RUSSIAN}</title></channel></rss>`;
    expect(decodeText(bytes(russian, 'windows-1251'), 'application/rss+xml; charset=utf-16', 'xml')).toBe(`<?xml version="1.0"?><rss><channel><title>${RUSSIAN}</title></channel></rss>`);
    const page = `<!DOCTYPE html><html><head><title>${CAFE}</title></head><body><p>${JAPANESE}</p></body></html>`;
    expect(decodeText(Buffer.from(page), 'text/html; charset=UTF-32', 'html')).toBe(page);
    // A UTF-16 feed whose writer left out the BOM, white space before its first '<'.
    const unmarked = `\n<rss><channel><title>${CAFE}</title></channel></rss>`;
    expect(decodeText(bytes(unmarked, 'utf-16le'), 'application/rss+xml; charset=utf-16le', 'xml')).toBe(unmarked);
  });

  it('keeps UTF-8 from the header over broken bytes when the document says UTF-8 too', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><rss><title>Café</title></rss>';
    expect(decodeText(bytes(xml, 'latin1'), 'text/xml; charset=utf-8', 'xml')).toBe(xml.replace('é', '\uFFFD'));
  });
});

describe('decodeText: a <meta> charset late in the head', () => {
  // A windows-1251 news page: the analytics snippet and inline critical CSS come before the <meta>.
  const gtag =
    '<script async src="https://www.googletagmanager.com/gtag/js?id=G-N3WS"></script>' +
    "<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-N3WS');</script>";
  const css = `<style>${Array.from({ length: 120 }, (_, i) => `.card-${i} { margin: 0 auto; padding: ${i}px; color: #333; }`).join('\n')}</style>`;
  const head = `<!DOCTYPE html><html lang="ru"><head>${gtag}${css}`;

  it.each([
    ['http-equiv', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'],
    ['charset', '<meta charset="windows-1251">'],
  ])('is read past the first 4 KB (%s)', (_case, meta) => {
    const html = `${head}${meta}<title>Мост через реку откроют весной</title></head><body><h1>Мост через реку</h1><p>${RUSSIAN}</p></body></html>`;
    expect(head.length).toBeGreaterThan(6000);
    expect(decodeText(bytes(html, 'windows-1251'), 'text/html', 'html')).toBe(html);
  });

  it('is not looked for inside the body', () => {
    const html = `${head}</head><body><p>${EURO}</p><pre>&lt;meta charset="koi8-r"&gt;</pre><meta charset="koi8-r"></body></html>`;
    expect(decodeText(Buffer.from(html), null, 'html')).toBe(html);
  });
});

describe('decodeText: UTF-8 with a few stray bytes', () => {
  const STORY = 'Résumé of the naïve café story — with accents everywhere, über and façade.';
  /** UTF-8 bytes of `text` with the windows-1252 byte `byte` where `marker` was: a quote pasted from an old editor. */
  function withStrayByte(text: string, marker: string, byte: number): Buffer {
    const bytes = Buffer.from(text);
    const at = bytes.indexOf(marker);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at + Buffer.byteLength(marker))]);
  }

  it('stays UTF-8 under a UTF-8 header when a stale template declares latin1: one U+FFFD, no mojibake', () => {
    const html = `<html><head><meta charset="iso-8859-1"></head><body><p>It@s ${STORY}</p><p>${STORY}</p></body></html>`;
    expect(decodeText(withStrayByte(html, '@', 0x92), 'text/html; charset=UTF-8', 'html')).toBe(html.replace('@', '\uFFFD'));
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>It@s a naïve façade</title><description>Résumé naïve café n°9</description></channel></rss>`;
    expect(decodeText(withStrayByte(xml, '@', 0x92), 'application/rss+xml; charset=UTF-8', 'xml')).toBe(xml.replace('@', '\uFFFD').replace(' encoding="ISO-8859-1"', ''));
  });

  it('reads bytes with no label anywhere as UTF-8 when they are UTF-8 but for a stray byte', () => {
    const html = `<html><body><p>${STORY} “quoted”@</p></body></html>`;
    expect(decodeText(withStrayByte(html, '@', 0x94), 'text/html', 'html')).toBe(html.replace('@', '\uFFFD'));
  });

  it.each([
    ['shift_jis', JAPANESE],
    ['euc-jp', JAPANESE],
    ['gbk', CHINESE],
    ['big5', '繁體中文新聞：臺北今天天氣晴朗'],
    ['euc-kr', '한국어 뉴스: 서울의 날씨'],
    ['windows-1251', RUSSIAN],
    ['iso-8859-2', POLISH_CZECH],
  ])('still reads %s text as its declaration says under a header wrongly saying UTF-8: its bytes are no near-UTF-8', (charset, text) => {
    const html = `<html><head><meta charset="${charset}"></head><body><h1>${text}</h1><p>${text.repeat(5)}</p></body></html>`;
    expect(decodeText(bytes(html, charset), 'text/html; charset=UTF-8', 'html')).toBe(html);
  });
});

describe('decodeText: a CJK page that declares nothing', () => {
  // Paragraphs as news sites in each language write them; each charset's bytes alone, no label.
  it.each([
    ['shift_jis', '政府は来年度の予算案をまとめ、国会に提出する方針を明らかにした。与党内では防衛費の増額をめぐって議論が続いている。'],
    ['euc-jp', '大阪・関西万博の会場建設が進んでいます。関係者は「順調だ」と話しています。入場券の販売も始まりました。'],
    ['gbk', '国务院新闻办公室今天举行发布会，介绍今年前三季度经济运行情况。有关负责人表示，我国经济总体保持稳定增长。'],
    ['big5', '行政院今天召開會議，討論明年度的總預算。多位立法委員表示，政府應該加強對中小企業的支持。'],
    ['euc-kr', '정부는 내년도 예산안을 국회에 제출했다고 밝혔다. 여당과 야당은 국방비 증액을 두고 논의를 계속하고 있다.'],
  ])('reads %s as the browsers’ detectors do', (charset, text) => {
    const html = `<!DOCTYPE html><html><head><title>${text.slice(0, 12)}</title></head><body><article><h1>${text.slice(0, 12)}</h1><p>${text}</p></article></body></html>`;
    expect(decodeText(bytes(html, charset), 'text/html', 'html')).toBe(html);
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>${text.slice(0, 12)}</title><item><description>${text}</description></item></channel></rss>`;
    expect(decodeText(bytes(xml, charset), null, 'xml')).toBe(xml);
  });

  it.each([
    ['windows-1252', 'L’été à Montréal : les cafés ‘branchés’ facturent 5 € — voire plus. Ça coûte cher, dit Zoë.', 'windows-1252'],
    ['windows-1250', 'Łódź i Kraków: mieszkańcy świętują. Źródło: PAP. Zażółć gęślą jaźń.', 'windows-1252'],
    ['windows-1251', RUSSIAN, 'windows-1252'],
  ])('leaves undeclared %s text to windows-1252 as before: no CJK language reads in its bytes', (charset, text, expected) => {
    const body = bytes(`<html><body><p>${text}</p><p>${text}</p></body></html>`, charset);
    expect(decodeText(body, 'text/html', 'html')).toBe(iconv.decode(body, expected));
  });
});
