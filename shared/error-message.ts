// What to show of anything thrown: an Error's message, or the thrown value as text. Written once
// because every layer reports failures to a person (the CLI's stderr, a dialog, the sync log).
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
