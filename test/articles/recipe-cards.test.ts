// A recipe card (Tasty Recipes', WP Recipe Maker's) read as a cook reads it offline: its headings
// (Ingredients, Instructions), its times with their units, its lists; not the controls its script
// works (Copy, the 1x 2x 3x scale, Cook Mode, Print Recipe, Pin Recipe), which the copy cannot.
// Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { corpusPages, storedText } from '../support/corpus-pages';

const SITE = 'https://www.oven-notes.example';
const PAGE_URL = `${SITE}/oat-soda-bread/`;

const STORY = [
  'Soda bread is the loaf for a morning when you forgot to start a dough the night before. There is no yeast and no proving, just a bowl, a spoon and a hot oven.',
  'Oats make this one softer than the plain white kind, and buttermilk gives it the tang that makes it worth eating warm with salted butter and nothing else.',
  'Mix it quickly and lightly: the bicarbonate starts working the moment the buttermilk goes in, and a dough that is worked too long bakes flat and tough.',
];

const page = (card: string) => `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Oat soda bread - Oven Notes</title></head>
<body><header class="site-header"><a href="/">Oven Notes</a></header><main id="main" class="site-main"><article class="post type-post">
<header class="entry-header"><h1 class="entry-title">Oat soda bread</h1></header><div class="entry-content">${STORY.map((text) => `<p>${text}</p>`).join('\n')}
${card}</div></article></main><footer class="site-footer">© Oven Notes</footer></body></html>`;

const INGREDIENTS = ['350g plain flour', '100g porridge oats', '1 tsp bicarbonate of soda', '400ml buttermilk'];
const STEPS = ['Heat the oven to 200°C and dust a tray with flour.', 'Mix the dry ingredients, pour in the buttermilk and stir into a soft dough.', 'Shape into a round, cut a deep cross and bake for 35 minutes.'];

const tasty = `<div class="tasty-recipes tasty-recipes-4471"><div class="tasty-recipes-entry-header"><h2 class="tasty-recipes-title">Oat soda bread</h2>
<div class="tasty-recipes-buttons"><div class="tasty-recipes-button-wrap"><a class="button tasty-recipes-print-button" href="${SITE}/tasty-recipes/print/4471/">Print Recipe</a></div><div class="tasty-recipes-button-wrap"><a class="share-pin button" href="https://www.pinterest.com/pin/create/bookmarklet/?url=x">Pin Recipe</a></div></div></div>
<div class="tasty-recipes-entry-content"><div class="tasty-recipes-ingredients"><div class="tasty-recipes-ingredients-header"><div class="tasty-recipes-ingredients-clipboard-container"><h3>Ingredients</h3><button class="tasty-recipes-copy-button" aria-label="Copy ingredients to clipboard">Copy</button></div>
<div class="tasty-recipes-units-scale-container"><span class="tasty-recipes-label">Scale</span><div class="tasty-recipes-scale-container"><button class="tasty-recipes-scale-button" data-amount="1">1x</button><button class="tasty-recipes-scale-button" data-amount="2">2x</button><button class="tasty-recipes-scale-button" data-amount="3">3x</button></div></div></div>
<div class="tasty-recipes-ingredients-body"><ul>${INGREDIENTS.map((item, i) => `<li><span class="tr-ingredient-checkbox-container"><input type="checkbox" id="ing-${i}"><label for="ing-${i}"><span class="screen-reader-text">${item}</span></label></span>${item}</li>`).join('')}</ul></div></div>
<div class="tasty-recipes-cook-mode"><div class="tasty-recipes-cook-mode__container"><input type="checkbox" id="tasty-recipes-4471-cook-mode"><label for="tasty-recipes-4471-cook-mode" class="tasty-recipes-cook-mode__label">Cook Mode</label><span class="tasty-recipes-cook-mode__helper">Prevent your screen from going dark</span></div></div>
<div class="tasty-recipes-instructions"><div class="tasty-recipes-instructions-header"><h3>Instructions</h3></div><div class="tasty-recipes-instructions-body"><ol>${STEPS.map((step) => `<li>${step}</li>`).join('')}</ol></div></div></div></div>`;

const wprm = `<div id="recipe"></div><div id="wprm-recipe-container-4475" class="wprm-recipe-container"><div class="wprm-recipe wprm-recipe-template-chic"><h2 class="wprm-recipe-name">Oat soda bread</h2>
<div class="wprm-recipe-buttons"><a href="${SITE}/wprm_print/oat-soda-bread" class="wprm-recipe-print wprm-recipe-link" rel="nofollow"><span class="wprm-recipe-icon wprm-recipe-print-icon"><svg width="16" height="16" viewBox="0 0 24 24"><path d="M19 8H5"/></svg></span> Print Recipe</a>
<a href="https://www.pinterest.com/pin/create/bookmarklet/?url=x" class="wprm-recipe-pin wprm-recipe-link" rel="nofollow noopener"><span class="wprm-recipe-icon wprm-recipe-pin-icon"><svg width="16" height="16" viewBox="0 0 24 24"><path d="M12 2"/></svg></span> Pin Recipe</a></div>

<div class="wprm-recipe-ingredients-container"><h3 class="wprm-recipe-header wprm-recipe-ingredients-header">Ingredients</h3><ul class="wprm-recipe-ingredients">${INGREDIENTS.map((item) => `<li class="wprm-recipe-ingredient">${item}</li>`).join('')}</ul></div>
<div class="wprm-recipe-instructions-container"><h3 class="wprm-recipe-header wprm-recipe-instructions-header">Instructions</h3><ul class="wprm-recipe-instructions">${STEPS.map((step) => `<li class="wprm-recipe-instruction"><div class="wprm-recipe-instruction-text">${step}</div></li>`).join('')}</ul></div></div></div>`;

const lines = (text: string) => text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '');

describe('a recipe card', () => {
  it.each([
    ['Tasty Recipes', tasty],
    ['WP Recipe Maker', wprm],
  ])("keeps its headings and lists, and leaves out its controls (%s)", (_name, card) => {
    const article = prepareArticle({ pageHtml: page(card), pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
    const read = lines(article.text);
    expect(article.source).toBe('page');
    // The headings a cook looks for, each on its line, over its list.
    expect(read).toContain('Ingredients');
    expect(read).toContain('Instructions');
    expect(read.indexOf('Ingredients')).toBeLessThan(read.indexOf(INGREDIENTS[0]!));
    expect(read.indexOf('Instructions')).toBeLessThan(read.indexOf(STEPS[0]!));
    for (const control of ['Copy', 'Scale', '1x', 'Cook Mode', 'Prevent your screen from going dark', 'Print Recipe', 'Pin Recipe']) expect(read.join('\n')).not.toContain(control);
  });

  it("keeps the unit of its times, which the page shows short and tells screen readers in full, and not its Print and Pin links (the corpus's food blog)", () => {
    // WP Recipe Maker's "15<span class="sr-only"> minutes</span> <span aria-hidden="true">mins</span>":
    // the times read "Prep Time 15", both units gone; "Print Recipe Pin Recipe" was a line of its own.
    const read = lines(storedText(corpusPages().find((corpusPage) => corpusPage.name === 'recipe-soup')!));
    expect(read).toContain('Prep Time 15 mins');
    expect(read).toContain('Total Time 55 mins');
    expect(read.join('\n')).not.toMatch(/Print Recipe|Pin Recipe/);
  });
});
