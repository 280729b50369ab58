// What a link serves when it is no web page, told from its Content-Type and first bytes as real
// servers send them: right labels, missing ones, generic ones, and wrong ones both ways.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { linkedFileOf } from '../../electron/core/articles';
import { makePng } from '../support/images';
import { makePdf, RFC_LIKE_MEMO } from '../support/linked-files';

const kind = (type: string | null, head: Buffer | string | null) => linkedFileOf(type, typeof head === 'string' ? Buffer.from(head) : head, null)?.kind ?? 'page';
const PAGE = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Harbour news</title></head><body><p>The ferry ran.</p></body></html>';

describe('a link', () => {
  it('is a page when HTML comes as text/html, or unlabelled, or under a file type (an error or login page)', () => {
    expect(kind('text/html; charset=UTF-8', PAGE)).toBe('page');
    expect(kind(null, PAGE)).toBe('page');
    expect(kind('application/octet-stream', PAGE)).toBe('page');
    expect(kind('application/pdf', PAGE)).toBe('page');
    // Compressed by a server that did not say so: read as a page, as before.
    expect(kind('text/html', gzipSync(PAGE))).toBe('page');
    expect(kind('text/plain', gzipSync(RFC_LIKE_MEMO))).toBe('page');
    // A UTF-16 page: its byte-order mark is no MP3 frame.
    expect(kind('text/html', Buffer.from(`\ufeff${PAGE}`, 'utf16le'))).toBe('page');
  });

  it('is what its bytes are under a generic, missing or text/html label', () => {
    expect(kind('text/html', makePdf('Report'))).toBe('pdf');
    expect(kind('binary/octet-stream', makePng(2, 2, [0, 0, 0]))).toBe('image');
    expect(kind(null, Buffer.from([0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0]))).toBe('audio');
    expect(kind(null, Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom\0\0\x02\0isomiso2mp41')]))).toBe('video');
    expect(kind(null, Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypM4A \0\0\0\0M4A mp42isom')]))).toBe('audio');
    expect(kind('application/octet-stream', Buffer.from('PK\x03\x04\x14\0\0\0\x08\0', 'latin1'))).toBe('archive');
    expect(kind('text/html', '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Notices</title>')).toBe('feed');
    expect(kind(null, RFC_LIKE_MEMO)).toBe('text');
    expect(kind(null, Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41, 0x42]))).toBe('file');
  });

  it('is text when labelled so, unless it opens as an HTML document (a server whose default type is text/plain)', () => {
    expect(kind('text/plain', RFC_LIKE_MEMO)).toBe('text');
    expect(kind('text/plain', 'Use <b> for bold and <p> for a paragraph.\n')).toBe('text');
    expect(kind('text/plain; charset=us-ascii', PAGE)).toBe('page');
  });

  it('keeps a specific label a zip-based document names (a Word file is no "archive")', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(linkedFileOf(docx, Buffer.from('PK\x03\x04', 'latin1'), 48_000)).toEqual({ kind: 'file', type: docx, bytes: 48_000 });
  });

  it('is judged by its label alone while its bytes are still compressed, where the label is sure', () => {
    expect(kind('application/pdf', null)).toBe('pdf');
    expect(kind('audio/mpeg', null)).toBe('audio');
    // Read whole and asked again once inflated: these may be pages or text.
    expect(kind('text/plain', null)).toBe('page');
    expect(kind('application/octet-stream', null)).toBe('page');
    expect(kind('application/x-httpd-php', null)).toBe('page');
  });
});
