// A data folder from before forms that require a field Paperboy cannot fill in were kept as their
// own kind (schema 27): such a form was kept as WordPress's, its extra fields in required_fields as
// {"unfillable": label}, and the reader offered Send (and a Reply under each comment) that the
// sender could only refuse. Migration 28 keeps it as 'unfillable', so the reader offers the
// browser's way at once; a form without such a field (one with a privacy checkbox) stays as it
// was. Real SQLite file, migrated on open.
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { CapturedCommentForm } from '../../electron/core/articles';
import { Sqlite, Storage } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

afterAll(removeTempDirs);

const SITE = 'http://127.0.0.1';

const form = (postId: string): CapturedCommentForm => ({
  kind: 'wordpress',
  action: `${SITE}/wp-comments-post.php`,
  hiddenFields: [['comment_post_ID', postId], ['comment_parent', '0']],
  commentName: 'comment',
  fields: ['comment', 'author', 'email', 'url'],
  requiredFields: ['comment', 'author', 'email'],
  maxLength: 65525,
  consents: [{ name: 'wpgdprc', value: '1', label: 'By using this form you agree with the storage and handling of your data by this website.' }],
});

it('keeps a form stored before with a field Paperboy cannot fill in as unfillable, and the others as they were', () => {
  const dir = tempDir();
  const storage = Storage.open(dir);
  const feedId = storage.feeds.add({ url: `${SITE}/feed/`, title: 'Harbour Angling Club', siteUrl: null, description: null, folderId: null });
  const sum = item({ url: `${SITE}/2024/05/mackerel-run/`, title: 'The mackerel are in' });
  const plain = item({ url: `${SITE}/2024/05/pier-repairs/`, title: 'Pier repairs start Monday' });
  storage.articles.upsertFeedItems(feedId, [sum, plain], Date.now());
  storage.comments.saveForm(sum.id, form('41'));
  storage.comments.saveForm(plain.id, form('42'));
  storage.close();
  // As schema 27 wrote a form with Math Captcha's required sum in it.
  const raw = new Sqlite(path.join(dir, DATABASE_FILE));
  raw.run(
    `UPDATE comment_forms SET required_fields = json_insert(required_fields, '$[#]', json_object('unfillable', 'Math Captcha')) WHERE article_id = ?`,
    [sum.id],
  );
  raw.exec('PRAGMA user_version = 27');
  raw.close();

  const reopened = Storage.open(dir);
  try {
    expect(reopened.articles.get(sum.id)!.commentForm).toEqual({ kind: 'unfillable' });
    expect(reopened.comments.form(sum.id)).toBeNull();
    expect(reopened.articles.get(plain.id)!.commentForm).toMatchObject({ kind: 'wordpress', consents: [{ name: 'wpgdprc' }] });
    expect(reopened.comments.form(plain.id)).toEqual(form('42'));
  } finally {
    reopened.close();
  }
});
