// Reading values out of parsed JSON without trusting their types: a feed's JSON is a stranger's.
export type Json = Record<string, unknown>;

export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
