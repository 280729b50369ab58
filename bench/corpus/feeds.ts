// Feed corpus report: runs every fixture of test/fixtures/corpus/feeds through the sync's path
// (bytes + Content-Type -> documentText -> ingestFeed: parse, identify, sanitize) and prints, per
// class, how many parsed, how many failed with a clear message, how many came out garbled, and
// the share of field assertions met. Prints figures, asserts nothing.
// Run: npx tsx bench/corpus/feeds.ts
import { loadCorpus, runCase, type Outcome } from '../../test/feeds/corpus/feed-corpus';

interface Row {
  fixtures: number;
  parsed: number;
  clearErrors: number;
  otherErrors: number;
  garbled: number;
  met: number;
  assertions: number;
  ms: number;
}

/** A message a person can act on: short, plain, not a JavaScript error leaking through. */
function isClear(message: string): boolean {
  return message.length <= 200 && !/TypeError|ReferenceError|undefined|Cannot read|is not a function|\n/.test(message);
}

function add(row: Row, outcome: Outcome, ms: number): void {
  row.fixtures++;
  row.ms += ms;
  if (outcome.error === null) row.parsed++;
  else if (isClear(outcome.error)) row.clearErrors++;
  else row.otherErrors++;
  if (outcome.garbled !== null) row.garbled++;
  row.assertions += outcome.checks.length;
  row.met += outcome.checks.filter((c) => c.ok).length;
}

const empty = (): Row => ({ fixtures: 0, parsed: 0, clearErrors: 0, otherErrors: 0, garbled: 0, met: 0, assertions: 0, ms: 0 });
const rows = new Map<string, Row>();
const total = empty();
const misses: string[] = [];

for (const c of loadCorpus()) {
  const started = performance.now();
  const outcome = await runCase(c);
  const ms = performance.now() - started;
  const row = rows.get(c.class) ?? empty();
  rows.set(c.class, row);
  add(row, outcome, ms);
  add(total, outcome, ms);
  for (const check of outcome.checks.filter((k) => !k.ok)) {
    misses.push(`  ${c.class}/${c.name}: ${check.field} expected ${JSON.stringify(check.expected)}, got ${JSON.stringify(check.actual)?.slice(0, 120)}`);
  }
  if (outcome.garbled !== null) misses.push(`  ${c.class}/${c.name}: garbled text ${JSON.stringify(outcome.garbled.slice(0, 80))}`);
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const line = (name: string, r: Row) =>
  `${name.padEnd(24)}${pad(r.fixtures, 9)}${pad(r.parsed, 8)}${pad(r.clearErrors, 14)}${pad(r.otherErrors, 14)}${pad(r.garbled, 9)}${pad(`${r.met}/${r.assertions}`, 11)}${pad(`${((100 * r.met) / Math.max(1, r.assertions)).toFixed(1)} %`, 9)}${pad((r.ms / r.fixtures).toFixed(1), 8)}`;

console.log(`${'class'.padEnd(24)}${pad('fixtures', 9)}${pad('parsed', 8)}${pad('clear errors', 14)}${pad('other errors', 14)}${pad('garbled', 9)}${pad('fields met', 11)}${pad('share', 9)}${pad('ms/doc', 8)}`);
for (const [name, row] of [...rows.entries()].sort(([a], [b]) => a.localeCompare(b))) console.log(line(name, row));
console.log(line('all', total));
if (misses.length > 0) console.log(`\nMisses (${misses.length}):\n${misses.join('\n')}`);
