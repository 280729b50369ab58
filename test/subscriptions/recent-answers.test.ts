// The answers Add feed keeps for a pick (subscriptions/recent-answers.ts): for five minutes, never
// across the network policy, and never more than its memory bound, however large the feeds a page
// names: a page naming a few 20 MB feeds must not hold the app's memory for minutes.
import { expect, it } from 'vitest';
import { FRESH_FOR_MS, RecentAnswers } from '../../electron/core/subscriptions/recent-answers';

let clock = 0;
const answer = (url: string, characters: number) => ({ url, stableUrl: url, text: 'x'.repeat(characters), contentType: 'application/rss+xml' });

it('serves an answer for five minutes, and a picked address whatever it was fetched under; public content only what was fetched as public', () => {
  const recent = new RecentAnswers(() => clock);
  recent.keep('https://ferry.example/feed/', 'feed', 'public', answer('https://ferry.example/feed/', 10));
  recent.keep('http://wiki/feed/', 'feed', 'any', answer('http://wiki/feed/', 10));
  expect(recent.get('https://ferry.example/feed/', 'feed', 'chosen')).not.toBeNull();
  expect(recent.get('http://wiki/feed/', 'feed', 'chosen')).not.toBeNull();
  expect(recent.get('http://wiki/feed/', 'feed', 'public')).toBeNull();
  clock += FRESH_FOR_MS + 1;
  expect(recent.get('https://ferry.example/feed/', 'feed', 'chosen')).toBeNull();
});

it('keeps no more than 16 MB of text, the oldest going first, and never one answer larger than that', () => {
  const recent = new RecentAnswers(() => clock);
  const MB = 1024 * 1024;
  recent.keep('https://ferry.example/huge.xml', 'feed', 'public', answer('https://ferry.example/huge.xml', 17 * MB));
  expect(recent.get('https://ferry.example/huge.xml', 'feed', 'chosen')).toBeNull();
  for (const name of ['a', 'b', 'c']) recent.keep(`https://ferry.example/${name}.xml`, 'feed', 'public', answer(`https://ferry.example/${name}.xml`, 7 * MB));
  expect(['a', 'b', 'c'].map((name) => recent.get(`https://ferry.example/${name}.xml`, 'feed', 'chosen') !== null)).toEqual([false, true, true]);
});
