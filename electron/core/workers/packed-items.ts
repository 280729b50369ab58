// A feed's items on their way from the parse worker to the writer thread: one buffer, moved
// (transferred) from thread to thread rather than copied. As thousands of objects they were
// copied into the main thread and out again, and the main thread's heap filled with them between
// collections (a cold sync's peak memory, and its longest pauses). The buffer holds V8's own
// serialization (what postMessage itself writes), which copies each string's characters as they
// are: as JSON, escaping and UTF-8 encoding them in the worker and decoding and parsing them in
// the writer cost 4-8 times as much (0.5 s each way for 5,000 items of a few kilobytes). Every
// field of an item is a string, a number, null or an array of those, and come back as they went.
import { deserialize, serialize } from 'node:v8';
import type { IncomingItem } from '../storage';

/** IncomingItem[] serialized, in a buffer of its own (never Node's shared pool: it is transferred). */
export type PackedItems = Uint8Array & { readonly packed: 'IncomingItem[]' };

export function packItems(items: readonly IncomingItem[]): PackedItems {
  return serialize(items) as Uint8Array as PackedItems;
}

export function unpackItems(packed: PackedItems): IncomingItem[] {
  return deserialize(packed) as IncomingItem[];
}
