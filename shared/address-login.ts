// A login typed into a feed's address (https://name:password@host/feed, HTTP Basic, as feed
// readers have always taken it) is the person's secret: messages, logs and exported files quote
// the address without it. One place for the rule, used by the core, the CLI and the app.

/** The address without the name and password typed in it: for what leaves the person's hands (an OPML export). */
export function withoutLogin(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return address;
  }
  if (url.username === '' && url.password === '') return address;
  url.username = '';
  url.password = '';
  return url.href;
}

/**
 * A text with the password of every address in it shown as ***, the name kept so the person
 * knows which login it was: for messages shown on screen or written to a log.
 */
export function withoutPasswords(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*):[^\s/?#@]*@/gi, '$1:***@');
}

/** What an OPML export says when it left logins out (in the file, the CLI and the app's dialog);
 *  null when it left none. `addresses`: the exported feeds' addresses as stored. */
export function loginsLeftOutNote(addresses: readonly string[]): string | null {
  const count = addresses.filter((address) => withoutLogin(address) !== address).length;
  if (count === 0) return null;
  const which = count === 1 ? "1 feed's login (the name and password in its address) was" : `${count} feeds' logins (the name and password in their addresses) were`;
  return `${which} left out of the file: enter ${count === 1 ? 'it' : 'them'} again after importing it.`;
}
