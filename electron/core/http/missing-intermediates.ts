// Sites whose server sends its own certificate without the intermediate one that signed it. A
// browser fills the gap (Chrome and Safari fetch the missing certificate from the address the
// site's certificate names, its Authority Information Access "CA Issuers"; Firefox ships the
// intermediates), so the site works for every visitor and its owner never hears of it; Node, curl,
// Python and Go refuse it ("unable to verify the first certificate"). Feed readers on those
// stacks (Miniflux, Nextcloud News) meet it as feeds that a browser opens and the reader cannot.
//
// Here, as the browsers do: when a hop fails for a missing issuer, the site's certificate is read
// from a handshake that sends nothing, its issuer's certificate is fetched from the address it
// names (through the same client: the same network scope, a small size cap), and the hop is tried
// once more with it among the issuers the connection may build its chain from. Trust does not
// move: the fetched certificate must have signed the site's, must be a CA's, and is no anchor
// itself (OpenSSL still needs the chain to end at a trusted root; an intermediate leading to no
// trusted root is refused as before). A self-signed certificate from the address is never added.
// Learned issuers are kept for the client's life, and a host whose chain could not be completed is
// not probed again for ten minutes.
//
// The connections of such a host use a secure context of Node's roots plus what was learned
// (`ca` replaces the default store, so NODE_EXTRA_CA_CERTS does not reach those hosts).
import { X509Certificate } from 'node:crypto';
import type { LookupFunction } from 'node:net';
import tls, { type SecureContext } from 'node:tls';
import { HttpError } from './errors';
import { tlsConnectTo } from './network-scope';
import { SECURE_OPTIONS } from './unpatched-servers';

/** Node's codes for a chain whose issuer it could not find: the ones a fetched issuer can mend. */
const MISSING_ISSUER = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT']);
/** A CA's certificate is a few KB; a PKCS#7 bundle of a chain a little more. */
export const ISSUER_MAX_BYTES = 64 * 1024;
/** Issuers fetched for one chain at most: a site, an intermediate, and the intermediate's issuer. */
const MOST_LEVELS = 3;
const FAILED_FOR_MS = 10 * 60_000;

/** Fetches an issuer's certificate over the client's own path (its scope, its limits). */
export type FetchIssuer = (url: string) => Promise<Buffer>;

export function isMissingIssuer(error: unknown): boolean {
  return error instanceof HttpError && error.errorCode !== null && MISSING_ISSUER.has(error.errorCode);
}

export class MissingIntermediates {
  private readonly learned: string[] = [];
  private readonly learnedKeys = new Set<string>();
  /** host:port whose connections need the learned issuers. */
  private readonly mended = new Set<string>();
  private readonly failedUntil = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private context: SecureContext | null = null;

  /** `extraRoots`: roots trusted besides Node's (a test's own CA); their context is every host's. */
  constructor(private readonly extraRoots: readonly string[] = []) {}

  /** The secure context for connections to `hostKey` (host:port); undefined for Node's default. */
  contextFor(hostKey: string): SecureContext | undefined {
    if (this.extraRoots.length === 0 && !this.mended.has(hostKey)) return undefined;
    this.context ??= tls.createSecureContext({ ca: [...tls.rootCertificates, ...this.extraRoots, ...this.learned], secureOptions: SECURE_OPTIONS });
    return this.context;
  }

  /**
   * After a hop to `url` failed for a missing issuer: fetches the issuers its certificate names,
   * and answers whether the hop is worth trying again (something new was learned for it).
   */
  mend(url: URL, lookup: LookupFunction, fetchIssuer: FetchIssuer): Promise<boolean> {
    const hostKey = `${url.hostname}:${url.port || 443}`;
    // Mended already and still refused: what was learned leads to no trusted root.
    if (this.mended.has(hostKey) || (this.failedUntil.get(hostKey) ?? 0) > Date.now()) return Promise.resolve(false);
    let pending = this.inFlight.get(hostKey);
    if (!pending) {
      pending = this.learnFor(url, lookup, fetchIssuer).then((learned) => {
        if (learned) this.mended.add(hostKey);
        else this.failedUntil.set(hostKey, Date.now() + FAILED_FOR_MS);
        return learned;
      }).finally(() => this.inFlight.delete(hostKey));
      this.inFlight.set(hostKey, pending);
    }
    return pending;
  }

  private async learnFor(url: URL, lookup: LookupFunction, fetchIssuer: FetchIssuer): Promise<boolean> {
    let certificate = await lastSentCertificate(url, lookup, this.contextFor(`${url.hostname}:${url.port || 443}`)).catch(() => null);
    let learnedAny = false;
    for (let level = 0; certificate !== null && level < MOST_LEVELS; level++) {
      const issuer = await this.fetchIssuerOf(certificate, fetchIssuer);
      if (issuer === null) break;
      if (!this.learnedKeys.has(issuer.fingerprint256)) {
        this.learnedKeys.add(issuer.fingerprint256);
        this.learned.push(issuer.toString());
        this.context = null;
      }
      learnedAny = true;
      certificate = issuer;
    }
    return learnedAny;
  }

  /** The certificate's issuer from the first of its CA Issuers addresses that gives one: a CA's
   *  certificate that signed it and is not self-signed (a root is trusted already, or not at all). */
  private async fetchIssuerOf(certificate: X509Certificate, fetchIssuer: FetchIssuer): Promise<X509Certificate | null> {
    for (const address of issuerAddresses(certificate)) {
      let issuer: X509Certificate;
      try {
        issuer = new X509Certificate(await fetchIssuer(address));
      } catch {
        continue;
      }
      const signedIt = certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
      if (signedIt && issuer.ca && !issuer.checkIssued(issuer)) return issuer;
    }
    return null;
  }
}

/** The http(s) addresses a certificate names for its issuer's certificate. */
function issuerAddresses(certificate: X509Certificate): string[] {
  return (certificate.infoAccess ?? '')
    .split('\n')
    .filter((line) => line.startsWith('CA Issuers - URI:'))
    .map((line) => line.slice('CA Issuers - URI:'.length).trim())
    .filter((address) => /^https?:\/\//i.test(address));
}

/**
 * The last certificate of the chain the server sends, the one whose issuer is missing, from a
 * handshake that checks nothing and sends nothing: only certificates are read from it.
 */
function lastSentCertificate(url: URL, lookup: LookupFunction, secureContext: SecureContext | undefined): Promise<X509Certificate | null> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnectTo(url, lookup, { secureContext, rejectUnauthorized: false });
    socket.setTimeout(10_000, () => socket.destroy(new Error('timed out')));
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      let sent = socket.getPeerCertificate(true) as tls.DetailedPeerCertificate | null;
      while (sent?.issuerCertificate && sent.issuerCertificate !== sent && sent.issuerCertificate.raw) sent = sent.issuerCertificate;
      socket.destroy();
      resolve(sent?.raw ? new X509Certificate(sent.raw) : null);
    });
  });
}
