// An arXiv abstract page (arxiv.org/abs/..., the link aggregators and newsletters give for a
// paper): the title, the authors and the abstract are what a reader keeps, with the comments and
// subjects lines under them. Readability dropped the authors (a line of links, and named like a
// byline) and kept the page's own lines around them: "View PDF HTML (experimental)", the
// "Cite as" and DOI rows, and the submission history with its file sizes.

/** Every abstract page names its paper so for Google Scholar; other pages never. */
const PAGE_MARK = 'citation_arxiv_id';
/** The template's parts around the abstract: the date line, the subject heading over the title,
 *  the links to the PDF and HTML, the submission history, the side column of services, the
 *  arXivLabs tabs, the endorsers' line. */
const AROUND_THE_ABSTRACT = [
  '.dateline', '.subheader', '.header-breadcrumbs-mobile', '.mobile-submission-download', '#download-button-info',
  '.submission-history', '.extra-services', '#labstabs', '.endorsers',
].join(', ');
/** The metadata table's cells that cite the paper (its identifier, its version, its DOI): their rows go. */
const CITATION_CELLS = 'td.arxivid, td.arxividv, td.arxivdoi';

/** Cuts an abstract page to its paper (AROUND_THE_ABSTRACT, the citation rows) and returns the
 *  authors' line, for extract.ts to set aside while Readability runs; nothing on other pages. */
export function arxivAbstractParts(doc: Document, pageHtml: string): Element[] {
  if (!pageHtml.includes(PAGE_MARK)) return [];
  const abstract = doc.querySelector('#abs blockquote.abstract');
  if (!abstract) return [];
  for (const element of doc.querySelectorAll(AROUND_THE_ABSTRACT)) element.remove();
  for (const cell of doc.querySelectorAll(CITATION_CELLS)) cell.closest('tr')?.remove();
  // "Authors:", "Abstract:" are spaced from what they label by the page's style alone.
  for (const label of doc.querySelectorAll('#abs .descriptor')) label.after(doc.createTextNode(' '));
  return [...doc.querySelectorAll('#abs .authors')];
}
