import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Storage, type NewDraft } from '../../electron/core/storage';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

const NOW = Date.UTC(2026, 10, 28);

let dir: string;
let storage: Storage;
let feedId: number;
let articleId: string;

beforeEach(() => {
  dir = tempDir();
  storage = Storage.open(dir);
  feedId = storage.feeds.add({ url: 'http://127.0.0.1/feed', title: 'The Evening Dispatch', siteUrl: null, description: null, folderId: null });
  const article = item({ title: 'NATO talks', url: 'http://127.0.0.1/nato/' });
  storage.articles.upsertFeedItems(feedId, [article], NOW);
  articleId = article.id;
});
afterEach(() => {
  storage.close();
  removeTempDirs();
});

function newDraft(overrides: Partial<NewDraft> = {}): NewDraft {
  return {
    articleId, articleTitle: 'NATO talks', articleUrl: 'http://127.0.0.1/nato/', feedTitle: 'The Evening Dispatch', replyTo: null,
    body: 'First thoughts', name: 'Jo', email: 'jo@example.org', website: '', ...overrides,
  };
}
const text = { body: 'Second thoughts', name: 'Jo', email: 'jo@example.org', website: '' };

describe('drafts', () => {
  it('are stored, edited, listed newest first, and there after the database is reopened', () => {
    const first = storage.drafts.create(newDraft(), NOW);
    const second = storage.drafts.create(newDraft({ body: 'Another' }), NOW + 1);
    expect(storage.drafts.updateText(first, text, NOW + 2)).toBe(true);
    storage.close();
    storage = Storage.open(dir);
    expect(storage.drafts.list().map((d) => d.id)).toEqual([first, second]);
    expect(storage.drafts.get(first)).toMatchObject({ body: 'Second thoughts', state: 'draft', createdAt: NOW, updatedAt: NOW + 2, canSend: false });
    expect(storage.drafts.list(articleId)).toHaveLength(2);
    expect(storage.drafts.list('0'.repeat(32))).toEqual([]);
  });

  it('outlive their article, keeping its title, address and feed title', () => {
    const id = storage.drafts.create(newDraft(), NOW);
    storage.feeds.remove(feedId);
    expect(storage.drafts.get(id)).toMatchObject({ articleId: null, articleTitle: 'NATO talks', articleUrl: 'http://127.0.0.1/nato/', feedTitle: 'The Evening Dispatch' });
  });

  it('are deleted softly: restorable until purged', () => {
    const id = storage.drafts.create(newDraft(), NOW);
    expect(storage.drafts.softDelete(id, NOW + 10)).toBe(true);
    expect(storage.drafts.get(id)).toBeNull();
    expect(storage.drafts.list()).toEqual([]);
    expect(storage.drafts.restore(id)).toBe(true);
    expect(storage.drafts.get(id)?.body).toBe('First thoughts');
    storage.drafts.softDelete(id, NOW + 10);
    expect(storage.drafts.purgeDeleted(NOW + 5)).toBe(0);
    expect(storage.drafts.purgeDeleted(NOW + 11)).toBe(1);
    expect(storage.drafts.restore(id)).toBe(false);
  });
});

describe('send attempts', () => {
  it('let one attempt at a time begin, and only that attempt record its outcome', () => {
    const id = storage.drafts.create(newDraft(), NOW);
    expect(storage.drafts.beginAttempt(id, 'first', process.pid, NOW)).toBe(true);
    expect(storage.drafts.beginAttempt(id, 'second', process.pid, NOW)).toBe(false);
    expect(storage.drafts.updateText(id, text)).toBe(false);
    expect(storage.drafts.softDelete(id)).toBe(false);
    expect(storage.drafts.attemptsInFlight()).toEqual([{ id, key: 'first', pid: process.pid, at: NOW }]);
    expect(storage.drafts.finishAttempt(id, 'second', { state: 'failed', message: 'no', checkBeforePost: false })).toBe(false);
    expect(storage.drafts.finishAttempt(id, 'first', { state: 'held', message: 'Held', commentUrl: 'http://127.0.0.1/nato/?unapproved=5#comment-5', checkBeforePost: false }, NOW + 1)).toBe(true);
    expect(storage.drafts.get(id)).toMatchObject({ state: 'held', sentAt: NOW + 1, commentUrl: 'http://127.0.0.1/nato/?unapproved=5#comment-5' });
    expect(storage.drafts.beginAttempt(id, 'third', process.pid, NOW)).toBe(false);
  });

  it('make an edited queued or failed draft a plain draft again', () => {
    const id = storage.drafts.create(newDraft(), NOW);
    storage.drafts.beginAttempt(id, 'k', process.pid, NOW);
    storage.drafts.finishAttempt(id, 'k', { state: 'failed', message: 'Error: Please fill the required fields.', checkBeforePost: false });
    expect(storage.drafts.updateText(id, { ...text, body: 'First thoughts' })).toBe(true);
    expect(storage.drafts.get(id)).toMatchObject({ state: 'failed', message: 'Error: Please fill the required fields.' });
    expect(storage.drafts.updateText(id, text)).toBe(true);
    expect(storage.drafts.get(id)).toMatchObject({ state: 'draft', message: null });
  });

  it('list the queued drafts and those waiting to be seen on the site', () => {
    const queued = storage.drafts.create(newDraft(), NOW);
    const held = storage.drafts.create(newDraft(), NOW);
    storage.drafts.create(newDraft(), NOW);
    storage.drafts.beginAttempt(queued, 'q', process.pid);
    storage.drafts.finishAttempt(queued, 'q', { state: 'queued', message: 'offline', checkBeforePost: true });
    storage.drafts.beginAttempt(held, 'h', process.pid);
    storage.drafts.finishAttempt(held, 'h', { state: 'held', message: null, commentUrl: null, checkBeforePost: false });
    expect(storage.drafts.queuedIds()).toEqual([queued]);
    expect(storage.drafts.awaitingConfirmation(articleId).map((s) => s.draft.id).sort()).toEqual([queued, held].sort());
    expect(storage.drafts.markFound(held, 'queued', 'http://127.0.0.1/nato/#comment-9', 'found')).toBe(false);
    expect(storage.drafts.markFound(held, 'held', 'http://127.0.0.1/nato/#comment-9', 'Approved', NOW + 5)).toBe(true);
    expect(storage.drafts.get(held)).toMatchObject({ state: 'sent', commentUrl: 'http://127.0.0.1/nato/#comment-9', message: 'Approved' });
  });
});
