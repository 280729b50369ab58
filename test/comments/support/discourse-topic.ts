// A Discourse forum's topic as Discourse serves it to a client that runs no script (its "crawler"
// view, the one Paperboy gets): the opening post as a DiscussionForumPosting, then each reply as a
// schema.org Comment with its author's Person, a <time itemprop="datePublished">, its number
// (post_N, itemprop="position") and its text in itemprop="text"; the like counter outside the
// text. Served from 127.0.0.1 with a feed whose item links to it, as a forum's latest.rss does.
// A topic longer than a page is paged as Discourse pages it for that view: 20 posts a page (the
// opening post counts), ?page=N, the next and previous pages linked in the head (rel="next",
// rel="prev", page 1 as the bare address) and again below the posts ("next page →"), each page
// its own canonical address. A removed post leaves its number unused and the posts after it move
// up a place, as Discourse pages the posts shown. A page may be made to fail (500), as a busy
// forum's does. `postings`: the view as Discourse before 3.2 wrote it, every post (the opening
// one too) a DiscussionForumPosting of its own, its text in itemprop="articleBody", none a Comment.
import { TestServer } from '../../support/server';

export interface ForumReply {
  readonly author: string;
  readonly at: number;
  readonly paragraphs: readonly string[];
  readonly likes?: number;
  /** Removed by a moderator: no longer shown, the others keep their numbers. */
  readonly deleted?: boolean;
}

export const TOPIC_PATH = '/t/tide-gauge-reads-4-cm-high-after-firmware-2-4/4821';
const TITLE = 'Tide gauge reads 4 cm high after firmware 2.4';
const OPENED_AT = Date.UTC(2024, 2, 2, 9, 14, 51);
/** Posts a page in Discourse's view without JavaScript (TopicView's chunk size for crawlers). */
export const POSTS_PER_PAGE = 20;

export class DiscourseTopic {
  /** Pages (by number) answered 500 Internal Server Error. */
  readonly failingPages = new Set<number>();

  private constructor(readonly server: TestServer, readonly replies: ForumReply[], private readonly postings: boolean) {}

  static async start(replies: ForumReply[], view: 'comments' | 'postings' = 'comments'): Promise<DiscourseTopic> {
    const topic = new DiscourseTopic(await TestServer.start(), [...replies], view === 'postings');
    topic.server.route(TOPIC_PATH, (req, res) => {
      const page = Number(new URL(req.url ?? '/', topic.server.origin).searchParams.get('page') ?? '1');
      if (topic.failingPages.has(page)) {
        res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><html><head><title>Openwater Community</title></head><body><h1>Oops</h1><p>The software powering this discussion forum encountered an unexpected problem.</p></body></html>');
        return;
      }
      if (!Number.isInteger(page) || page < 1 || page > topic.pageCount) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><html><body><h1>Oops! That page doesn’t exist or is private.</h1></body></html>');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(topic.page(page));
    });
    topic.server.route('/latest.rss', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(topic.feed());
    });
    return topic;
  }

  get feedUrl(): string {
    return this.server.url('/latest.rss');
  }

  get topicUrl(): string {
    return this.server.url(TOPIC_PATH);
  }

  /** The topic's pages: the opening post and its replies shown, POSTS_PER_PAGE a page. */
  get pageCount(): number {
    return Math.ceil((this.shown().length + 1) / POSTS_PER_PAGE);
  }

  /** The replies shown, each with its post number (the opening post is 1). */
  shown(): { reply: ForumReply; number: number }[] {
    return this.replies.map((reply, index) => ({ reply, number: index + 2 })).filter(({ reply }) => !reply.deleted);
  }

  /** The address of page `page` as the forum links it: page 1 is the topic's own. */
  pagePath(page: number): string {
    return page === 1 ? TOPIC_PATH : `${TOPIC_PATH}?page=${page}`;
  }

  /** The pages asked for so far, by number, in the order asked. */
  pagesAsked(): number[] {
    return this.server.requests
      .filter((request) => request.path.split('?')[0] === TOPIC_PATH)
      .map((request) => Number(new URL(request.path, this.server.origin).searchParams.get('page') ?? '1'));
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  private feed(): string {
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Openwater Community - Latest topics</title><link>${this.server.url('/latest')}</link>
<description>Latest topics</description>
<item><title>${TITLE}</title><link>${this.topicUrl}</link><guid isPermaLink="false">forum.openwater-community-topic-4821</guid>
<pubDate>${new Date(OPENED_AT).toUTCString()}</pubDate>
<description><![CDATA[<p>Since updating two gauges to firmware 2.4 last week, both read about 4 cm above the reference staff at high water.</p>]]></description>
</item></channel></rss>`;
  }

  private page(page: number): string {
    // The opening post is the first of page 1's posts.
    const replies = this.shown().slice(Math.max((page - 1) * POSTS_PER_PAGE - 1, 0), page * POSTS_PER_PAGE - 1);
    const prev = page > 1 ? this.pagePath(page - 1) : null;
    const next = page < this.pageCount ? this.pagePath(page + 1) : null;
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${TITLE} - Hardware - Openwater Community</title>
<link rel="canonical" href="${this.server.url(this.pagePath(page))}" />
${prev ? `<link rel="prev" href="${prev}">\n` : ''}${next ? `<link rel="next" href="${next}">\n` : ''}</head>
<body class="crawler">
<header><a href="/">Openwater Community</a></header>
<div id="main-outlet" class="wrap" role="main">
  <div id="topic-title"><h1><a href="${TOPIC_PATH}">${TITLE}</a></h1></div>
${this.postings ? '' : `  <div itemscope itemtype='http://schema.org/DiscussionForumPosting'>
    <meta itemprop='headline' content='${TITLE}'>
    <meta itemprop='datePublished' content='${new Date(OPENED_AT).toISOString()}'>\n`}${page === 1 ? this.openingPost() : ''}${replies.map(({ reply, number }) => replyMarkup(reply, number, this.postings)).join('\n')}
${this.postings ? '' : '  </div>'}
${prev || next ? `  <div role='navigation' itemscope itemtype='http://schema.org/SiteNavigationElement' class="topic-body crawler-post">
    ${prev ? `<span itemprop='name'><a rel="prev" itemprop="url" href="${prev}">← previous page</a></span>` : ''}
    ${next ? `<span itemprop='name'><b><a rel="next" itemprop="url" href="${next}">next page →</a></b></span>` : ''}
  </div>\n` : ''}</div>
<footer class="noscript-footer-nav"><a href="/tos">Terms of Service</a> <a href="/privacy">Privacy Policy</a></footer>
</body></html>`;
  }

  private openingPost(): string {
    const scope = this.postings ? ` itemscope itemtype='http://schema.org/DiscussionForumPosting'` : '';
    return `    <div id='post_1'${scope} class='topic-body crawler-post'>
      <div class='crawler-post-meta'>
        <span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">
          <a itemprop="url" href='/u/mhollis'><span itemprop='name'>mhollis</span></a>
        </span>
        <span class="crawler-post-infos"><time datetime='${new Date(OPENED_AT).toISOString()}' class='post-time'>March 2, 2024,  9:14am</time><span itemprop='position'>1</span></span>
      </div>
      <div class='post' itemprop='${this.postings ? 'articleBody' : 'text'}'>
        <p>Since updating two gauges to firmware 2.4 last week, both read about 4 cm above the reference staff at high water. At low water the difference is under a centimetre.</p>
        <p>The offset grows with depth, so I do not think it is the zero point. At half tide it is about 2 cm, and on the spring tides last weekend it reached 4.5 cm against the staff, read by two of us independently.</p>
        <p>Both gauges are on the harbour wall, in salt water, and were calibrated against the staff in January. Nothing was changed on them apart from the firmware, which I installed through the app with the default answers to the setup questions.</p>
        <p>That smells like a density or gain setting rather than a zero offset. Has anyone else seen this after the update, and is there a setting I have missed? I have attached the readings from both gauges for the last three days.</p>
      </div>
    </div>
`;
  }
}

function replyMarkup(reply: ForumReply, number: number, posting: boolean): string {
  const likes = reply.likes ?? 0;
  const scope = posting ? `itemscope itemtype='http://schema.org/DiscussionForumPosting'` : `itemprop='comment' itemscope itemtype='http://schema.org/Comment'`;
  return `    <div id='post_${number}' ${scope} class='topic-body crawler-post'>
      <div class='crawler-post-meta'>
        <span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">
          <a itemprop="url" href='/u/${encodeURIComponent(reply.author)}'><span itemprop='name'>${reply.author}</span></a>
        </span>
        <span class="crawler-post-infos">
          <time itemprop='datePublished' datetime='${new Date(reply.at).toISOString()}' class='post-time'>${new Date(reply.at).toUTCString()}</time>
          <span itemprop='position'>${number}</span>
        </span>
      </div>
      <div class='post' itemprop='${posting ? 'articleBody' : 'text'}'>
        ${reply.paragraphs.map((text) => `<p>${text}</p>`).join('\n        ')}
      </div>
      ${likes > 0 ? `<div itemprop="interactionStatistic" itemscope itemtype="http://schema.org/InteractionCounter"><meta itemprop="userInteractionCount" content="${likes}" /><span class='post-likes'>${likes} Likes</span></div>` : ''}
    </div>`;
}
