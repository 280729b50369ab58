import { describe, expect, it } from 'vitest';
import type { Feed, Folder } from '../../shared/types';
import { buildFeedTree } from '../../renderer/src/lib/feed-tree';

const feed = (id: number, title: string, folderId: number | null, unreadCount: number, lastStatus: Feed['lastStatus'] = 'ok'): Feed => ({
  id, url: `http://127.0.0.1/${id}.xml`, title, siteUrl: null, iconUrl: null, folderId, fullText: true, images: true, lastStatus,
  lastError: lastStatus === 'failed' ? 'HTTP 500' : null, retryAfterAt: null, lastSuccessAt: null, lastFetchAt: null, unreadCount, articleCount: unreadCount, builtin: false,
});
const folder = (id: number, name: string, parentId: number | null = null): Folder => ({ id, name, parentId });

describe('the sidebar tree', () => {
  it('nests folders, sorts by name and sums unread counts and failures', () => {
    const tree = buildFeedTree(
      [folder(1, 'World'), folder(2, 'Europe', 1), folder(3, 'culture')],
      [feed(1, 'zeta', null, 1), feed(2, 'Alpha', null, 2), feed(3, 'BBC', 1, 5), feed(4, 'DW', 2, 7, 'failed'), feed(5, 'Arts', 3, 0)],
    );
    expect(tree.folders.map((node) => node.folder.name)).toEqual(['culture', 'World']);
    expect(tree.feeds.map((f) => f.title)).toEqual(['Alpha', 'zeta']);
    const world = tree.folders[1]!;
    expect(world.unread).toBe(12);
    expect(world.failing).toBe(1);
    expect(world.folders[0]!.feeds.map((f) => f.title)).toEqual(['DW']);
    expect(tree.unread).toBe(15);
  });

  it('shows feeds of an unknown folder at the top, and survives a cycle of parents', () => {
    const tree = buildFeedTree([folder(1, 'A', 2), folder(2, 'B', 1)], [feed(1, 'Lost', 99, 3)]);
    expect(tree.feeds.map((f) => f.title)).toEqual(['Lost']);
    expect(tree.folders).toEqual([]);
  });
});
