// A page whose comments a service's script shows (Disqus, here) leaves its links to that thread
// in the stored article as stray lines: the copy never runs the script, so "Afficher les
// commentaires (8)" led nowhere and ended the text. Those lines go, on such pages only; a link in
// the writer's sentence stays.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const URL = 'https://carnet-renovation.example/posts/velux-etancheite-1992/';
const PAGE = fixtureText('corpus/pages/hugo-disqus-fr.html');

const storedText = (html: string) => prepareArticle({ pageHtml: html, pageUrl: URL, feedHtml: null, feedItemUrl: URL }).text;

describe("a comment service's launchers in the article", () => {
  it('leave the text of a Disqus page: its button-link to the thread, and its count link whatever the theme wrote in it', () => {
    expect(storedText(PAGE)).not.toContain('commentaires');
    const counted = PAGE.replace(
      '<div class="text-center my-4">',
      '<p><a href="https://carnet-renovation.example/posts/velux-etancheite-1992/#disqus_thread" data-disqus-identifier="velux-etancheite-1992">Réagir</a></p>\n<div class="text-center my-4">',
    );
    const text = storedText(counted);
    expect(text).not.toContain('Réagir');
    expect(text.trim().endsWith('le plafond est resté sec.')).toBe(true);
  });

  it("stay when they are the writer's words: a link in a sentence", () => {
    const sentence = PAGE.replace(
      '<div class="text-center my-4">',
      '<p>La notice du fabricant et les <a href="https://forum-toiture.example/t/raccord-velux/1822">commentaires</a> du forum m’ont beaucoup aidée.</p>\n<div class="text-center my-4">',
    );
    expect(storedText(sentence)).toContain('La notice du fabricant et les commentaires du forum m’ont beaucoup aidée.');
  });

  it('stay on a page without a comment service, which alone tells a thread the copy cannot hold', () => {
    const withoutService = PAGE.replace('<div id="disqus_thread"></div>', '').replace(/<script src="https:\/\/carnet-renovation\.disqus\.com\/count\.js"[^>]*><\/script>/, '');
    expect(storedText(withoutService)).toContain('Afficher les commentaires (8)');
  });
});
