// Module resolution hook: `import ... from 'electron'` (from dist/main.js and from electron-store)
// gets ./fake-electron.mjs instead of the npm package, which needs the Electron binary.
const FAKE = new URL('./fake-electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: FAKE, shortCircuit: true };
  return nextResolve(specifier, context);
}
