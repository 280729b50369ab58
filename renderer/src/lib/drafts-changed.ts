// The core sends no event when a draft changes, so the renderer tells itself: the composer
// announces each save and send, and the Drafts view, open beside it, reloads.
const EVENT = 'paperboy-drafts-changed';

export function announceDraftsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onDraftsChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
