// A host name as the person wrote it and a browser's address bar shows it: http://bücher.example/
// is asked for as xn--bcher-kva.example (the URL parser's punycode), and a message that named
// "xn--bcher-kva.example" named a host the person never typed. A label mixing scripts the way a
// look-alike does (Cyrillic "а" in a Latin word) stays in punycode, as Chromium leaves it.
import { domainToUnicode } from 'node:url';

/** Scripts whose letters may share one label: Japanese mixes kanji and kana, Korean hanja and hangul. */
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Thai', 'Devanagari', 'Bengali', 'Tamil', 'Georgian', 'Armenian'] as const;
const LETTER_OF = new Map(SCRIPTS.map((script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')]));
const MIXES_ALLOWED: readonly (readonly string[])[] = [['Han', 'Hiragana', 'Katakana', 'Latin'], ['Han', 'Hangul', 'Latin']];

/** host or host:port (as URL.host gives it), its punycode labels shown in their own letters. */
export function readableHost(host: string): string {
  if (!/(^|\.)xn--/i.test(host) || host.startsWith('[')) return host;
  const colon = host.lastIndexOf(':');
  const name = colon === -1 ? host : host.slice(0, colon);
  const port = colon === -1 ? '' : host.slice(colon);
  const shown = name.split('.').map((label) => {
    if (!/^xn--/i.test(label)) return label;
    const unicode = domainToUnicode(label);
    return unicode !== '' && singleScript(unicode) ? unicode : label;
  });
  return shown.join('.') + port;
}

/** A host name with a punycode label, standing in running text (an address in a message). */
const PUNYCODE_HOST = /(?<![\w.-])(?:[a-z0-9-]+\.)*xn--[a-z0-9-]+(?:\.[a-z0-9-]+)*/gi;

/**
 * Text that names addresses (a message, an address alone) with each host as readableHost shows it:
 * "http://xn--bcher-kva.example/feed could not be reached" says "bücher.example", as it was typed.
 */
export function withReadableHosts(text: string): string {
  return /xn--/i.test(text) ? text.replace(PUNYCODE_HOST, (host) => readableHost(host)) : text;
}

/** Whether a label's letters are of one script (or one of the mixes a language writes). */
function singleScript(label: string): boolean {
  const scripts = new Set<string>();
  for (const char of label) {
    if (!/\p{L}/u.test(char)) continue;
    const script = SCRIPTS.find((name) => LETTER_OF.get(name)!.test(char));
    if (script === undefined) return false;
    scripts.add(script);
  }
  return scripts.size <= 1 || MIXES_ALLOWED.some((mix) => [...scripts].every((script) => mix.includes(script)));
}
