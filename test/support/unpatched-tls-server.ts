// An HTTPS server as old load balancers and appliances answer: TLS 1.2 whose ServerHello carries no
// extension at all, so none of RFC 5746's secure renegotiation (renegotiation_info) either. OpenSSL
// has answered every client with that extension since 2010 and has no switch to leave it out, nor
// has Node's tls (which is OpenSSL), so no real server for it can be configured here: this one
// speaks the handshake itself, in the bytes such servers send (ECDHE-ECDSA-AES128-GCM-SHA256, an
// EC certificate from test/support/certificates.ts), then answers each request on the connection
// with `answer`'s bytes and closes. Only what a handshake with Node's client needs is spoken.
import crypto from 'node:crypto';
import net from 'node:net';

const RECORD = { changeCipherSpec: 20, alert: 21, handshake: 22, data: 23 } as const;
const TLS12 = 0x0303;
const ECDHE_ECDSA_AES128_GCM_SHA256 = 0xc02b;

export class UnpatchedTlsServer {
  /** Requests read, as their first line. */
  readonly requests: string[] = [];

  private constructor(private readonly server: net.Server, readonly origin: string) {}

  /** `chain`: PEM certificates, the site's first; `answer`: a whole HTTP response for a request's first line. */
  static async start(key: string, chain: string, answer: (requestLine: string) => Buffer, host = '127.0.0.1'): Promise<UnpatchedTlsServer> {
    const certificates = chain.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)!.map((pem) => new crypto.X509Certificate(pem).raw);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const made = new UnpatchedTlsServer(server, `https://${host}:${(server.address() as net.AddressInfo).port}`);
    server.on('connection', (socket) => {
      socket.on('error', () => undefined);
      new Connection(socket, crypto.createPrivateKey(key), certificates, (line) => {
        made.requests.push(line);
        return answer(line);
      });
    });
    return made;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

class Connection {
  private input: Buffer = Buffer.alloc(0);
  private readonly transcript: Buffer[] = [];
  private clientRandom: Buffer = Buffer.alloc(0);
  private readonly serverRandom = crypto.randomBytes(32);
  private readonly ecdh = crypto.createECDH('prime256v1');
  private keys: { client: Buffer; server: Buffer; clientIv: Buffer; serverIv: Buffer; master: Buffer } | null = null;
  private clientEncrypting = false;
  private clientSeq = 0n;
  private serverSeq = 0n;
  private request = '';

  constructor(private readonly socket: net.Socket, private readonly key: crypto.KeyObject, private readonly certificates: Buffer[], private readonly answer: (line: string) => Buffer) {
    this.ecdh.generateKeys();
    socket.on('data', (chunk: Buffer) => {
      this.input = Buffer.concat([this.input, chunk]);
      try {
        this.readRecords();
      } catch {
        socket.destroy();
      }
    });
  }

  private readRecords(): void {
    while (this.input.length >= 5) {
      const length = this.input.readUInt16BE(3);
      if (this.input.length < 5 + length) return;
      const type = this.input[0]!;
      let body = this.input.subarray(5, 5 + length);
      this.input = this.input.subarray(5 + length);
      if (type === RECORD.changeCipherSpec) {
        this.clientEncrypting = true;
        continue;
      }
      if (type === RECORD.alert) return void this.socket.destroy();
      if (this.clientEncrypting) body = this.open(type, body);
      if (type === RECORD.handshake) this.handshake(body);
      else if (type === RECORD.data) this.data(body);
    }
  }

  private handshake(message: Buffer): void {
    const kind = message[0];
    if (kind === 1) {
      this.transcript.push(message);
      this.clientRandom = message.subarray(6, 38);
      this.hello();
    } else if (kind === 16) {
      this.transcript.push(message);
      const point = message.subarray(5, 5 + message[4]!);
      const premaster = this.ecdh.computeSecret(point);
      const master = prf(premaster, 'master secret', Buffer.concat([this.clientRandom, this.serverRandom]), 48);
      const block = prf(master, 'key expansion', Buffer.concat([this.serverRandom, this.clientRandom]), 40);
      this.keys = { client: block.subarray(0, 16), server: block.subarray(16, 32), clientIv: block.subarray(32, 36), serverIv: block.subarray(36, 40), master };
    } else if (kind === 20) {
      this.transcript.push(message);
      const hash = crypto.createHash('sha256').update(Buffer.concat(this.transcript)).digest();
      const verify = prf(this.keys!.master, 'server finished', hash, 12);
      this.socket.write(record(RECORD.changeCipherSpec, Buffer.from([1])));
      this.socket.write(this.seal(RECORD.handshake, handshakeMessage(20, verify)));
    }
  }

  /** ServerHello without extensions, the certificates, the ECDHE key signed, ServerHelloDone. */
  private hello(): void {
    const serverHello = handshakeMessage(2, Buffer.concat([u16(TLS12), this.serverRandom, Buffer.from([0]), u16(ECDHE_ECDSA_AES128_GCM_SHA256), Buffer.from([0])]));
    const list = Buffer.concat(this.certificates.map((der) => Buffer.concat([u24(der.length), der])));
    const certificate = handshakeMessage(11, Buffer.concat([u24(list.length), list]));
    const point = this.ecdh.getPublicKey();
    const params = Buffer.concat([Buffer.from([3]), u16(23), Buffer.from([point.length]), point]);
    const signature = crypto.sign('sha256', Buffer.concat([this.clientRandom, this.serverRandom, params]), this.key);
    const keyExchange = handshakeMessage(12, Buffer.concat([params, u16(0x0403), u16(signature.length), signature]));
    const done = handshakeMessage(14, Buffer.alloc(0));
    this.transcript.push(serverHello, certificate, keyExchange, done);
    this.socket.write(record(RECORD.handshake, Buffer.concat([serverHello, certificate, keyExchange, done])));
  }

  private data(plain: Buffer): void {
    this.request += plain.toString('latin1');
    if (!this.request.includes('\r\n\r\n')) return;
    const response = this.answer(this.request.split('\r\n', 1)[0]!);
    this.request = '';
    for (let at = 0; at < response.length; at += 16_384) this.socket.write(this.seal(RECORD.data, response.subarray(at, at + 16_384)));
    this.socket.end();
  }

  private open(type: number, body: Buffer): Buffer {
    const explicit = body.subarray(0, 8);
    const sealed = body.subarray(8, body.length - 16);
    const decipher = crypto.createDecipheriv('aes-128-gcm', this.keys!.client, Buffer.concat([this.keys!.clientIv, explicit]));
    decipher.setAAD(additionalData(this.clientSeq++, type, sealed.length));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(sealed), decipher.final()]);
  }

  private seal(type: number, plain: Buffer): Buffer {
    const seq = this.serverSeq++;
    const explicit = Buffer.alloc(8);
    explicit.writeBigUInt64BE(seq);
    const cipher = crypto.createCipheriv('aes-128-gcm', this.keys!.server, Buffer.concat([this.keys!.serverIv, explicit]));
    cipher.setAAD(additionalData(seq, type, plain.length));
    const sealed = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return record(type, Buffer.concat([explicit, sealed]));
  }
}

/** TLS 1.2's PRF, P_SHA256. */
function prf(secret: Buffer, label: string, seed: Buffer, length: number): Buffer {
  const labelled = Buffer.concat([Buffer.from(label, 'latin1'), seed]);
  const hmac = (data: Buffer) => crypto.createHmac('sha256', secret).update(data).digest();
  const out: Buffer[] = [];
  let a = labelled;
  for (let size = 0; size < length; size += 32) {
    a = hmac(a);
    out.push(hmac(Buffer.concat([a, labelled])));
  }
  return Buffer.concat(out).subarray(0, length);
}

function additionalData(seq: bigint, type: number, length: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeBigUInt64BE(seq);
  data[8] = type;
  data.writeUInt16BE(TLS12, 9);
  data.writeUInt16BE(length, 11);
  return data;
}

function record(type: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([type]), u16(TLS12), u16(body.length), body]);
}

function handshakeMessage(type: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([type]), u24(body.length), body]);
}

function u16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(value);
  return bytes;
}

function u24(value: number): Buffer {
  return Buffer.from([(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff]);
}
