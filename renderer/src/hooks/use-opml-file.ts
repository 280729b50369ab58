// Subscriptions in and out as OPML. The file is read here and handed to the core as text, decoded
// as the core decodes feeds and the CLI decodes this file (core xmlFileText); the export is offered
// as a download of the text the core writes. What happened is a sentence or two.
import { useState } from 'react';
import type { OpmlImportResult } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { plural } from '../lib/format';
import { useBridge } from './bridge';

export interface OpmlFile {
  readonly message: string | null;
  importFile(file: File): Promise<void>;
  exportFile(): Promise<void>;
}

export function useOpmlFile(onImported: () => void): OpmlFile {
  const bridge = useBridge();
  const [message, setMessage] = useState<string | null>(null);

  const importFile = async (file: File) => {
    setMessage(`Importing ${file.name}…`);
    try {
      const result = await bridge.importOpml(opmlFileText(new Uint8Array(await file.arrayBuffer())));
      setMessage(importMessage(result));
      onImported();
    } catch (failure) {
      setMessage(`The file could not be imported: ${errorMessage(failure)}`);
    }
  };

  const exportFile = async () => {
    try {
      const text = await bridge.exportOpml();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'text/x-opml' }));
      link.download = 'Paperboy subscriptions.opml';
      link.click();
      URL.revokeObjectURL(link.href);
      setMessage(null);
    } catch (failure) {
      setMessage(`The subscriptions could not be exported: ${errorMessage(failure)}`);
    }
  };

  return { message, importFile, exportFile };
}

/** Reasons named in the message, and entries named for each: a 2,000-feed export must not fill the screen. */
const REASONS_SHOWN = 4;
const NAMES_SHOWN = 3;

/**
 * What an import did, with its skipped entries grouped by reason, each reason once, naming a few
 * of its entries: "Added 9 feeds; 4 entries skipped. Site only, No URL and 1 other: no feed
 * address (xmlUrl); Old blog: not a valid address. Sync to fetch them."
 */
export function importMessage(result: OpmlImportResult): string {
  // A list with nothing in it (an export made before any subscription) added nothing to sync.
  if (result.added === 0 && result.skipped.length === 0) {
    return result.foldersCreated > 0 ? `The file lists no feeds; ${plural(result.foldersCreated, 'folder')} created.` : 'The file lists no feeds.';
  }
  const added = `Added ${plural(result.added, 'feed')}`;
  // Nothing to fetch when nothing was added (the same export imported again).
  const next = result.added > 0 ? ' Sync to fetch them.' : '';
  if (result.skipped.length === 0) return `${added}.${next}`;
  const byReason = new Map<string, string[]>();
  for (const skip of result.skipped) {
    const names = byReason.get(skip.reason) ?? [];
    names.push(skip.title ?? skip.url ?? 'an entry without a name');
    byReason.set(skip.reason, names);
  }
  const groups = [...byReason].slice(0, REASONS_SHOWN).map(([reason, names]) => `${namesInWords(names)}: ${reason}`);
  const otherReasons = byReason.size - REASONS_SHOWN;
  if (otherReasons > 0) groups.push(`and ${plural(otherReasons, 'other reason')}`);
  return `${added}; ${plural(result.skipped.length, 'entry', 'entries')} skipped. ${groups.join('; ')}.${next}`;
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 others". */
function namesInWords(names: readonly string[]): string {
  if (names.length <= NAMES_SHOWN) return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return `${names.slice(0, NAMES_SHOWN).join(', ')} and ${plural(names.length - NAMES_SHOWN, 'other')}`;
}

const BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];
const XML_DECLARATION = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([\w.:-]+)/;

/**
 * An OPML file's text, by the rule of the core's http/charset.ts: a byte order mark; else
 * UTF-16 recognised by its first character; else the XML declaration's encoding (Latin-1 and
 * windows-1252 exports of old readers); else UTF-8 when the bytes are UTF-8 and windows-1252 when
 * not. file.text() reads every file as UTF-8, which garbles the legacy ones and cannot read UTF-16.
 * Chromium's TextDecoder resolves labels as WHATWG says (iso-8859-1 reads as windows-1252).
 */
export function opmlFileText(bytes: Uint8Array): string {
  const bom = BOMS.find((candidate) => candidate.bytes.every((byte, i) => bytes[i] === byte));
  if (bom) return new TextDecoder(bom.encoding).decode(bytes);
  const [a, b, c, d] = bytes;
  if (a === 0x3c && b === 0 && c !== 0 && d === 0) return new TextDecoder('utf-16le').decode(bytes);
  if (a === 0 && b === 0x3c && c === 0 && d !== 0) return new TextDecoder('utf-16be').decode(bytes);
  const declared = XML_DECLARATION.exec(String.fromCharCode(...bytes.subarray(0, 1024)))?.[1];
  const encoding = declared === undefined ? null : decoderEncoding(declared);
  if (encoding !== null) return new TextDecoder(encoding).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The encoding a label names, or null when unknown; UTF-16 declared in bytes just read as ASCII is not that: UTF-8. */
function decoderEncoding(label: string): string | null {
  try {
    const { encoding } = new TextDecoder(label);
    if (encoding === 'replacement') return null;
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}
