import { describe, expect, it } from 'vitest';
import type { Feed, Folder } from '../../shared/types';
import { distinguishers } from '../../renderer/src/lib/feed-names';
import { buildFeedTree } from '../../renderer/src/lib/feed-tree';
import { sidebarRows } from '../../renderer/src/lib/sidebar-rows';

const feed = (id: number, title: string, folderId: number | null, url = `https://site${id}.example/feed.xml`): Feed => ({
  id, url, title, siteUrl: null, iconUrl: null, folderId, fullText: true, images: true, lastStatus: 'ok',
  lastError: null, retryAfterAt: null, lastSuccessAt: null, lastFetchAt: null, unreadCount: 1, articleCount: 1, builtin: false,
});
const folder = (id: number, name: string, parentId: number | null = null): Folder => ({ id, name, parentId });

describe('the sidebar rows', () => {
  it('sorts names as people count them', () => {
    const tree = buildFeedTree([], [feed(1, 'desk 15', null), feed(2, 'desk 3', null), feed(3, 'Desk 20', null)]);
    expect(tree.feeds.map((f) => f.title)).toEqual(['desk 3', 'desk 15', 'Desk 20']);
  });

  it('flattens folders and their feeds with their depth, leaving out what is folded', () => {
    const tree = buildFeedTree([folder(1, 'World'), folder(2, 'Europe', 1)], [feed(1, 'BBC', 1), feed(2, 'DW', 2), feed(3, 'Top', null)]);
    expect(sidebarRows(tree, new Set()).map((row) => `${row.depth}:${row.key}`)).toEqual(['0:folder:1', '1:folder:2', '2:feed:2', '1:feed:1', '0:feed:3']);
    expect(sidebarRows(tree, new Set([2])).map((row) => row.key)).toEqual(['folder:1', 'folder:2', 'feed:1', 'feed:3']);
    expect(sidebarRows(tree, new Set([1])).map((row) => row.key)).toEqual(['folder:1', 'feed:3']);
  });
});

describe('telling feeds of the same name apart', () => {
  it('names the host of each when two feeds share a title, and nothing for a unique title', () => {
    const names = distinguishers([
      feed(1, 'News', null, 'https://www.bbc.co.uk/news/rss.xml'),
      feed(2, 'news', null, 'https://dw.com/rss'),
      feed(3, 'Weather', null, 'https://bbc.co.uk/weather.xml'),
    ]);
    expect(names.get(1)).toBe('bbc.co.uk');
    expect(names.get(2)).toBe('dw.com');
    expect(names.has(3)).toBe(false);
  });

  it('adds the path when the hosts are the same too', () => {
    const names = distinguishers([
      feed(1, 'Synthetic Daily', null, 'https://daily.example/business.xml'),
      feed(2, 'Synthetic Daily', null, 'https://daily.example/sport.xml'),
    ]);
    expect([names.get(1), names.get(2)]).toEqual(['daily.example/business.xml', 'daily.example/sport.xml']);
  });
});
