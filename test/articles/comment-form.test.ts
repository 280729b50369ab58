import { describe, expect, it } from 'vitest';
import { captureCommentForm } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const ORIGIN = 'http://world-brief.example';
const POST = `${ORIGIN}/2022/01/13/nato-is-in-security-dialogue-with-russia/`;

function page(form: string): string {
  return `<!doctype html><html><head><title>Post</title></head><body><article><p>Text.</p></article>${form}</body></html>`;
}

describe('captureCommentForm', () => {
  it("keeps the seed article's WordPress form: action, hidden fields, fields and which are required", () => {
    expect(captureCommentForm(fixtureText('seed/article.html', ORIGIN), POST)).toEqual({
      kind: 'wordpress',
      action: `${ORIGIN}/wp-comments-post.php`,
      hiddenFields: [['comment_post_ID', '123'], ['comment_parent', '0']],
      fields: ['comment', 'author', 'email', 'url'],
      requiredFields: ['comment', 'author', 'email'],
      maxLength: 65525,
    });
  });

  it('reads older themes (aria-required, a relative action, anti-spam fields) and prefers #commentform', () => {
    const html = page(`
      <form action="/wp-comments-post.php" method="post"><textarea name="comment"></textarea><input type="hidden" name="comment_post_ID" value="7"></form>
      <form action="wp-comments-post.php" method="POST" id="commentform">
        <label for="author">Name <span class="required">*</span></label><input id="author" name="author">
        <input name="email" aria-required="true"><input name="url">
        <textarea name="comment"></textarea>
        <input type="hidden" name="comment_post_ID" value="123"><input type="HIDDEN" name="akismet_comment_nonce" value="a1b2c3">
        <input type="hidden" name="ak_js" value="1642068760"><input type="hidden" value="no name">
      </form>`);
    expect(captureCommentForm(html, POST)).toMatchObject({
      action: `${POST}wp-comments-post.php`,
      hiddenFields: [['comment_post_ID', '123'], ['akismet_comment_nonce', 'a1b2c3'], ['ak_js', '1642068760']],
      requiredFields: ['comment', 'author', 'email'],
    });
  });

  it('recognises nothing else: no form, a search form, a GET form, a javascript: action', () => {
    expect(captureCommentForm(page('<p>Comments are closed.</p>'), POST)).toBeNull();
    expect(captureCommentForm(page('<form role="search" method="get" action="/"><input name="s"></form>'), POST)).toBeNull();
    const wordpressFields = '<textarea name="comment"></textarea><input type="hidden" name="comment_post_ID" value="1">';
    expect(captureCommentForm(page(`<form method="get" action="/wp-comments-post.php">${wordpressFields}</form>`), POST)).toBeNull();
    expect(captureCommentForm(page(`<form method="post" action="javascript:steal()">${wordpressFields}</form>`), POST)).toBeNull();
    expect(captureCommentForm(page(`<form method="post" action="/contact"><textarea name="message"></textarea><input type="hidden" name="comment_post_ID" value="1"></form>`), POST)).toBeNull();
  });
});
