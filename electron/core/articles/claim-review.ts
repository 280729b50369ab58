// A fact check's claim and verdict, set in a card above its text (Full Fact's "What was claimed" /
// "Our verdict", PolitiFact's statement and meter, AFP's and Snopes' claim and rating boxes): the
// heart of the page, which Readability left out as a block beside the text it chose. The page names
// the claim in its ClaimReview JSON-LD (schema.org, which search engines ask fact-checkers for):
// the card is the block around the paragraph that says it, and it is kept with the text.

/** The most a card holds: a claim, a verdict, their headings and a line of sources; more is the
 *  page's whole text. */
const CARD_TEXT = 2000;

/** The card that states the claim the page's ClaimReview reviews, or null when the page has none
 *  or does not show the claim in a paragraph of its own. `structured`: the texts of the page's
 *  JSON-LD scripts. */
export function claimReviewCard(structured: readonly string[], paragraphs: readonly Element[]): Element | null {
  const claim = reviewedClaim(structured);
  if (claim === null) return null;
  const said = paragraphs.find((paragraph) => paragraph.isConnected && normalized(paragraph.textContent ?? '') === claim);
  if (said === undefined) return null;
  let card: Element = said;
  for (let parent = said.parentElement; parent && !holdsPageParts(parent) && normalized(parent.textContent ?? '').length <= CARD_TEXT; parent = parent.parentElement) card = parent;
  return card === said ? null : card;
}

/** What a page's ClaimReview says it reviews (its claimReviewed), normalized; null when none. */
function reviewedClaim(structured: readonly string[]): string | null {
  for (const text of structured) {
    // Most pages have no fact check: their scripts are not parsed for one.
    if (!text.includes('ClaimReview')) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    for (const node of nodesOf(data)) {
      const claim = node['claimReviewed'];
      if (typeof claim === 'string' && typesOf(node).includes('ClaimReview') && claim.trim() !== '') return normalized(claim);
    }
  }
  return null;
}

/** The page's own parts a card never holds: its headline, its main or another article. */
function holdsPageParts(element: Element): boolean {
  const tag = element.localName;
  return tag === 'body' || tag === 'main' || tag === 'article' || element.querySelector('h1, main, article') !== null;
}

function nodesOf(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) return data.flatMap(nodesOf);
  if (data === null || typeof data !== 'object') return [];
  const node = data as Record<string, unknown>;
  return [node, ...nodesOf(node['@graph'] ?? [])];
}

function typesOf(node: Record<string, unknown>): unknown[] {
  const type = node['@type'];
  return Array.isArray(type) ? type : [type];
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
