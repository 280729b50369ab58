// Blogger's feeds give a post's picture only as a 72-pixel square media:thumbnail: a Blogger news
// site's items showed a 72-pixel stamp above their text and a blur in the list. Blogger's image
// server has the upload at any size, named by one path segment (s72-c, w72-h72-p-k-no-nu) or
// after '=' in an upload without a file name: the item's picture is the upload at s1600.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';
import { fixtureText } from '../support/fixtures';

const FEED_URL = 'https://www.skerrowharbourwatch.example/feeds/posts/summary';

describe("a Blogger feed's thumbnails", () => {
  it("give each item the full-size picture, on Blogger's current and older image hosts", async () => {
    const feed = await parseFeed(fixtureText('feeds/blogger-summaries.xml'), FEED_URL);
    expect(feed.items.map((item) => item.imageUrl)).toEqual([
      'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEhT4kq9Rz0mWbX2cYpL7nQ8sVdA3fJ1uKeH6oGiZyN5wBtMxE0rUaPl9CjDvF2hSgOn7QeYbWk4XzIm1TpLcR8uNsKdG3aHfV6yJ0oBwEq5Zi9Mt2Xr/s1600/skerry-lass-refit.jpg',
      'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEi8pQ2vN0sLkX7cYbR4mTzW1aHfU9eJ3dGoK6iPyB5nMwCxE2rVtSl0qAjDuF7gZhOm4QbYeWn1XkIp9TsLcR3uNvKdH8aGfV2yJ5oBw/s1600/council-chamber.JPG',
      'https://3.bp.blogspot.com/-kR2vT8mQxLw/WDK1aZ0pYzI/AAAAAAAAEhs/Nq4cW7uLbS0oXvJ2gE9dHmP5tYk3iFaRwCLcB/s1600/north-quay-storm.jpg',
      'https://blogger.googleusercontent.com/img/a/AVvXsEgQ7mB2xN9pLcW4tR1zY8kH5vS0dJ3oF6eU2iG7aT9nMqXbE4wCrVlP1jKsD8uZhO=s1600',
    ]);
  });

  it('are the only ones made larger, and only by their size segment', async () => {
    const entry = (thumbnail: string) =>
      `<entry><id>tag:example,2024:${thumbnail.length}</id><title>Post</title><updated>2024-03-05T07:30:00Z</updated><link href="https://news.example.org/${thumbnail.length}"/><media:thumbnail url="${thumbnail}" height="72" width="72"/></entry>`;
    const thumbnails = [
      // Another host that sizes the same way is not Blogger's image server.
      'https://images.example-cdn.org/img/b/AVvXsEh/s72-c/quay.jpg',
      'https://blogger.googleusercontent.com.example-cdn.org/img/b/AVvXsEh/s72-c/quay.jpg',
      // No size segment before the file name: nothing to change.
      'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh/quay.jpg',
    ];
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Posts</title><id>tag:example,2024:posts</id>${thumbnails.map(entry).join('')}</feed>`;
    expect((await parseFeed(atom, 'https://news.example.org/feed')).items.map((item) => item.imageUrl)).toEqual(thumbnails);
  });
});
