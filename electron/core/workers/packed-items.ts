// A feed's items on their way from the parse worker to the writer thread: one UTF-8 JSON buffer,
// moved (transferred) from thread to thread rather than copied. As thousands of objects they
// were copied into the main thread and out again, and the main thread's heap filled with them
// between collections (a cold sync's peak memory, and its longest pauses). Every field of an
// item is a string, a number, null or an array of those, so JSON gives back exactly what went in.
import type { IncomingItem } from '../storage';

/** IncomingItem[] as UTF-8 JSON, in a buffer of its own (never Node's shared pool: it is transferred). */
export type PackedItems = Uint8Array & { readonly packed: 'IncomingItem[]' };

export function packItems(items: readonly IncomingItem[]): PackedItems {
  return new TextEncoder().encode(JSON.stringify(items)) as PackedItems;
}

export function unpackItems(packed: PackedItems): IncomingItem[] {
  return JSON.parse(new TextDecoder().decode(packed)) as IncomingItem[];
}
