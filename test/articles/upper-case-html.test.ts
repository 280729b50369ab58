// Pages written by hand or by old tools (FrontPage, Dreamweaver, a 1990s CGI script) spell their
// tags and attributes in capitals. HTML's names are case-insensitive: a browser reads <IMG SRC> as
// <img src>, and so must every reader of the page's DOM here (its images, links and lead image).
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { parsePage } from '../../electron/core/articles/page-document';

const PAGE_URL = 'http://millbrook-history.example/news/1999/mill.html';

const paragraphs = [
  'The old water mill on Station Lane will open its doors again this summer, after the parish council agreed to take over the lease from the county for a nominal sum.',
  'Volunteers from the history society have spent two winters clearing the wheel pit, and the miller who last worked it in 1961 came back to show them how the sluice was set.',
  'The society hopes to grind flour for the harvest fair in September, and asks anyone who kept photographs of the mill at work to bring them to the library on Saturday mornings.',
  'Opening hours will be posted on the noticeboard by the church gate, and school visits can be booked through the parish clerk from the first week of June onwards.',
];

const OLD_PAGE = `<HTML>
<HEAD>
<TITLE>Millbrook History Society - The mill reopens</TITLE>
<META NAME="description" CONTENT="News from the Millbrook History Society">
<META PROPERTY="og:image" CONTENT="http://millbrook-history.example/photos/mill-1961.jpg">
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">
</HEAD>
<BODY BGCOLOR="#FFFFFF" TEXT="#000000" LINK="#0000CC">
<TABLE WIDTH="620" BORDER="0" CELLPADDING="4">
<TR><TD VALIGN="TOP" WIDTH="140"><FONT SIZE="2"><A HREF="../../index.html">Home</A><BR><A HREF="../../events.html">Events</A><BR><A HREF="../../join.html">Join us</A></FONT></TD>
<TD VALIGN="TOP">
<H1>The mill reopens</H1>
<P><I>By Edith Marsh, June 1999</I></P>
<P>${paragraphs[0]}</P>
<P ALIGN="CENTER"><IMG SRC="../../photos/mill-1961.jpg" WIDTH="400" HEIGHT="280" ALT="The mill at work in 1961" BORDER="0"></P>
<P>${paragraphs[1]}</P>
<P>${paragraphs[2]} See the <A HREF="../../archive/mill.html">mill's history</A>.</P>
<P>${paragraphs[3]}</P>
</TD></TR>
</TABLE>
<CENTER><FONT SIZE="1">Page last updated 12 June 1999</FONT></CENTER>
</BODY>
</HTML>`;

describe('a page that writes its HTML in capitals', () => {
  it('gives the DOM lower-case attribute names, as a browser does, and keeps the SVG names that have case', () => {
    const doc = parsePage('<P><IMG SRC="/a.jpg" Alt="A" src="/second.jpg"><svg viewBox="0 0 10 10"><rect X="1"/></svg></P>');
    const img = doc.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/a.jpg');
    expect(img.getAttribute('alt')).toBe('A');
    expect(doc.querySelector('svg')!.getAttribute('viewBox')).toBe('0 0 10 10');
  });

  it('keeps its picture, its links and its lead image', () => {
    const prepared = prepareArticle({ pageHtml: OLD_PAGE, pageUrl: PAGE_URL, feedHtml: `<p>${paragraphs[0]}</p>`, feedItemUrl: PAGE_URL });
    expect(prepared.source).toBe('page');
    expect(prepared.imageUrls).toEqual(['http://millbrook-history.example/photos/mill-1961.jpg']);
    expect(prepared.leadImageUrl).toBe('http://millbrook-history.example/photos/mill-1961.jpg');
    expect(prepared.html).toContain('alt="The mill at work in 1961"');
    expect(prepared.html).toContain('<a href="http://millbrook-history.example/archive/mill.html" rel="noopener noreferrer">mill\'s history</a>');
    for (const paragraph of paragraphs) expect(prepared.text).toContain(paragraph);
  });
});
