// The standfirst under a headline that stands in a <header> outside any sectioning element (a
// press wire's <header class="release-header"><h1>…</h1><p class="subtitle">…</p></header>, beside
// the release's <section>). page-document.ts builds the page without such headers, as the site's
// masthead, so extraction never saw the subtitle that a page parsed whole finds (standfirst.ts):
// the two paths disagreed. This reads it as the parser passes over the left-out header, by the
// rules of standfirst.ts: the first element after the header's headline (an <h1> that is no site
// logo) named as a standfirst, or the subtitle heading that holds the first text after it, within
// MAX_DISTANCE elements and before any unnamed paragraph, a sentence long, with few links.
// Costs a left-out header's elements a comparison each, and the few after its <h1> a class read.
import { componentNamesStandfirst, isStandfirstName, MAX_DISTANCE, MAX_TEXT, MIN_TEXT, SUBTITLE_HEADINGS } from './standfirst';

/** What the header's headline is followed by: its standfirst's text, and whether it is a bare
 *  heading (to be checked against the page's <title>, which a site's name in an <h1> repeats). */
export interface HeaderStandfirst {
  readonly text: string;
  readonly heading: boolean;
}

/** What a standfirst may not hold: a picture, a table, a headline, a list of facts. */
const NOT_IN_STANDFIRST = new Set(['img', 'picture', 'svg', 'table', 'h1', 'li']);

/** Fed the parser's events inside each left-out header, in order; `found` once it has read one. */
export class HeaderStandfirstReader {
  found: HeaderStandfirst | null = null;
  private state: 'before' | 'headline' | 'after' | 'done' = 'before';
  /** Elements open inside the headline, or inside the candidate. */
  private depth = 0;
  private logo = false;
  private distance = 0;
  private textSeen = false;
  private candidate: { heading: boolean; text: string; linked: number; spoiled: boolean } | null = null;
  private linksOpen = 0;

  open(name: string, attribute: (name: string) => string | undefined): void {
    if (this.state === 'before') {
      if (name === 'h1') {
        this.state = 'headline';
        this.depth = 1;
        this.logo = false;
      }
      return;
    }
    if (this.state === 'headline') {
      this.depth++;
      // A site's name or logo set as an <h1> (page-cleanup.ts isSiteLogo): the headline is a later one.
      if (name === 'img' || name === 'svg' || (name === 'a' && isHomeLink(attribute('href')))) this.logo = true;
      return;
    }
    if (this.state !== 'after') return;
    if (this.candidate) {
      this.depth++;
      if (name === 'a') this.linksOpen++;
      if (NOT_IN_STANDFIRST.has(name)) this.candidate.spoiled = true;
      return;
    }
    if (++this.distance > MAX_DISTANCE) return this.finish();
    const named = (attribute('class') ?? '').split(/\s+/).some(isStandfirstName) || componentNamesStandfirst(attribute);
    // The story's first paragraph: a standfirst comes before it.
    if (name === 'p' && !named) return this.finish();
    if (named || (SUBTITLE_HEADINGS.has(name) && !this.textSeen)) {
      this.candidate = { heading: !named, text: '', linked: 0, spoiled: false };
      this.depth = 1;
      this.linksOpen = name === 'a' ? 1 : 0;
    }
  }

  close(name: string): void {
    if (this.state === 'headline') {
      if (--this.depth === 0) this.state = this.logo ? 'before' : 'after';
      return;
    }
    if (this.state !== 'after' || !this.candidate) return;
    if (name === 'a') this.linksOpen--;
    if (--this.depth > 0) return;
    const candidate = this.candidate;
    this.candidate = null;
    const text = candidate.text.replace(/\s+/g, ' ').trim();
    if (candidate.spoiled || text.length < MIN_TEXT || text.length > MAX_TEXT) return;
    // standfirst.ts: a subtitle heading has no link at all; a named one, few.
    if (candidate.heading ? candidate.linked > 0 : candidate.linked >= text.length / 4) return;
    this.found = { text, heading: candidate.heading };
    this.state = 'done';
  }

  text(data: string): void {
    if (this.state !== 'after') return;
    if (this.candidate) {
      this.candidate.text += data;
      if (this.linksOpen > 0) this.candidate.linked += data.trim().length;
    } else if (!this.textSeen && /\S/.test(data)) this.textSeen = true;
  }

  /** The header ended: a standfirst stands in the same header as its headline. */
  leaveHeader(): void {
    if (this.state === 'after' || this.state === 'headline') this.finish();
  }

  private finish(): void {
    this.state = 'done';
    this.candidate = null;
  }
}

/** A link to the site's home page: "/" or a bare origin. */
function isHomeLink(href: string | undefined): boolean {
  const trimmed = href?.trim();
  return trimmed === '/' || (trimmed !== undefined && /^https?:\/\/[^/]+\/?$/i.test(trimmed));
}
