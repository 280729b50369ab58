// Reading values out of parsed JSON without trusting their types: a feed's JSON is a stranger's.
export type Json = Record<string, unknown>;

export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A number JSON.parse may have rounded: an integer past 2^53 is no longer the digits the text wrote. */
export function isRoundedNumber(value: unknown): boolean {
  return typeof value === 'number' && !Number.isSafeInteger(value) && Number.isInteger(value);
}

// A string (skipped whole, so digits inside one are left alone) or a whole number literal.
const STRING_OR_NUMBER = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * Valid JSON text with every integer past 2^53 written as a string of its digits. Generators
 * write snowflake ids unquoted (`"id": 1790123456789012482`) and JSON.parse rounds neighbours to
 * one number; node 20's revivers cannot see a number's source, so the text is read again.
 */
export function quoteBigIntegers(json: string): string {
  return json.replace(STRING_OR_NUMBER, (token) =>
    token.startsWith('"') || /[.eE]/.test(token) || Number.isSafeInteger(Number(token)) ? token : `"${token}"`,
  );
}

// A string (skipped whole, so commas inside one are left alone) or a comma closing a list or an object.
const STRING_OR_TRAILING_COMMA = /"[^"\\]*(?:\\.[^"\\]*)*"|,(?=\s*[\]}])/g;

/**
 * The text without commas before a ']' or '}'. Feed templates (Jekyll's and Hugo's loops, a PHP
 * script's echo per item) write a comma after every item, the last too; JavaScript and JSON5
 * read it, JSON.parse refuses the whole feed.
 */
export function withoutTrailingCommas(json: string): string {
  return json.replace(STRING_OR_TRAILING_COMMA, (token) => (token === ',' ? '' : token));
}
