// The app's Import OPML reads the chosen file's bytes as the core reads feeds' (and `paperboy
// import` reads files): byte order mark, then the XML declaration, then UTF-8 or windows-1252.
// Run here on Node's TextDecoder, which agrees with Chromium's everywhere but in windows-1252's
// 0x80-0x9F (smart quotes, dashes, euro; nodejs/node#60888): those bytes are left to the CLI's
// test (test/cli/opml-files.test.ts), which decodes with iconv-lite.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseOpml } from '../../electron/core/feeds/opml';
import { opmlFileText } from '../../renderer/src/hooks/use-opml-file';

const opml = (declaration: string) =>
  `${declaration}<opml version="1.0"><body><outline text="Actualités françaises"><outline text="Crème brûlée" type="rss" xmlUrl="https://creme.example.fr/feed/"/></outline></body></opml>`;

/** What the import makes of the file: its feeds' names under their folders'. */
function imported(bytes: Uint8Array): string[] {
  return parseOpml(opmlFileText(bytes)).entries.map((entry) => `${entry.folderPath.join('/')} / ${entry.title}`);
}

describe('an OPML file chosen in the app', () => {
  it.each([
    ['UTF-8', () => Buffer.from(opml('<?xml version="1.0" encoding="UTF-8"?>'))],
    ['UTF-8 with a byte order mark', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(opml(''))])],
    ['Latin-1, declared', () => iconv.encode(opml('<?xml version="1.0" encoding="ISO-8859-1"?>'), 'latin1')],
    ['Latin-1, undeclared', () => iconv.encode(opml(''), 'latin1')],
    ['UTF-16LE with a byte order mark', () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(opml('<?xml version="1.0" encoding="UTF-16"?>'), 'utf-16le')])],
    ['UTF-16BE with a byte order mark', () => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(opml('<?xml version="1.0" encoding="UTF-16"?>'), 'utf-16be')])],
    ['UTF-16LE without one', () => iconv.encode(opml('<?xml version="1.0" encoding="UTF-16"?>'), 'utf-16le')],
  ])('keeps its names when it is %s', (_case, bytes) => {
    expect(imported(new Uint8Array(bytes()))).toEqual(['Actualités françaises / Crème brûlée']);
  });

  it('reads a declaration of UTF-16 over single bytes as UTF-8, as the core does', () => {
    expect(imported(Buffer.from(opml('<?xml version="1.0" encoding="UTF-16"?>')))).toEqual(['Actualités françaises / Crème brûlée']);
  });
});
