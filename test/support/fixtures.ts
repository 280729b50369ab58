// Fixture files live in test/fixtures/. Text fixtures may contain the placeholder {{ORIGIN}},
// replaced by the loopback server's origin (http://127.0.0.1:PORT) so that links inside feeds
// and pages point back at the test server.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixturePath(name: string): string {
  return root + name;
}

export function fixtureBytes(name: string): Buffer {
  return readFileSync(root + name);
}

export function fixtureText(name: string, origin?: string): string {
  const text = readFileSync(root + name, 'utf8');
  return origin === undefined ? text : text.replaceAll('{{ORIGIN}}', origin);
}
