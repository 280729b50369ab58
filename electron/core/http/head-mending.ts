// Response heads that Node's strict parser (llhttp) refuses and browsers read, mended into the
// well-formed head a browser would have read from them, for one retry over a connection of its own.
// Real old, embedded and misconfigured servers send: a header name with a space in it ("X Powered
// By: PHP"), lines ended by LF alone, the same Content-Length twice (a PHP or proxy habit), a
// header folded onto a second line, a control character in a header's value. Node 20 refuses each
// as a parse error; its `insecureHTTPParser` lifts only the LF endings, the fold and the control
// characters, never the name with a space or the repeated length, and it would loosen the body's
// framing too (a chunk size ended by LF alone).
//
// Why a mended head and not a second client: only the head is rewritten, as bytes on the way in;
// Node's parser then reads it and the whole body as for any response, so every limit of the client
// (timeouts, size caps, decompression, redirects' checks, charsets) stays the one path. The address
// policy is kept by connecting through the hop's own guarded lookup. Why a retry and not mending
// every response: a well-formed response is never rewritten, and a head that needs mending is read
// once strictly first (exchange.ts marks the refusal, client.ts retries once; HostMemory remembers
// the host for the rest of a sync, FetchRequest.mendedHosts). The mended exchange has a connection
// of its own, closed after it: a head read more loosely can never leave a kept-alive socket out of
// step with the next response on it.
//
// What is mended, as browsers and RFC 9112 read it: LF alone ends a line; whitespace between a
// name and its colon is dropped (RFC 9112 5.1, what a proxy must do); a line whose name is no
// token (a space inside) or with no colon is dropped, as Firefox drops it (Chrome keeps it under a
// name nothing reads), and so is one whose value holds a control character, unless it says where
// the body ends (Content-Length, Transfer-Encoding: refused then, never guessed); a folded line
// joins the one before with a space (RFC 9112 5.2); repeated Content-Length values that agree
// become one (RFC 9110 8.6); a Content-Length beside a chunked Transfer-Encoding is dropped (RFC
// 9112 6.3: the chunks say where the body ends). Lengths that differ are refused: one response
// could be hiding another in its body.
import type { LookupFunction } from 'node:net';
import type net from 'node:net';
import { Duplex } from 'node:stream';
import type tls from 'node:tls';
import { HttpError } from './errors';
import { connectTo } from './network-scope';

/** The parse errors of a head that mending may turn into one Node reads (exchange.ts marks them). */
export const MENDABLE_PARSE_ERRORS: ReadonlySet<string> = new Set([
  'HPE_INVALID_HEADER_TOKEN',
  'HPE_CR_EXPECTED',
  'HPE_LF_EXPECTED',
  'HPE_UNEXPECTED_CONTENT_LENGTH',
  'HPE_INVALID_CONTENT_LENGTH',
]);

/** As exchange.ts's maxHeaderSize: a head that needs mending gets no more room than one that does not. */
const MAX_HEAD_BYTES = 256 * 1024;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// A control character other than a tab, in a value (a debug header holding raw bytes).
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
/** Fields that say where the body ends: never dropped, so a doubtful one is refused, not guessed. */
const FRAMING = new Set(['content-length', 'transfer-encoding']);

/**
 * The head (status line, fields, the blank line, as latin1 text so every byte is kept) as a
 * browser reads it, in the form Node's parser takes; or an HttpError when it must be refused.
 */
export function mendHead(head: string, url: string): string | HttpError {
  const [status = '', ...lines] = head.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const read: [string, string][] = [];
  // The field a folded line continues; null after a line that was dropped, whose fold goes with it.
  let last: [string, string] | null = null;
  for (const line of lines) {
    if (line === '') continue;
    const value = (at: number): string => line.slice(at).replace(/^[ \t]+|[ \t]+$/g, '');
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (last) last[1] = last[1] === '' ? value(0) : `${last[1]} ${value(0)}`;
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trimEnd();
    last = TOKEN.test(name) ? [name, value(colon + 1)] : null;
    if (last) read.push(last);
  }
  const kept = read.filter(([name, value]) => !CONTROL.test(value) || FRAMING.has(name.toLowerCase()));
  // A chunked body with a length beside it (a proxy that chunked a script's output and kept its
  // length): Transfer-Encoding wins (RFC 9112 6.3), as browsers read it. Allowed here because this
  // connection carries this one response and is closed after it (RFC 9112 6.1).
  const chunked = kept.some(([name, value]) => name.toLowerCase() === 'transfer-encoding' && /(?:^|,)\s*chunked\s*$/i.test(value));
  const fields = chunked ? kept.filter(([name]) => name.toLowerCase() !== 'content-length') : kept;
  const lengths = fields.filter(([name]) => name.toLowerCase() === 'content-length').flatMap(([, value]) => value.split(',').map((v) => v.trim()));
  const distinct = [...new Set(lengths)];
  if (distinct.length > 1 && distinct.every((v) => /^\d+$/.test(v))) {
    return new HttpError(
      'network',
      `the server sent two different lengths for one response (Content-Length ${distinct.join(' and ')}), a sign of a response hidden inside another, so it was refused`,
      url, null, null, 'HPE_UNEXPECTED_CONTENT_LENGTH',
    );
  }
  const written = distinct.length === 1 && /^\d+$/.test(distinct[0] ?? '')
    ? [...fields.filter(([name]) => name.toLowerCase() !== 'content-length'), ['Content-Length', distinct[0]] as [string, string]]
    : fields;
  return `${status}\r\n${written.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
}

/** Where the head read so far ends (just past its blank line, ended by CRLF or LF), or -1. */
function headEnd(text: string): number {
  const lf = text.indexOf('\n\n');
  const crlf = text.indexOf('\n\r\n');
  if (lf < 0) return crlf < 0 ? -1 : crlf + 3;
  return crlf < 0 || lf < crlf ? lf + 2 : crlf + 3;
}

/**
 * A connection whose incoming head is mended before Node's parser reads it; everything after the
 * head (the body, its chunked framing) is passed on unchanged. It stands in for the socket Node
 * would have opened (http.request's createConnection): what exchange.ts reads of a socket
 * (connecting, 'connect', the remote address) is the real one's.
 */
class HeadMendingSocket extends Duplex {
  private pending = '';
  private mending = true;
  private ended = false;

  constructor(private readonly inner: net.Socket, private readonly url: string) {
    super();
    inner.on('connect', () => this.emit('connect'));
    inner.on('data', (chunk: Buffer) => this.receive(chunk));
    inner.on('end', () => {
      this.ended = true;
      if (this.pending) this.push(Buffer.from(this.pending, 'latin1'));
      this.push(null);
    });
    inner.on('error', (error) => this.destroy(error));
    // After its end, what is still buffered here is read first (the stream ends itself then).
    inner.on('close', () => {
      if (!this.ended) this.destroy();
    });
  }

  get connecting(): boolean { return this.inner.connecting; }
  get remoteAddress(): string | undefined { return this.inner.remoteAddress; }
  get remotePort(): number | undefined { return this.inner.remotePort; }
  setNoDelay(noDelay?: boolean): this { this.inner.setNoDelay(noDelay); return this; }
  setKeepAlive(enable?: boolean, delay?: number): this { this.inner.setKeepAlive(enable, delay); return this; }
  setTimeout(ms: number, callback?: () => void): this { this.inner.setTimeout(ms, callback); return this; }
  ref(): this { this.inner.ref(); return this; }
  unref(): this { this.inner.unref(); return this; }

  private receive(chunk: Buffer): void {
    if (!this.mending) {
      this.pass(chunk);
      return;
    }
    this.pending += chunk.toString('latin1');
    // An interim 1xx head is followed by the real one: each is mended in turn.
    for (let end = headEnd(this.pending); this.mending && end >= 0; end = headEnd(this.pending)) {
      const mended = mendHead(this.pending.slice(0, end), this.url);
      if (mended instanceof HttpError) {
        this.destroy(mended);
        return;
      }
      this.pending = this.pending.slice(end);
      this.mending = /^HTTP\/\d\.\d\s+1\d\d/.test(mended) && !/^HTTP\/\d\.\d\s+101/.test(mended);
      this.pass(Buffer.from(mended, 'latin1'));
    }
    if (!this.mending && this.pending) {
      this.pass(Buffer.from(this.pending, 'latin1'));
      this.pending = '';
    } else if (this.pending.length > MAX_HEAD_BYTES) {
      this.destroy(new HttpError('network', 'the server sent too many or too long headers', this.url, null, null, 'HPE_HEADER_OVERFLOW'));
    }
  }

  private pass(bytes: Buffer): void {
    if (!this.push(bytes)) this.inner.pause();
  }

  override _read(): void {
    this.inner.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.inner.write(chunk, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.inner.end(callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inner.destroy();
    callback(error);
  }
}

/**
 * http.request's createConnection for a hop whose head is to be mended: its own connection (TLS
 * for https), through the hop's guarded lookup, so the address policy holds as on every hop.
 */
export function mendingConnection(url: URL, lookup: LookupFunction, secureContext: tls.SecureContext | undefined): () => net.Socket {
  return () => {
    const inner = connectTo(url, lookup, { secureContext });
    // Any Duplex may stand for the socket (Node's docs for createConnection); its type says Socket.
    return new HeadMendingSocket(inner, url.href) as unknown as net.Socket;
  };
}
