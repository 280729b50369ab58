// Same site or not, for a comment form's action against its article's page: a subdomain of the
// same registrable domain is the same site; another domain, another IP, a lookalike is not.
import { describe, expect, it } from 'vitest';
import { foreignFormHost } from '../../electron/core/articles/form-site';

describe('foreignFormHost', () => {
  it('accepts the article’s own site, its subdomains and its other scheme', () => {
    expect(foreignFormHost('https://news.example.com/wp-comments-post.php', 'https://news.example.com/2022/01/13/a/')).toBeNull();
    expect(foreignFormHost('https://example.com/wp-comments-post.php', 'https://www.example.com/a/')).toBeNull();
    expect(foreignFormHost('https://comments.example.co.uk/post', 'http://www.example.co.uk/a/')).toBeNull();
    expect(foreignFormHost('http://127.0.0.2:8080/wp-comments-post.php', 'http://127.0.0.2:8080/?p=4')).toBeNull();
  });

  it('names the host of a form on another site', () => {
    expect(foreignFormHost('https://collector.example.net/c', 'https://example.com/a/')).toBe('collector.example.net');
    expect(foreignFormHost('https://example.com.evil.test/c', 'https://example.com/a/')).toBe('example.com.evil.test');
    expect(foreignFormHost('https://other.co.uk/c', 'https://example.co.uk/a/')).toBe('other.co.uk');
    expect(foreignFormHost('http://127.0.0.3:9/c', 'http://127.0.0.2:9/a/')).toBe('127.0.0.3:9');
  });
});
