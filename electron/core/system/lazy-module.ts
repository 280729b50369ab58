// Heavy packages (HTML and XML parsers, the sanitizer) loaded the first time they are used, not
// when the core opens: `paperboy call listFeeds` and the app's first window parse nothing, and
// loading them all cost 0.5-1 s of start-up on a busy 2-core machine. A static import is hoisted
// to the start of the bundle whatever the code does; a require() inside a function is not. The
// packages named here are CommonJS (linkedom ships both), so they load synchronously.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** The package, loaded on the first call of the returned function. */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(name) as T);
}
