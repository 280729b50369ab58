// One call from a page, as both hosts take it: the message checked for shape, the call made
// through the core's validated contract, the outcome wrapped in the wire's reply envelope
// (shared/wire.ts). The preview adds an HTTP status; the app sends the envelope over IPC as is.
import { parseCallMessage, replyOf, type ApiErrorCode, type Reply } from '../../shared/wire';
import type { PaperboyCore } from '../core';

class MalformedCallError extends Error {
  override readonly name = 'MalformedCallError';
  readonly code: ApiErrorCode = 'invalid-arguments';
}

export function answerCall(core: Pick<PaperboyCore, 'call'>, method: unknown, args: unknown): Promise<Reply> {
  return replyOf(() => {
    const call = parseCallMessage(method, args);
    if (!call) throw new MalformedCallError('call refused: malformed message');
    return core.call(call.method, call.args);
  });
}

const STATUS_OF_CODE: Readonly<Record<ApiErrorCode, number>> = {
  'invalid-arguments': 400,
  'unknown-method': 404,
  'not-found': 404,
  // The person's input was understood and refused (no feed at that address, a sync already running).
  refused: 422,
  unreachable: 502,
  failed: 500,
};

/** The HTTP status of a reply: 200, 4xx for the person's errors, 5xx for ours. */
export function httpStatusOf(reply: Reply): number {
  if (reply.ok) return 200;
  const code = reply.error.code;
  return code !== null && Object.hasOwn(STATUS_OF_CODE, code) ? STATUS_OF_CODE[code as ApiErrorCode] : 500;
}
