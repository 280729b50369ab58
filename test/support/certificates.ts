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
  /** A server certificate for 127.0.0.1 (and `names`), signed by the intermediate (or the root itself). */
  server(options: { readonly names?: readonly string[]; readonly issuerUrl?: string | null; readonly signer?: 'root' | 'intermediate' }): Issued;
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
  const sign = (base: string, subject: string, issuer: string, extensions: string) => {
    openssl('req', ...EC, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', subject);
    writeFileSync(file(`${base}.ext`), extensions);
    openssl('x509', '-req', '-in', `${base}.csr`, '-CA', `${issuer}.crt`, '-CAkey', `${issuer}.key`, '-CAcreateserial',
      '-out', `${base}.crt`, '-days', '30', '-extfile', `${base}.ext`);
  };
  sign('intermediate', `/CN=${name} Intermediate`, 'root',
    'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  let servers = 0;
  return {
    root: issued('root'),
    intermediate: issued('intermediate'),
    intermediateDer: openssl('x509', '-in', 'intermediate.crt', '-outform', 'DER'),
    server({ names = [], issuerUrl = null, signer = 'intermediate' }) {
      const base = `server${servers++}`;
      const alt = ['IP:127.0.0.1', ...names.map((n) => `DNS:${n}`)].join(',');
      sign(base, '/CN=127.0.0.1', signer,
        `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${alt}\n`
          + `authorityKeyIdentifier=keyid\n${issuerUrl ? `authorityInfoAccess=caIssuers;URI:${issuerUrl}\n` : ''}`);
      return issued(base);
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
