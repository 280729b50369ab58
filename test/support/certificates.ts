// A small certificate authority for TLS tests, made with the openssl command line at test time
// (nothing secret is committed, and each run's keys are new): a root, an intermediate it signs,
// and server certificates the intermediate signs, as public CAs issue them. A server certificate
// may name where its issuer's certificate is published (Authority Information Access, "CA
// Issuers"), as every public CA's certificates do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Issued {
  readonly key: string;
  readonly cert: string;
}

export interface TestAuthority {
  /** The self-signed root, to be trusted by the client under test. */
  readonly root: Issued;
  readonly intermediate: Issued;
  /** A server certificate for 127.0.0.1 (and `names`), signed by the intermediate (or the root itself, or
   *  by its own key: 'self', as a router's or a forgotten staging server's); `expired`: its last day was yesterday. */
  server(options: {
    readonly names?: readonly string[]; readonly issuerUrl?: string | null; readonly signer?: 'root' | 'intermediate' | 'self'; readonly expired?: boolean;
  }): Issued;
  /** The intermediate's certificate as a CA publishes it: DER. */
  readonly intermediateDer: Buffer;
  dispose(): void;
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** A root and an intermediate named `name`. */
export function makeAuthority(name: string): TestAuthority {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'paperboy-ca-'));
  const file = (base: string) => path.join(dir, base);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const issued = (base: string): Issued => ({ key: readFileSync(file(`${base}.key`), 'utf8'), cert: readFileSync(file(`${base}.crt`), 'utf8') });

  openssl('req', '-x509', ...EC, '-keyout', 'root.key', '-out', 'root.crt', '-days', '30', '-subj', `/CN=${name} Root`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  // Days -1 ends the certificate yesterday: OpenSSL 3.0's x509 has no -not_after.
  const sign = (base: string, subject: string, issuer: string, extensions: string, days = 30) => {
    openssl('req', ...EC, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', subject);
    writeFileSync(file(`${base}.ext`), extensions);
    const by = issuer === base ? ['-signkey', `${base}.key`] : ['-CA', `${issuer}.crt`, '-CAkey', `${issuer}.key`, '-CAcreateserial'];
    openssl('x509', '-req', '-in', `${base}.csr`, ...by, '-out', `${base}.crt`, '-days', String(days), '-extfile', `${base}.ext`);
  };
  sign('intermediate', `/CN=${name} Intermediate`, 'root',
    'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  let servers = 0;
  return {
    root: issued('root'),
    intermediate: issued('intermediate'),
    intermediateDer: openssl('x509', '-in', 'intermediate.crt', '-outform', 'DER'),
    server({ names = [], issuerUrl = null, signer = 'intermediate', expired = false }) {
      const base = `server${servers++}`;
      const alt = ['IP:127.0.0.1', ...names.map((n) => `DNS:${n}`)].join(',');
      sign(base, '/CN=127.0.0.1', signer === 'self' ? base : signer,
        `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${alt}\n`
          + `${signer === 'self' ? '' : 'authorityKeyIdentifier=keyid\n'}${issuerUrl ? `authorityInfoAccess=caIssuers;URI:${issuerUrl}\n` : ''}`, expired ? -1 : 30);
      return issued(base);
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
