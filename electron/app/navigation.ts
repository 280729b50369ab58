// What the window may do on its own: nothing. It never navigates away from the app, opens no
// windows, gets no permission and downloads nothing; the only way out is a link the person
// follows, which goes to the system browser, for http(s) and mailto URLs only.

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_URL_LENGTH = 8192;
/**
 * The mailto fields a link may fill in (RFC 6068 names, case-insensitive). Others go: some mail
 * programs take attach=/attachment= and would add a file of the person's to the message.
 */
const MAILTO_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body']);

/**
 * The URL to hand to shell.openExternal, re-serialized from the parse, or null when it must not
 * be opened: another scheme (file:, javascript:, smb:, a custom handler...), credentials in it,
 * no host for http(s), control characters or an absurd length.
 */
export function externalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === 'mailto:') return url.pathname.length > 0 ? mailtoWithFields(url) : null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** The mailto URL with only MAILTO_FIELDS in its query, their values exactly as written. */
function mailtoWithFields(url: URL): string {
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => {
      try {
        return MAILTO_FIELDS.has(decodeURIComponent(pair.split('=')[0]!).toLowerCase());
      } catch {
        return false; // a name that is not even valid percent-encoding
      }
    });
  return `mailto:${url.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
}

export type WindowOpenDecision = { readonly action: 'deny'; readonly openExternal: string | null };

/** window.open, target=_blank and the like: never a new Electron window; a web link goes to the browser. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternal: externalUrl(url) };
}

/**
 * Top-level and frame navigations, redirects included: always refused. The UI is one page; a link
 * in an article is routed through `paperboy.openExternal` by the renderer, so a navigation here is
 * either a bug or content trying something, and neither should open the browser on its own.
 */
export function allowNavigation(_url: string): false {
  return false;
}

/** Permissions (camera, notifications, clipboard, geolocation, ...) granted to the UI: none. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set();

export function allowPermission(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}

/**
 * Requests the session cancels whatever their origin: the renderer never needs the network (the
 * core fetches feeds with its own HTTP client in the main process, outside the session).
 */
export const REMOTE_URL_PATTERNS: readonly string[] = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];
