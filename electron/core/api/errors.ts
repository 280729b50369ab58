// A call the contract refuses, with the code every transport understands (shared/wire.ts
// ApiErrorCode). Domain errors elsewhere in the core carry such a code themselves (DraftError,
// DiscoveryError, SyncAlreadyRunningError): the hosts show it, the preview as an HTTP status.
import type { ApiErrorCode } from '../../../shared/wire';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: ApiErrorCode,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
