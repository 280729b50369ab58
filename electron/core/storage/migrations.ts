// Schema migrations, numbered by PRAGMA user_version: migration N brings the database from
// version N-1 to N. Never edit a migration that has shipped; append a new one.
//
// Design notes (after NetNewsWire's ArticlesDatabase):
// - articles.id is a stable hash of feed id + unique id (electron/core/feeds/article-id.ts); `rid` is
//   the integer rowid the full-text index is keyed by.
// - read/starred live in article_status, apart from the feed-derived columns, so a re-fetched
//   item never resets them.
// - list columns (title, snippet, dates) stay in `articles`; bodies in `article_content`, so
//   listing never reads article bodies.
// - the FTS5 index over title, author and text is kept in step by triggers; every article has
//   exactly one article_content row (written with it), which is when it joins the search queue
//   (migration 23: its index row is made after the sync, storage/search-queue.ts; since
//   migration 26 its grams too, storage/search-grams.ts). Since
//   migration 7 the index holds no text of its own: it reads title, author and text from the
//   articles and their content (view articles_fts_source), and its triggers hand it the old
//   values of a row they change or delete, which it needs to take that row's words out.
// - comments, comment-feed fetch metadata and comment forms belong to their article and go with
//   it; drafts belong to the person: they outlive the article (article_id becomes NULL) and keep
//   copies of what they show about it. Draft states and sending: electron/core/comments/sender.ts.
// - every table has a rowid (no WITHOUT ROWID): a damaged file's salvage (salvage.ts) walks each
//   table by rowid, past the pages it cannot read, and could not recover one without.
import { RECOUNT_FEEDS } from './feed-counts';

export const MIGRATIONS: readonly string[] = [
  /* 1 */ `
  CREATE TABLE folders (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    parent_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    custom_title TEXT,
    site_url TEXT,
    description TEXT,
    icon_hash TEXT,
    folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
    full_text INTEGER NOT NULL DEFAULT 1,
    images INTEGER NOT NULL DEFAULT 1,
    etag TEXT,
    last_modified TEXT,
    body_hash TEXT,
    last_status TEXT NOT NULL DEFAULT 'never',
    last_error TEXT,
    last_success_at INTEGER,
    last_fetch_at INTEGER,
    retry_after_at INTEGER,
    added_at INTEGER NOT NULL
  );

  CREATE TABLE articles (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    unique_id TEXT NOT NULL,
    url TEXT,
    title TEXT NOT NULL,
    author TEXT,
    published_at INTEGER NOT NULL,
    has_date INTEGER NOT NULL,
    updated_at INTEGER,
    first_seen_at INTEGER NOT NULL,
    snippet TEXT NOT NULL DEFAULT '',
    categories TEXT NOT NULL DEFAULT '[]',
    enclosures TEXT NOT NULL DEFAULT '[]',
    image_url TEXT,
    lead_image_hash TEXT,
    comments_url TEXT,
    comment_feed_url TEXT,
    comment_count INTEGER,
    fingerprint TEXT NOT NULL,
    fulltext_state TEXT NOT NULL DEFAULT 'pending',
    fulltext_error TEXT
  );
  -- Lists are ordered by (published_at DESC, id DESC); SQLite scans these indexes backwards.
  CREATE INDEX articles_by_date ON articles(published_at, id);
  CREATE INDEX articles_by_feed_date ON articles(feed_id, published_at, id);
  CREATE INDEX articles_pending ON articles(fulltext_state) WHERE fulltext_state = 'pending';

  CREATE TABLE article_status (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    read_at INTEGER,
    starred_at INTEGER
  );
  CREATE INDEX article_status_unread ON article_status(read) WHERE read = 0;
  CREATE INDEX article_status_starred ON article_status(starred) WHERE starred = 1;

  CREATE TABLE article_content (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    html TEXT NOT NULL,
    text TEXT NOT NULL,
    source TEXT NOT NULL,
    lang TEXT,
    dir TEXT NOT NULL DEFAULT 'ltr',
    saved_at INTEGER NOT NULL
  );

  CREATE TABLE images (
    hash TEXT PRIMARY KEY,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE article_images (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (article_id, url)
  );
  CREATE INDEX article_images_by_hash ON article_images(hash);

  -- Ids of articles removed by retention or by hand, so an item still in its feed is not added
  -- again as new at the next sync.
  CREATE TABLE article_tombstones (
    id TEXT PRIMARY KEY,
    deleted_at INTEGER NOT NULL
  );

  CREATE TABLE sync_log (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    status TEXT NOT NULL,
    message TEXT NOT NULL,
    duration_ms INTEGER NOT NULL
  );
  CREATE INDEX sync_log_by_feed ON sync_log(feed_id, at DESC);

  CREATE VIRTUAL TABLE articles_fts USING fts5(title, author, text, tokenize = 'unicode61 remove_diacritics 2');

  -- Every article gets its content row in the same transaction as the article itself, so the
  -- index row is made once, when the content arrives (an FTS5 update is a delete plus an insert).
  CREATE TRIGGER content_fts_insert AFTER INSERT ON article_content BEGIN
    INSERT INTO articles_fts(rowid, title, author, text)
      SELECT a.rid, a.title, coalesce(a.author, ''), new.text FROM articles a WHERE a.id = new.article_id;
  END;
  CREATE TRIGGER content_fts_update AFTER UPDATE OF text ON article_content BEGIN
    UPDATE articles_fts SET text = new.text WHERE rowid = (SELECT rid FROM articles WHERE id = new.article_id);
  END;
  CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, author ON articles BEGIN
    UPDATE articles_fts SET title = new.title, author = coalesce(new.author, '') WHERE rowid = new.rid;
  END;
  CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE rowid = old.rid;
  END;
  `,
  /* 2 */ `
  -- Built-in feeds (the welcome feed) ship inside the app: never fetched, removable like any other.
  ALTER TABLE feeds ADD COLUMN builtin INTEGER NOT NULL DEFAULT 0;
  -- One-time facts about this data folder (e.g. that the welcome feed was installed once).
  CREATE TABLE app_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  /* 3 */ `
  -- id = hash(article id + the comment's unique id). parent_id names the comment it answers;
  -- that one may not be stored (it left the feed before we saw it): it is then shown at the top.
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    unique_id TEXT NOT NULL,
    parent_id TEXT,
    author TEXT,
    author_url TEXT,
    published_at INTEGER NOT NULL,
    html TEXT NOT NULL,
    text TEXT NOT NULL,
    url TEXT,
    first_seen_at INTEGER NOT NULL
  );
  CREATE INDEX comments_by_article ON comments(article_id, published_at);

  CREATE TABLE comment_feeds (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    body_hash TEXT,
    last_fetch_at INTEGER,
    last_success_at INTEGER,
    last_error TEXT
  );

  -- hidden_fields: JSON [[name, value], ...] in page order; fields, required_fields: JSON names.
  CREATE TABLE comment_forms (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    action TEXT NOT NULL,
    method TEXT NOT NULL,
    hidden_fields TEXT NOT NULL,
    fields TEXT NOT NULL,
    required_fields TEXT NOT NULL,
    captured_at INTEGER NOT NULL
  );

  CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    article_id TEXT REFERENCES articles(id) ON DELETE SET NULL,
    article_title TEXT NOT NULL,
    article_url TEXT,
    feed_title TEXT NOT NULL,
    reply_to_comment_id TEXT,
    reply_to_author TEXT,
    -- The site's own number of the comment answered (WordPress comment_parent), from its #comment-N.
    reply_to_site_id TEXT,
    body TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'queued', 'sending', 'sent', 'held', 'failed')),
    message TEXT,
    comment_url TEXT,
    -- The attempt in flight while state = 'sending': a key only its own outcome may clear, and
    -- the process making it, so another process can tell a live attempt from a crashed one.
    attempt_key TEXT,
    attempt_pid INTEGER,
    attempt_at INTEGER,
    -- 1 when an earlier attempt may have reached the site: look for it there before posting again.
    check_before_post INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    sent_at INTEGER,
    deleted_at INTEGER
  );
  CREATE INDEX drafts_by_article ON drafts(article_id);
  CREATE INDEX drafts_by_state ON drafts(state) WHERE deleted_at IS NULL;
  `,
  /* 4 */ `
  -- Where the site serves the article's whole comment thread (WordPress's REST API, first page),
  -- found on its page: read instead of the comment feed, which lists only the newest comments.
  CREATE TABLE comment_apis (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    url TEXT NOT NULL
  );
  -- The site's limit on a comment's length (the textarea's maxlength), for the composer's counter.
  ALTER TABLE comment_forms ADD COLUMN max_length INTEGER;
  `,
  /* 5 */ `
  -- Each feed's article and unread counts, kept by triggers so that listing feeds never scans
  -- the articles (it took 100-220 ms at 100,000 articles, on every sidebar refresh). Whoever
  -- writes (a sync, retention, a read mark, a feed's removal, salvage) keeps them right without
  -- knowing. An article counts once it has its status row, as the lists join it.
  CREATE TABLE feed_counts (
    feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
    total INTEGER NOT NULL DEFAULT 0,
    unread INTEGER NOT NULL DEFAULT 0
  );
  CREATE TRIGGER feed_counts_feed_insert AFTER INSERT ON feeds BEGIN
    INSERT OR IGNORE INTO feed_counts (feed_id) VALUES (new.id);
  END;
  CREATE TRIGGER feed_counts_status_insert AFTER INSERT ON article_status BEGIN
    UPDATE feed_counts SET total = total + 1, unread = unread + (new.read = 0)
      WHERE feed_id = (SELECT feed_id FROM articles WHERE id = new.article_id);
  END;
  CREATE TRIGGER feed_counts_status_read AFTER UPDATE OF read ON article_status WHEN old.read IS NOT new.read BEGIN
    UPDATE feed_counts SET unread = unread + (new.read = 0) - (old.read = 0)
      WHERE feed_id = (SELECT feed_id FROM articles WHERE id = new.article_id);
  END;
  -- An article's deletion takes its status row with it (ON DELETE CASCADE), but by then the
  -- article can no longer be seen from a trigger on the status row: its feed is found here, before.
  CREATE TRIGGER feed_counts_article_delete BEFORE DELETE ON articles BEGIN
    UPDATE feed_counts SET total = total - 1, unread = unread - (SELECT read = 0 FROM article_status WHERE article_id = old.id)
      WHERE feed_id = old.feed_id AND EXISTS (SELECT 1 FROM article_status WHERE article_id = old.id);
  END;
  ${RECOUNT_FEEDS}
  `,
  /* 6 */ `
  -- Where the whole thread is read: 'wordpress-api' (the REST API), or 'wordpress-page' (the
  -- article's page lists its comments itself, for a site without the API).
  ALTER TABLE comment_apis ADD COLUMN kind TEXT NOT NULL DEFAULT 'wordpress-api';
  `,
  /* 7 */ `
  -- The search index kept a second copy of every article's text (a third of the database, and
  -- of what a cold sync writes): it now reads the stored rows instead (FTS5 external content),
  -- and is built again from them here. An index row is made from exactly these values, so the
  -- triggers take one out with the same ones ('delete' needs the words that were indexed).
  DROP TRIGGER content_fts_insert;
  DROP TRIGGER content_fts_update;
  DROP TRIGGER articles_fts_update;
  DROP TRIGGER articles_fts_delete;
  DROP TABLE articles_fts;
  CREATE VIEW articles_fts_source AS
    SELECT a.rid AS rid, a.title AS title, coalesce(a.author, '') AS author, c.text AS text
    FROM articles a JOIN article_content c ON c.article_id = a.id;
  CREATE VIRTUAL TABLE articles_fts USING fts5(title, author, text, content = 'articles_fts_source', content_rowid = 'rid',
    tokenize = 'unicode61 remove_diacritics 2');
  INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

  CREATE TRIGGER content_fts_insert AFTER INSERT ON article_content BEGIN
    INSERT INTO articles_fts(rowid, title, author, text)
      SELECT a.rid, a.title, coalesce(a.author, ''), new.text FROM articles a WHERE a.id = new.article_id;
  END;
  CREATE TRIGGER content_fts_update AFTER UPDATE OF text ON article_content BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, author, text)
      SELECT 'delete', a.rid, a.title, coalesce(a.author, ''), old.text FROM articles a WHERE a.id = old.article_id;
    INSERT INTO articles_fts(rowid, title, author, text)
      SELECT a.rid, a.title, coalesce(a.author, ''), new.text FROM articles a WHERE a.id = new.article_id;
  END;
  CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, author ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, author, text)
      SELECT 'delete', old.rid, old.title, coalesce(old.author, ''), c.text FROM article_content c WHERE c.article_id = old.id;
    INSERT INTO articles_fts(rowid, title, author, text)
      SELECT new.rid, new.title, coalesce(new.author, ''), c.text FROM article_content c WHERE c.article_id = new.id;
  END;
  -- Before: the article's content row goes with it (ON DELETE CASCADE), and its text with it.
  CREATE TRIGGER articles_fts_delete BEFORE DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, author, text)
      SELECT 'delete', old.rid, old.title, coalesce(old.author, ''), c.text FROM article_content c WHERE c.article_id = old.id;
  END;
  `,
  /* 8 */ `
  -- A feed item is stored as the feed wrote it and sanitized when read (or when its article's
  -- copy is made): raw_base is the address its links resolve against. NULL: html is sanitized.
  ALTER TABLE article_content ADD COLUMN raw_base TEXT;
  `,
  /* 9 */ `
  -- What a sync could not fetch for a passing reason is tried again by the next ones, a few times
  -- (TRIES_ACROSS_SYNCS). page_tries: the syncs that tried a pending article's page and failed so.
  ALTER TABLE articles ADD COLUMN page_tries INTEGER NOT NULL DEFAULT 0;
  -- Images an article shows whose host could not be reached when its copy was made: the copy is
  -- stored without them, and the next syncs fetch them again (tries counts the syncs that tried).
  CREATE TABLE article_missed_images (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    tries INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (article_id, url)
  );
  `,
  /* 10 */ `
  -- The name the comment is posted under: WordPress's comment, or the one an anti-spam plugin
  -- (Antispam Bee) gave the textarea people see. NULL: kept before it was read, comment.
  ALTER TABLE comment_forms ADD COLUMN comment_name TEXT;
  `,
  /* 11 */ `
  -- The comment pages of a thread read from its article's page (comment-page-N/, ?cpage=N), known
  -- from the links between them: a thread longer than one sync reads is read on over the next
  -- syncs from the pages not read yet. read_at NULL: linked, not read yet.
  CREATE TABLE comment_pages (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    read_at INTEGER,
    PRIMARY KEY (article_id, url)
  );
  `,
  /* 12 */ `
  -- An image is looked up by its address before it is fetched: one already stored for another
  -- article is shown from the cache, not downloaded again (sync/article-sync.ts).
  CREATE INDEX article_images_by_url ON article_images(url);
  `,
  /* 13 */ `
  -- What each attempt whose answer never came (a timeout, a 5xx) sent, as a JSON array of
  -- {body, name, startedAt}: the site may have stored it, so Send looks for any of them before
  -- posting, even after the person edited the draft. NULL: nothing to look for.
  ALTER TABLE drafts ADD COLUMN unconfirmed_sends TEXT;
  -- Drafts already waiting for that check: their text now is the best guess of what was sent.
  UPDATE drafts SET unconfirmed_sends = json_array(json_object('body', body, 'name', name, 'startedAt', NULL))
    WHERE check_before_post = 1;
  `,
  /* 14 */ `
  -- Every image an article's copy shows without a file, and why (the reader's box says it): an
  -- SVG the cache refuses, an HTTP status, a size over the limit, images left out of the sync.
  -- Those whose host could not be reached ('unreachable', all the rows so far) and those left out
  -- are fetched again by the next syncs with images; detail: the status, the byte limit, the
  -- Content-Type or the client's message, as the reason needs.
  ALTER TABLE article_missed_images ADD COLUMN reason TEXT NOT NULL DEFAULT 'unreachable';
  ALTER TABLE article_missed_images ADD COLUMN detail TEXT;
  `,
  /* 15 */ `
  -- Chinese, Japanese and Korean text as pairs of characters (storage/search-grams.ts): the main
  -- index holds each run of it as one token, so a word inside a run was looked for in every
  -- article's text. No copy of the text (content ''); rows only for articles that have such
  -- text, written with it by the repository (libsql has no custom tokenizer to do it here).
  -- ascii: the grams are split at the spaces between them, and their characters left as they are.
  CREATE VIRTUAL TABLE articles_grams USING fts5(grams, content = '', contentless_delete = 1, tokenize = 'ascii');
  CREATE TRIGGER articles_grams_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_grams WHERE rowid = old.rid;
  END;
  -- The articles already stored are indexed in the background, in slices, from the lowest rid.
  INSERT INTO app_meta (key, value)
    SELECT 'search_grams_backfill', json_object('after', 0, 'until', max(rid)) FROM articles HAVING max(rid) IS NOT NULL;
  `,
  /* 16 */ `
  -- Images a server could not send then (a busy status, no answer in time, an answer cut short)
  -- were kept as lasting misses ('http-status', 'failed') and never asked for again: they are
  -- 'unreachable' now, as the sync records them (sync/article-sync.ts), and the next syncs try
  -- them again, their tries counted afresh. The client's messages for those failures (http/).
  UPDATE article_missed_images SET reason = 'unreachable', detail = NULL, tries = 1
    WHERE (reason = 'http-status' AND detail IN ('408', '425', '429', '500', '502', '503', '504'))
       OR (reason = 'failed' AND (detail LIKE 'no response within %' OR detail LIKE 'timed out after %'
         OR detail LIKE 'stalled: no data for %' OR detail = 'connection closed before the response was complete'));
  `,
  /* 17 */ `
  -- The lists show each article in its direction (ArticleSummary.dir). article_content.dir comes
  -- after the html and the text in its row, which SQLite reads through to reach it (their
  -- overflow pages): the right-to-left articles are listed in an index of their own instead, a
  -- lookup per listed row that never reads a body.
  CREATE INDEX IF NOT EXISTS article_content_rtl ON article_content(article_id) WHERE dir = 'rtl';
  -- Thai, Lao, Khmer and Burmese are written without spaces between words too, and have grams
  -- now (storage/search-grams.ts): the backfill goes over the articles already stored again,
  -- from the lowest rid, as migration 15 had it go over them for Chinese, Japanese and Korean.
  INSERT INTO app_meta (key, value)
    SELECT 'search_grams_backfill', json_object('after', 0, 'until', max(rid)) FROM articles WHERE true HAVING max(rid) IS NOT NULL
    ON CONFLICT(key) DO UPDATE SET value = excluded.value;
  `,
  /* 18 */ `
  -- A deleted article's story (its feed, unique id, link, title and date) beside its tombstone: an
  -- item still in its feed under a new unique id (a CMS move, guids going from http to https) is
  -- that article, found as a stored one is (feeds/article-id.ts), and was added again as new.
  -- None for tombstones made before. A feed's go with it: its id may be given again.
  CREATE TABLE IF NOT EXISTS tombstone_stories (
    id TEXT PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    unique_id TEXT NOT NULL,
    url TEXT,
    title TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    has_date INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS tombstone_stories_by_feed ON tombstone_stories(feed_id);
  `,
  /* 19 */ `
  -- Words in the Arabic script are in the grams now, folded to one spelling (storage/search-grams.ts):
  -- Arabic and Persian yeh and kaf, alef with hamza or madda, teh marbuta, tatweel, harakat and
  -- non-joiners, which people type differently from the text. The backfill goes over the articles
  -- already stored again, from the lowest rid, as migration 17 had it do.
  INSERT INTO app_meta (key, value)
    SELECT 'search_grams_backfill', json_object('after', 0, 'until', max(rid)) FROM articles WHERE true HAVING max(rid) IS NOT NULL
    ON CONFLICT(key) DO UPDATE SET value = excluded.value;
  `,
  /* 20 */ `
  -- The search index merges its segments 16 at a time rather than 4: each commit of a sync writes
  -- one, and with a news vocabulary (tens of thousands of words) merging them 4 by 4 rewrote every
  -- word's list of rows three or four times over, a tenth of a cold feeds-only sync. A search
  -- then reads up to 15 segments a level instead of 3, a few lookups more per word.
  INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);
  `,
  /* 21 */ `
  -- WordPress's "In reply to Ana Ruiz." lead, which a comment feed's reply is stored without
  -- (feeds/comment-thread.ts): shown while the comment it names is not stored, since a comment
  -- feed lists only the newest comments. NULL for every comment stored before, and most after.
  ALTER TABLE comments ADD COLUMN reply_lead TEXT;
  `,
  /* 22 */ `
  -- Arabic text's words have their stems in the grams beside them (storage/arabic-stem.ts): a
  -- search for حكومة finds الحكومة and والحكومات. The backfill goes over the articles already
  -- stored again, from the lowest rid, as migration 19 had it do.
  INSERT INTO app_meta (key, value)
    SELECT 'search_grams_backfill', json_object('after', 0, 'until', max(rid)) FROM articles WHERE true HAVING max(rid) IS NOT NULL
    ON CONFLICT(key) DO UPDATE SET value = excluded.value;
  `,
  /* 23 */ `
  -- The search index is written after the sync, from a queue of the articles it has not read
  -- (storage/search-queue.ts): storing each item with its index rows was three quarters of a
  -- cold sync's writing. Every article stored until now is in the index; from here on a stored
  -- text waits in the queue, and the triggers keep the index exact whichever side a row is on.
  -- Written to run again unchanged over a folder whose schema version was set back.
  CREATE TABLE IF NOT EXISTS search_queue (rid INTEGER PRIMARY KEY);
  DROP TRIGGER IF EXISTS content_fts_insert;
  DROP TRIGGER IF EXISTS content_fts_update;
  DROP TRIGGER IF EXISTS articles_fts_update;
  DROP TRIGGER IF EXISTS articles_fts_delete;
  DROP TRIGGER IF EXISTS content_search_queue;
  CREATE TRIGGER content_search_queue AFTER INSERT ON article_content BEGIN
    INSERT OR IGNORE INTO search_queue (rid) SELECT rid FROM articles WHERE id = new.article_id;
  END;
  -- A row in the index leaves it with the words it was made from ('delete' needs them), and
  -- waits in the queue to go back in; a row still queued is read as it is when its turn comes.
  CREATE TRIGGER content_fts_update AFTER UPDATE OF text ON article_content
    WHEN old.text IS NOT new.text
      AND NOT EXISTS (SELECT 1 FROM search_queue WHERE rid = (SELECT rid FROM articles WHERE id = new.article_id))
  BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, author, text)
      SELECT 'delete', a.rid, a.title, coalesce(a.author, ''), old.text FROM articles a WHERE a.id = old.article_id;
    INSERT OR IGNORE INTO search_queue (rid) SELECT rid FROM articles WHERE id = new.article_id;
  END;
  CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, author ON articles
    WHEN (old.title IS NOT new.title OR old.author IS NOT new.author)
      AND EXISTS (SELECT 1 FROM article_content WHERE article_id = old.id)
      AND NOT EXISTS (SELECT 1 FROM search_queue WHERE rid = old.rid)
  BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, author, text)
      SELECT 'delete', old.rid, old.title, coalesce(old.author, ''), c.text FROM article_content c WHERE c.article_id = old.id;
    INSERT OR IGNORE INTO search_queue (rid) VALUES (new.rid);
  END;
  -- Before: the article's content row goes with it (ON DELETE CASCADE), and its text with it.
  CREATE TRIGGER articles_fts_delete BEFORE DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, author, text)
      SELECT 'delete', old.rid, old.title, coalesce(old.author, ''), c.text FROM article_content c
      WHERE c.article_id = old.id AND NOT EXISTS (SELECT 1 FROM search_queue WHERE rid = old.rid);
    DELETE FROM search_queue WHERE rid = old.rid;
  END;
  `,
  /* 24 */ `
  -- What an article's link turned out to be when it is no web page (a PDF, an episode, a picture,
  -- a text file: articles/linked-file.ts), as its copy was made: the reader shows no comment
  -- section for a file. NULL for a page, and for every article stored before (their note says so
  -- in words only; a new copy of one, at its next edit, has it).
  ALTER TABLE articles ADD COLUMN linked_file TEXT;
  `,
  /* 25 */ `
  -- What the link of an article stored before migration 24 is, where the database says: the reader
  -- showed a PDF's or an episode's article a comment section until its copy was made again, which
  -- for most is never. No Content-Type is stored; three things are, each sure of its kind:
  -- - the note its copy was stored with, in linkedFileNote's words (articles/linked-file.ts), since
  --   the sync has told files from pages: "the link is a PDF document (2.4 MB), not a web page";
  -- - the link itself cached as one of the article's images: the link is a picture;
  -- - before that, a link whose path ends in .pdf and whose copy could not be made from it as
  --   from a page (read as HTML, a PDF failed extraction and the feed's text was kept); one still
  --   waiting for its page is left to the copy its next sync makes, which says what it is.
  -- Only NULLs are filled: it runs again unchanged over a folder whose version was set back.
  UPDATE articles SET linked_file = CASE
      WHEN fulltext_error LIKE 'the link is a PDF document%' THEN 'pdf'
      WHEN fulltext_error LIKE 'the link is a picture%' THEN 'image'
      WHEN fulltext_error LIKE 'the link is an audio file%' THEN 'audio'
      WHEN fulltext_error LIKE 'the link is a video%' THEN 'video'
      WHEN fulltext_error LIKE 'the link is a compressed archive%' THEN 'archive'
      WHEN fulltext_error LIKE 'the link is another feed%' THEN 'feed'
      WHEN fulltext_error LIKE 'the link is a text file%' THEN 'text'
      ELSE 'file' -- a document by its type ("a Word document"), or "a file to download"
    END
    WHERE linked_file IS NULL AND fulltext_error LIKE 'the link is %, not a web page%';
  UPDATE articles SET linked_file = 'image'
    WHERE linked_file IS NULL AND url IS NOT NULL
      AND EXISTS (SELECT 1 FROM article_images i WHERE i.article_id = articles.id AND i.url = articles.url);
  UPDATE articles SET linked_file = 'pdf'
    WHERE linked_file IS NULL AND fulltext_state <> 'pending'
      AND (url LIKE '%.pdf' OR url LIKE '%.pdf?%' OR url LIKE '%.pdf#%')
      AND NOT EXISTS (SELECT 1 FROM article_content c WHERE c.article_id = articles.id AND c.source = 'page');
  `,
  /* 26 */ `
  -- The grams (storage/search-grams.ts) are written with the index rows after the sync, by the
  -- same catching up (storage/search-queue.ts), not with each stored article: an article in
  -- search_queue waits for both. An indexed article whose title, author or text changes loses
  -- its grams with its index row; a queued one that changes or goes costs neither of them anything.
  -- An article whose index row is in but whose grams are not yet (a library whose grams backfill,
  -- the app_meta range the migrations before set, had not finished) waits in grams_queue, drained
  -- by the same catching up, on the same writer thread. Written to run again unchanged.
  CREATE TABLE IF NOT EXISTS grams_queue (rid INTEGER PRIMARY KEY);
  -- The backfill's range (after, until]; a value this version cannot read stands for every article.
  INSERT OR IGNORE INTO grams_queue (rid)
    SELECT a.rid FROM articles a, (
      SELECT CASE WHEN NOT json_valid(value) THEN 0 WHEN json_type(value, '$.after') IN ('integer', 'real')
               AND json_type(value, '$.until') IN ('integer', 'real') THEN value ->> '$.after' ELSE 0 END AS after_rid,
             CASE WHEN NOT json_valid(value) THEN 9223372036854775807 WHEN json_type(value, '$.after') IN ('integer', 'real')
               AND json_type(value, '$.until') IN ('integer', 'real') THEN value ->> '$.until' ELSE 9223372036854775807 END AS until_rid
      FROM app_meta WHERE key = 'search_grams_backfill') pending
    WHERE a.rid > pending.after_rid AND a.rid <= pending.until_rid;
  DELETE FROM app_meta WHERE key = 'search_grams_backfill';
  -- The version before wrote a queued article's grams with it: they are written at its turn now,
  -- and until then the article is looked for by its words as written (storage/search.ts).
  DELETE FROM articles_grams WHERE rowid IN (SELECT rid FROM search_queue);
  DROP TRIGGER IF EXISTS content_fts_update;
  CREATE TRIGGER content_fts_update AFTER UPDATE OF text ON article_content
    WHEN old.text IS NOT new.text
      AND NOT EXISTS (SELECT 1 FROM search_queue WHERE rid = (SELECT rid FROM articles WHERE id = new.article_id))
  BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, author, text)
      SELECT 'delete', a.rid, a.title, coalesce(a.author, ''), old.text FROM articles a WHERE a.id = old.article_id;
    DELETE FROM articles_grams WHERE rowid = (SELECT rid FROM articles WHERE id = new.article_id);
    INSERT OR IGNORE INTO search_queue (rid) SELECT rid FROM articles WHERE id = new.article_id;
  END;
  DROP TRIGGER IF EXISTS articles_fts_update;
  CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, author ON articles
    WHEN (old.title IS NOT new.title OR old.author IS NOT new.author)
      AND EXISTS (SELECT 1 FROM article_content WHERE article_id = old.id)
      AND NOT EXISTS (SELECT 1 FROM search_queue WHERE rid = old.rid)
  BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, author, text)
      SELECT 'delete', old.rid, old.title, coalesce(old.author, ''), c.text FROM article_content c WHERE c.article_id = old.id;
    DELETE FROM articles_grams WHERE rowid = old.rid;
    INSERT OR IGNORE INTO search_queue (rid) VALUES (new.rid);
  END;
  -- Before: the article's content row goes with it (ON DELETE CASCADE), and its text with it. A
  -- queued article has no index row and no grams to take out.
  DROP TRIGGER IF EXISTS articles_grams_delete;
  DROP TRIGGER IF EXISTS articles_fts_delete;
  CREATE TRIGGER articles_fts_delete BEFORE DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, author, text)
      SELECT 'delete', old.rid, old.title, coalesce(old.author, ''), c.text FROM article_content c
      WHERE c.article_id = old.id AND NOT EXISTS (SELECT 1 FROM search_queue WHERE rid = old.rid);
    DELETE FROM articles_grams WHERE rowid = old.rid AND NOT EXISTS (SELECT 1 FROM search_queue WHERE rid = old.rid);
    DELETE FROM search_queue WHERE rid = old.rid;
    DELETE FROM grams_queue WHERE rid = old.rid;
  END;
  `,
  /* 27 */ `
  -- Where an article's page is, for a link in another article to open it from the library
  -- (ArticlesRepo.storedAt): its link, and the address its page answered from when that was
  -- another (page_url: where the link redirected when its copy was made; NULL when it did not, and
  -- for copies made before this). Both are looked up by a range of addresses (the same address
  -- with any query), so both are indexed.
  ALTER TABLE articles ADD COLUMN page_url TEXT;
  CREATE INDEX articles_by_url ON articles(url);
  CREATE INDEX articles_by_page_url ON articles(page_url) WHERE page_url IS NOT NULL;
  `,
  /* 28 */ `
  -- A WordPress form that requires a field Paperboy cannot fill in (kept as {"unfillable": label}
  -- in its required_fields) is now kept as the kind 'unfillable', as a page Paperboy cannot post
  -- to keeps only its kind: the reader offers the browser's way, not a Send the sender refused.
  -- (A form posting to another site cannot be told in SQL, without the public suffix rule of
  -- articles/form-site.ts: the next read of its page, or Send, which reads it first, keeps it so.)
  UPDATE comment_forms SET kind = 'unfillable', action = '', hidden_fields = '[]', comment_name = NULL,
    fields = '[]', required_fields = '[]', max_length = NULL
  WHERE kind = 'wordpress' AND json_valid(required_fields) AND EXISTS (
    SELECT 1 FROM json_each(comment_forms.required_fields) WHERE CASE WHEN type = 'object' THEN json_type(value, '$.unfillable') END = 'text');
  `,
  /* 29 */ `
  -- A picture refused for the pixels its header declares was kept as 'failed' with the client's
  -- words ("image too large: 20,000 × 20,000 pixels (over 100 megapixels)"), which the reader
  -- showed as they were. It has a reason of its own now, 'too-many-pixels', its detail the size
  -- as WIDTHxHEIGHT (storage/articles-repo.ts), and the reader says it in plain words.
  UPDATE article_missed_images
    SET reason = 'too-many-pixels',
        detail = replace(replace(substr(detail, 18, instr(detail, ' pixels (over ') - 18), ',', ''), ' × ', 'x')
  WHERE reason = 'failed' AND detail GLOB 'image too large: [0-9]* × [0-9]* pixels (over *';
  `,
  /* 30 */ `
  -- Whether the site lists the thread's top-level comments newest first (WordPress's comment_order
  -- desc, wpDiscuz's default), as its page showed them (articles/comment-page.ts): the reader shows
  -- them in the same order. No row: not known, the oldest first. A table, not a column, so that it
  -- runs again unchanged over a folder whose schema version was set back.
  CREATE TABLE IF NOT EXISTS comment_thread_order (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    newest_first INTEGER NOT NULL
  );
  `,
];
