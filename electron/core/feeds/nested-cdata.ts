// CDATA sections inside CDATA sections, which XML has no such thing as: the first ']]>' ends the
// outer section. A template that wraps every field in CDATA over a CMS that wrapped it already
// writes <title><![CDATA[<![CDATA[Headline]]>]]></title>, and the title showed its markers
// ("<![CDATA[Headline]]>"); a post that quotes a CDATA section in its HTML left the rest of its
// body as markup, and a '</p>' there refused the whole feed. The writer meant one section holding
// the text: read so, the inner markers go and their text stays.

const OPEN = '<![CDATA[';
const CLOSE = ']]>';
/** A section whose text opens with another: the double wrap, mended before the parse. */
const DOUBLE_WRAP = /<!\[CDATA\[\s*<!\[CDATA\[/;

/** Whether the document wraps a section in another, which the parse would read with its markers. */
export function hasDoubleWrappedCdata(xml: string): boolean {
  return DOUBLE_WRAP.test(xml);
}

/**
 * The document with each section's nested sections flattened into it: an inner '<![CDATA[' and
 * the ']]>' that closes it are dropped, the outer section ends at the ']]>' matching its own
 * start. Unchanged when some section never closes at its own level: then nothing was nested,
 * the document is broken otherwise.
 */
export function withNestedCdataFlattened(xml: string): string {
  const kept: string[] = [];
  let from = 0;
  let nested = false;
  for (let start = xml.indexOf(OPEN); start >= 0; start = xml.indexOf(OPEN, from)) {
    kept.push(xml.slice(from, start + OPEN.length));
    let at = start + OPEN.length;
    for (let depth = 1; depth > 0; ) {
      const close = xml.indexOf(CLOSE, at);
      if (close < 0) return xml;
      const open = xml.indexOf(OPEN, at);
      if (open >= 0 && open < close) {
        kept.push(xml.slice(at, open));
        at = open + OPEN.length;
        depth++;
        nested = true;
        continue;
      }
      depth--;
      kept.push(xml.slice(at, depth === 0 ? close + CLOSE.length : close));
      at = close + CLOSE.length;
    }
    from = at;
  }
  if (!nested) return xml;
  kept.push(xml.slice(from));
  return kept.join('');
}
