// Domain types shared by the main process and the renderer. Plain data only: every value here
// crosses the IPC boundary as structured-clone / JSON, so no classes, no Dates (times are epoch
// milliseconds), no functions.
import { COMMENT_SERVICE_KINDS } from './comment-services';

export type FeedId = number;
export type FolderId = number;
/** Stable: hex hash of the feed id and the item's unique id (see electron/core/feeds/article-id.ts). */
export type ArticleId = string;

export interface Folder {
  readonly id: FolderId;
  readonly name: string;
  readonly parentId: FolderId | null;
}

/** How the last fetch of a feed ended, as shown in the sidebar. 'waiting': its server asked to be
 *  left alone for a while (HTTP 429 or 503 with Retry-After), which is no failure: the feed is
 *  fetched again once Feed.retryAfterAt has passed. */
export type FeedStatus = 'never' | 'ok' | 'not-modified' | 'unchanged' | 'failed' | 'gone' | 'waiting';

export interface Feed {
  readonly id: FeedId;
  readonly url: string;
  /** The user's name for the feed when renamed, else the feed's own title. */
  readonly title: string;
  readonly siteUrl: string | null;
  /** The site's icon in the local cache (`paperboy-cache://<hash>`), or null. */
  readonly iconUrl: string | null;
  readonly folderId: FolderId | null;
  /** Fetch each new article's page and keep its readable text. */
  readonly fullText: boolean;
  /** Download the articles' images into the cache. */
  readonly images: boolean;
  readonly lastStatus: FeedStatus;
  readonly lastError: string | null;
  /** While the feed is 'waiting': when its server said to come back (a sync before then leaves it alone). */
  readonly retryAfterAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly lastFetchAt: number | null;
  readonly unreadCount: number;
  readonly articleCount: number;
  /** Shipped inside the app (the welcome feed): never fetched. */
  readonly builtin: boolean;
}

export interface Enclosure {
  readonly url: string;
  readonly type: string | null;
  readonly length: number | null;
}

/** What the article list shows: no bodies. */
export interface ArticleSummary {
  readonly id: ArticleId;
  readonly feedId: FeedId;
  readonly feedTitle: string;
  readonly title: string;
  readonly url: string | null;
  readonly author: string | null;
  /** Published date, or the time the item was first seen when the feed gives none. */
  readonly publishedAt: number;
  readonly snippet: string;
  readonly read: boolean;
  readonly starred: boolean;
  readonly commentCount: number | null;
  /** Cached lead image (`paperboy-cache://<hash>`), or null. */
  readonly leadImage: string | null;
  /** `rtl` for Arabic, Hebrew, ... as detected from the page or the text: the list shows the
   *  title and snippet so, whatever letter they open with (a Latin brand name). */
  readonly dir: 'ltr' | 'rtl';
}

/** Where the stored body came from. */
export type ContentSource = 'page' | 'feed' | 'none';
/** State of the offline copy of an article's page. */
export type FullTextState = 'pending' | 'done' | 'failed' | 'skipped';

export interface Article extends ArticleSummary {
  /** Sanitized HTML; images point at the local cache; safe to render offline. */
  readonly html: string;
  readonly contentSource: ContentSource;
  readonly fullTextState: FullTextState;
  readonly fullTextError: string | null;
  /** The images the body shows without a file (their address is the body's data-original-src),
   *  and why each was not saved: the reader's box says so in its place. An image with none here
   *  (an article still pending, or saved before reasons were kept) has the article's reason. */
  readonly missedImages: readonly MissedImage[];
  /** The web addresses the lead image's file came from (the page's og:image, the item's
   *  media:thumbnail or image enclosure): how the reader knows it among the enclosures. */
  readonly leadImageSources: readonly string[];
  readonly lang: string | null;
  readonly categories: readonly string[];
  readonly enclosures: readonly Enclosure[];
  /** The article's discussion page on the site. */
  readonly commentsUrl: string | null;
  /** The item's comment feed (wfw:commentRss or Atom replies). */
  readonly commentFeedUrl: string | null;
  /** The site's comment form, when one was recognised on the article's page (a reply can be sent), or 'closed'. */
  readonly commentForm: CommentFormInfo | null;
  /** The stored thread is part of one longer than a sync reads (a forum topic of many pages): some of
   *  its comment pages are known and not read yet, and later syncs read them (an older thread's
   *  only when its turn comes: storage/comments-repo.ts dueForRefresh). */
  readonly moreCommentsLater: boolean;
  /** Why the thread's last read failed, or failed on one of its pages (the stored error, a
   *  sentence), while pages are left; else null. */
  readonly commentsReadError: string | null;
  /** When the thread was last read, from any source (its comment feed, the site's API, the page's
   *  own list), or null: never. With no page read either (FullTextState other than 'done'), what
   *  the site's discussion holds is not known, and the reader says so rather than "no comments". */
  readonly commentsReadAt: number | null;
  /** The site lists the thread's top-level comments newest first (each one's replies still oldest
   *  first, as WordPress does), as its page showed them: the reader shows them in that order. */
  readonly commentsNewestFirst: boolean;
  /** What the article's link turned out to be when it is no web page (a PDF, an episode, a picture,
   *  a text file: electron/core/articles/linked-file.ts), as its copy was made; null for a page, or
   *  one not fetched. A file has no comment section of its own. */
  readonly linkedFile: LinkedFileKind | null;
}

/** What an article's link may be instead of a web page. */
export const LINKED_FILE_KINDS = ['pdf', 'image', 'audio', 'video', 'archive', 'feed', 'text', 'file'] as const;
export type LinkedFileKind = (typeof LINKED_FILE_KINDS)[number];

export function isLinkedFileKind(value: unknown): value is LinkedFileKind {
  return (LINKED_FILE_KINDS as readonly unknown[]).includes(value);
}

/** Why a sync did not save an image an article shows. */
export type ImageMiss =
  /** The bytes were an SVG drawing Paperboy would not keep (electron/core/articles/svg-drawing.ts),
   *  and why, in words; null: stored by a version that kept no drawing (the next sync fetches it). */
  | { readonly kind: 'svg'; readonly reason: string | null }
  /** The answer was no picture at all (a web page, a type the cache does not know); its Content-Type,
   *  or text/html when its bytes are a web page whatever type its server named. */
  | { readonly kind: 'not-image'; readonly contentType: string | null }
  | { readonly kind: 'too-large'; readonly limitBytes: number }
  /** Its header declared more pixels than a picture may have (MAX_IMAGE_PIXELS): the width and height it declared. */
  | { readonly kind: 'too-many-pixels'; readonly width: number; readonly height: number }
  | { readonly kind: 'http-status'; readonly status: number }
  /** Its host could not be reached, or its server was busy, slow or dropped the answer (MissedImage.retried: the next sync tries again). */
  | { readonly kind: 'unreachable' }
  /** Images were left out of the sync that saved the article (--no-images, or the feed's setting). */
  | { readonly kind: 'not-fetched' }
  /** Past the number of images kept per article. */
  | { readonly kind: 'over-limit'; readonly limit: number }
  /** Any other failure, in the HTTP client's words (a timeout, a certificate, a refused address). */
  | { readonly kind: 'failed'; readonly message: string };

export interface MissedImage {
  /** The image's address, as the body's data-original-src has it. */
  readonly url: string;
  readonly why: ImageMiss;
  /** The next sync with images fetches it again. */
  readonly retried: boolean;
}

/** Stable: hex hash of the article id and the comment's unique id (electron/core/feeds/article-id.ts). */
export type CommentId = string;

/** A visible field of a site's comment form, by WordPress's names. */
export type CommentField = 'comment' | 'author' | 'email' | 'url';

/** A checkbox the site's form will not take a comment without (a privacy consent, as WP GDPR
 *  Compliance adds), by its name and the site's own label. Only the person ticks it (sendDraft). */
export interface CommentConsent {
  readonly name: string;
  readonly label: string;
}

/**
 * What the UI may know of an article's comment form; its address and hidden fields stay in the
 * core. 'closed': the page is a WordPress post (it names the site's API) but showed no form when
 * last read, which is how WordPress shows closed comments; Send reads the page again first.
 * 'login': the site takes comments only from people logged in to it ("You must be logged in to
 * post a comment."), which Paperboy is not. 'jetpack': the site's comments go through WordPress.com's
 * commenting (Jetpack Comments' frame, or its Verbum form), which Paperboy cannot post to.
 * 'captcha': the site's form asks for a captcha (reCAPTCHA, hCaptcha, Turnstile), whose token only
 * the site's own page makes. 'wpdiscuz': the site's comments go through wpDiscuz's form, which its
 * script sends to the site in a request of its own. 'forum': the page's replies are schema.org
 * Comments with no WordPress form (a Discourse topic, a newspaper's reader comments) or a forum's
 * or link aggregator's thread (Reddit, Hacker News, phpBB, XenForo, Blogger: system-threads.ts),
 * posted on the site by its signed-in members. A comment service's kind ('disqus', 'giscus'...,
 * shared/comment-services.ts): the page's comments are on that service. 'offsite': the site's form
 * sends comments to another site than the article's, where Paperboy sends no one's name, email and
 * text. 'unfillable': the form requires a field Paperboy cannot fill in (a sum to solve, a file to
 * attach, a plugin's question), and the site refuses a comment without it. All of them: the text is
 * copied and the comment written in the browser.
 */
export type CommentFormInfo =
  | {
      readonly kind: 'wordpress';
      readonly fields: readonly CommentField[];
      readonly requiredFields: readonly CommentField[];
      /** The site's limit on a comment's length, in bytes of UTF-8 as WordPress counts (shared/comment-length.ts), when its form says one. */
      readonly maxLength: number | null;
      /** Present when the form has checkboxes it requires ticked. */
      readonly consents?: readonly CommentConsent[];
    }
  | { readonly kind: 'closed' }
  | { readonly kind: UnpostableFormKind };

/** The kinds of page whose comments Paperboy cannot post (see CommentFormInfo), a comment service's among them. */
export const UNPOSTABLE_FORM_KINDS = ['login', 'jetpack', 'captcha', 'wpdiscuz', 'forum', 'offsite', 'unfillable', ...COMMENT_SERVICE_KINDS] as const;
export type UnpostableFormKind = (typeof UNPOSTABLE_FORM_KINDS)[number];

/** Whether a form's kind is one of those Paperboy cannot post to. */
export function isUnpostableFormKind(kind: string | null | undefined): kind is UnpostableFormKind {
  return (UNPOSTABLE_FORM_KINDS as readonly (string | null | undefined)[]).includes(kind);
}

/** A comment from the article's comment feed, stored for offline reading. */
export interface Comment {
  readonly id: CommentId;
  readonly articleId: ArticleId;
  /** The comment this one answers; null at the top level (or when that comment is not stored). */
  readonly parentId: CommentId | null;
  /** For a reply shown at the top level because the comment it answers is not stored (older than
   *  the comments its feed lists): whom it answers, as the site wrote it ("In reply to Ana Ruiz."). */
  readonly inReplyTo: string | null;
  readonly author: string | null;
  readonly authorUrl: string | null;
  /** Published date, or the time it was first seen when the feed gives none. */
  readonly publishedAt: number;
  /** Sanitized HTML, safe to render offline. */
  readonly html: string;
  /** The comment on the site. */
  readonly url: string | null;
}

export type ArticleFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'unread' }
  | { readonly kind: 'starred' }
  | { readonly kind: 'feed'; readonly feedId: FeedId }
  | { readonly kind: 'folder'; readonly folderId: FolderId };

export interface ArticlePageRequest {
  readonly filter: ArticleFilter;
  /** Only unread articles within the filter. */
  readonly unreadOnly?: boolean;
  /** Opaque cursor returned by the previous page; absent for the first page. */
  readonly cursor?: string | null;
  readonly limit?: number;
}

export interface ArticlePage {
  readonly articles: readonly ArticleSummary[];
  /** Cursor for the next page, null when this was the last one. */
  readonly nextCursor: string | null;
  /** Total number of articles matching the filter (for the scrollbar). */
  readonly total: number;
}

export interface SearchHit extends ArticleSummary {
  /** Snippet of the matching text with matches wrapped in U+E000 ... U+E001 markers. */
  readonly highlight: string;
}

export interface AddFeedResult {
  readonly kind: 'subscribed';
  readonly feed: Feed;
  /** The URLs looked at before the feed was found, in order. */
  readonly tried: readonly string[];
  /** True when the feed was already subscribed. */
  readonly existing: boolean;
}

/** What Add feed may be asked to do when a page names several feeds (PaperboyApi.addFeed). */
export interface AddFeedOptions {
  /** Answer with the feeds to choose from (FeedChoice) rather than subscribe to the one Paperboy would pick. */
  readonly offerChoice?: boolean;
  /**
   * With offerChoice, an address that leads to one feed is answered with it too, as a choice of
   * one, and nothing is subscribed: `paperboy add --pick N` learns there was no list to pick from
   * before anything is subscribed (the pick then costs no second request: recent-answers.ts).
   */
  readonly offerSingle?: boolean;
}

/**
 * A page that names several distinct feeds, answered instead of a subscription: nothing is
 * subscribed until the person picks one, and subscribing to it is addFeed with its url.
 */
export interface FeedChoice {
  readonly kind: 'choice';
  /** The one Paperboy would pick first, the other feeds of the site in page order, comment feeds last. */
  readonly candidates: readonly FeedCandidate[];
  /** The candidate Paperboy would pick (addFeed without offerChoice subscribes to it); never a comment feed while another is offered. */
  readonly defaultIndex: number;
}

/** One feed of a FeedChoice, read from its own document (it parsed: a link that fails is not offered). */
export interface FeedCandidate {
  /** The address to subscribe to it by. */
  readonly url: string;
  /** The feed's own title, or what the page calls it when two feeds offered share a title. */
  readonly title: string;
  readonly format: 'rss' | 'rdf' | 'atom' | 'json';
  /** Comments, a podcast's audio or video episodes, or anything else: articles. */
  readonly kind: 'articles' | 'comments' | 'audio' | 'video';
  readonly itemCount: number;
  /** The newest item's date (epoch ms); null when none has one. */
  readonly latestAt: number | null;
  /** The person has it already. */
  readonly subscribed: boolean;
}

/** addFeed's answer when it may offer a choice: a subscription, or the feeds to choose from. */
export type AddFeedAnswer = AddFeedResult | FeedChoice;

export interface OpmlImportResult {
  readonly added: number;
  readonly skipped: readonly { readonly url: string | null; readonly title: string | null; readonly reason: string }[];
  readonly foldersCreated: number;
}

export interface StorageInfo {
  readonly databaseBytes: number;
  readonly imageBytes: number;
  readonly imageCount: number;
  readonly articleCount: number;
  readonly feedCount: number;
  readonly dataDir: string;
}

export interface RetentionResult {
  readonly articlesDeleted: number;
  readonly imagesDeleted: number;
  readonly bytesFreed: number;
  /** Why the database file was not made smaller this time (a disk without room for it), when it was not. */
  readonly notCompacted?: string;
}

export interface SyncRequest {
  /** Feeds to sync; all feeds when absent or empty. */
  readonly feedIds?: readonly FeedId[];
  /** Override every feed's full-text setting off for this run. */
  readonly fullText?: boolean;
  /** Override every feed's images setting off for this run: articles are stored without their images. */
  readonly images?: boolean;
  /**
   * Fetch feeds only (a quick refresh); articles' pages and images wait, still 'pending', for
   * the next full sync.
   */
  readonly feedsOnly?: boolean;
}

export interface FeedSyncCounts {
  readonly newArticles: number;
  readonly updatedArticles: number;
  readonly unchangedArticles: number;
}

export type SyncProgressEvent =
  /** Asked for while other work holds the data folder for a while (a removed feed's articles being
   *  deleted): the sync starts when it ends, and Cancel meanwhile ends it before it began. */
  | { readonly type: 'sync-waiting'; readonly syncId: number; readonly reason: string }
  | { readonly type: 'sync-started'; readonly syncId: number; readonly feedCount: number }
  | { readonly type: 'feed-started'; readonly syncId: number; readonly feedId: FeedId; readonly url: string }
  | {
      readonly type: 'feed-done';
      readonly syncId: number;
      readonly feedId: FeedId;
      /** One line for the sync log: "304 not modified", "unchanged", "12 new, 1 updated". */
      readonly message: string;
      readonly status: FeedStatus;
    } & FeedSyncCounts
  | { readonly type: 'feed-failed'; readonly syncId: number; readonly feedId: FeedId; readonly reason: string }
  /**
   * Not fetched: the server asked to wait (Retry-After) and the wait is not over, or the feed
   * answered 410 Gone less than a day ago (it is tried again once a day). Not a failure.
   */
  | { readonly type: 'feed-waiting'; readonly syncId: number; readonly feedId: FeedId; readonly reason: string }
  | { readonly type: 'article-fetched'; readonly syncId: number; readonly feedId: FeedId; readonly articleId: ArticleId; readonly ok: boolean }
  | { readonly type: 'sync-warning'; readonly syncId: number; readonly message: string }
  | ({ readonly type: 'totals'; readonly syncId: number } & SyncTotals)
  | ({ readonly type: 'sync-finished'; readonly syncId: number } & SyncSummary)
  /** Another process's sync of this data folder ended, or that process did (storage/writer-watch.ts): a sync refused for it may run now. */
  | { readonly type: 'sync-ended-elsewhere' };

export interface SyncTotals {
  readonly feedsTotal: number;
  readonly feedsDone: number;
  readonly feedsFailed: number;
  readonly articlesQueued: number;
  readonly articlesFetched: number;
  readonly imagesFetched: number;
  /** What came over the wire (bodies as sent, compressed), every fetch included: those that failed
   *  (a page cut short, an error page, a picture refused once its first bytes came) and redirects. */
  readonly bytesFetched: number;
}

export interface SyncSummary extends SyncTotals {
  /** Feeds left alone because their server asked to wait; among feedsDone, not feedsFailed. */
  readonly feedsWaiting: number;
  /** Feeds left alone because they answered 410 Gone less than a day ago; among feedsDone, not feedsFailed. */
  readonly feedsGone: number;
  readonly newArticles: number;
  readonly updatedArticles: number;
  /** Of articlesFetched, those kept with the feed's text only: their page could not be fetched. */
  readonly articlesWithoutPage: number;
  /** Articles left for the next sync: their page's server could not be reached, or was busy. */
  readonly articlesWaiting: number;
  readonly cancelled: boolean;
  /** The network could serve nothing of the sync (a proxy that does not answer, a Wi-Fi sign-in
   *  page), which stopped it as a cancel does: what to do, in words; also among the warnings. */
  readonly stopped?: string;
  readonly durationMs: number;
  /** Problems that concern the whole sync rather than one feed (e.g. the disk is full). */
  readonly warnings: readonly string[];
}

export interface SyncLogEntry {
  readonly feedId: FeedId;
  readonly at: number;
  readonly status: FeedStatus;
  readonly message: string;
  readonly durationMs: number;
}

export interface FeedSettingsPatch {
  readonly title?: string | null;
  readonly folderId?: FolderId | null;
  readonly fullText?: boolean;
  readonly images?: boolean;
}

export type Theme = 'system' | 'light' | 'dark';

export type DraftId = number;

/**
 * draft: being written; queued: the person asked to send it and it waits (offline, too fast, or
 * an attempt that may have reached the site); sending: a post is in flight; sent: on the site;
 * held: on the site, awaiting moderation; failed: the site refused it (see the message).
 */
export type DraftState = 'draft' | 'queued' | 'sending' | 'sent' | 'held' | 'failed';

/** How a draft's state reads to a person (the Drafts view and the exported text say the same). */
export const DRAFT_STATE_LABELS: Readonly<Record<DraftState, string>> = {
  draft: 'Draft',
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  held: 'Held for moderation',
  failed: 'Failed',
};

/** A comment written in Paperboy. Keeps copies of the article's title and address, so it
 *  survives the article's removal (articleId is null then). */
export interface Draft {
  readonly id: DraftId;
  readonly articleId: ArticleId | null;
  readonly articleTitle: string;
  readonly articleUrl: string | null;
  readonly feedTitle: string;
  /** The comment this draft answers, as it was when the reply was started. */
  readonly replyTo: { readonly commentId: CommentId; readonly author: string | null } | null;
  readonly body: string;
  readonly name: string;
  readonly email: string;
  readonly website: string;
  readonly state: DraftState;
  /** What the last attempt to send it said (the site's error, the network problem...), or null. */
  readonly message: string | null;
  /** The comment on the site, once sent (or held: the site's link for its author). */
  readonly commentUrl: string | null;
  /** A comment form is known for its article; otherwise the text can only be copied to the browser. */
  readonly canSend: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly sentAt: number | null;
}

/** saveDraft's argument: without id a new draft under articleId, with id an edit of that draft.
 *  Fields left out keep their value (name, email and website of a new draft: the remembered ones). */
export interface DraftInput {
  readonly id?: DraftId;
  readonly articleId?: ArticleId;
  readonly replyToCommentId?: CommentId | null;
  readonly body?: string;
  readonly name?: string;
  readonly email?: string;
  readonly website?: string;
  /**
   * An edit's text as the writer last loaded or saved it. Given, the edit is made only over that
   * text, in the save's own transaction: if the draft changed meanwhile (another window, the CLI),
   * or was sent or deleted, the text is saved as a new draft of the same article instead, and
   * both versions are kept (SavedDraft.keptApart says why).
   */
  readonly base?: { readonly body: string; readonly name: string; readonly email: string; readonly website: string };
}

/** saveDraft's answer: the draft written, and why it is a new one when an edit's base no longer held. */
export interface SavedDraft extends Draft {
  /** changed: the draft's text was not the base any more; closed: it was sent, is being sent, or deleted. */
  readonly keptApart?: 'changed' | 'closed';
}

/** How one send ended. */
export type SendOutcome =
  /** Posted and shown (commentUrl points at it). */
  | 'sent'
  /** Posted, awaiting the site's moderation. */
  | 'held'
  /** The site already had this very comment (an earlier attempt got through): sent when its thread shows it, else held. */
  | 'duplicate'
  /** An interrupted attempt had reached the site: found in its comment feed, not posted again. */
  | 'found'
  /** The site refused it; the message says why (state 'failed'). */
  | 'rejected'
  /** The site asked to wait before posting again (HTTP 429); still queued. */
  | 'too-fast'
  /** The network or the site failed; still queued. */
  | 'unreachable'
  /** No comment form is known for the article: nothing was sent. */
  | 'no-form'
  /** A field the form requires is empty: nothing was sent. */
  | 'incomplete'
  /** Longer than the site's limit (in its own measure: bytes): nothing was sent. */
  | 'too-long'
  /** Already sending, sent or held: nothing was done. */
  | 'unchanged';

export interface SendResult {
  readonly outcome: SendOutcome;
  readonly message: string;
  readonly draft: Draft;
}

/** Where "Send all queued" is: drafts done of total, and the wait for a site's flood check (ms, or null). */
export interface SendQueueProgress {
  readonly done: number;
  readonly total: number;
  readonly waitingMs: number | null;
}

export type DraftExportFormat = 'text' | 'markdown';

/** Remembered from the last draft, to fill in the next one. */
export interface Commenter {
  readonly name: string;
  readonly email: string;
  readonly website: string;
}

/** The person's preferences. Kept by the shell (electron-store) or a JSON file (CLI, preview). */
export interface Settings {
  readonly theme: Theme;
  /** Feeds fetched at once during a sync. */
  readonly syncConcurrency: number;
  /** Days articles are kept; null keeps them forever. */
  readonly keepDays: number | null;
  /** Sync when the app starts (off by default: syncing is on demand). */
  readonly syncOnStart: boolean;
  /** Sync every N hours while the app runs; null (the default) never syncs by itself. */
  readonly syncEveryHours: number | null;
  /** Name, email and website of the last comment draft. */
  readonly commenter: Commenter;
  /** Widths in CSS pixels of the sidebar and of the article list, as the person dragged them. */
  readonly sidebarWidth: number;
  readonly listWidth: number;
  /** The sidebar folded away (a button or Ctrl+B brings it back). */
  readonly sidebarCollapsed: boolean;
  /** The reader's text size in CSS pixels. */
  readonly articleFontSize: number;
  /** Article list rows: two lines of snippet, or title and feed only. */
  readonly listDensity: ListDensity;
  /** A desktop notification after a sync that brought new articles. */
  readonly notifyAfterSync: boolean;
  /** Shortcuts of one character key (j, k, s, ...): off for speech input, whose words would type them (WCAG 2.1.4). */
  readonly singleKeyShortcuts: boolean;
}

export type ListDensity = 'comfortable' | 'compact';

/** The bounds the settings store and the API schema both hold pane widths and text size to. */
/** Inclusive ranges of the numeric settings (checked in shared/settings-schema.ts). A week of hours is far below what a timer can hold. */
export const SETTING_LIMITS = {
  syncConcurrency: { min: 1, max: 32 },
  keepDays: { min: 1, max: 36_500 },
  syncEveryHours: { min: 1, max: 168 },
  sidebarWidth: { min: 160, max: 480 },
  listWidth: { min: 260, max: 720 },
  articleFontSize: { min: 12, max: 28 },
} as const;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  syncConcurrency: 8,
  keepDays: 90,
  syncOnStart: false,
  syncEveryHours: null,
  commenter: { name: '', email: '', website: '' },
  sidebarWidth: 240,
  listWidth: 360,
  sidebarCollapsed: false,
  articleFontSize: 17,
  listDensity: 'comfortable',
  notifyAfterSync: true,
  singleKeyShortcuts: true,
};
