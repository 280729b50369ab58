// Subscriptions in and out as OPML. The file is read here and handed to the core as text, decoded
// as the core decodes feeds and the CLI decodes this file (core xmlFileText); the export is offered
// as a download of the text the core writes. What happened is one sentence.
import { useState } from 'react';
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
      const skipped = result.skipped.length > 0 ? `; ${plural(result.skipped.length, 'entry', 'entries')} skipped (${result.skipped.map((s) => s.reason).slice(0, 3).join('; ')})` : '';
      setMessage(`Added ${plural(result.added, 'feed')}${skipped}. Sync to fetch them.`);
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
