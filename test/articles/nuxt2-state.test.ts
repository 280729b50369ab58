// A Nuxt 2 page whose article a script writes in: its state is a script's expression,
// window.__NUXT__=(function(a,b,...){return {...}}("News",null,...)), read as data without running
// it (nuxt2-state.ts). The corpus page nuxt2-payload-school-bus shows its headline, standfirst and a
// skeleton; the story is in the state. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { nuxt2State } from '../../electron/core/articles/nuxt2-state';
import { corpusPages } from '../support/corpus-pages';

describe("a Nuxt 2 page's state", () => {
  const page = corpusPages().find((candidate) => candidate.name === 'nuxt2-payload-school-bus')!;
  const stored = (html: string) => prepareArticle({ pageHtml: html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url });

  it('gives the story the page shows only as a skeleton, without the state\'s menus, teasers and cookie text', () => {
    expect(page.html).toContain('<div class="dc-article__body dc-skeleton" aria-busy="true">');
    const article = stored(page.html);
    expect(article.source).toBe('page');
    expect(article.text).toMatch(/^Council finds £186,000 to keep the Keld to Richmond service after parents' campaign\s+The school bus that carries 31 children/);
    expect(article.text).toContain('A longer-term answer\nThe council says it will use the time');
    expect(article.text).toContain('exactly which gate to wait at when the snow comes in.');
    for (const other of ['Reeth bridge to reopen', 'We use cookies', 'Most read']) expect(article.text).not.toContain(other);
  });

  it('is not read when it holds anything but data (a call), and the page keeps what it shows', () => {
    const withCall = page.html.replace('published:"2024-03-12T17:40:00.000Z"', 'published:new Date(1710265200000)');
    expect(withCall).not.toBe(page.html);
    const article = stored(withCall);
    expect(article.text).not.toContain('The school bus that carries 31 children');
    expect(article.text).toContain("Council finds £186,000 to keep the Keld to Richmond service after parents' campaign");
  });
});

describe('nuxt2State', () => {
  it("reads parameters' arguments, escapes, quoted keys and both ways of calling the function", () => {
    expect(nuxt2State('window.__NUXT__=(function(a,b){return {x:a,"og:title":"A\\u002FB \\"q\\"",list:[b,1.5,-2,void 0,true]}}("one",null));')).toEqual({ x: 'one', 'og:title': 'A/B "q"', list: [null, 1.5, -2, undefined, true] });
    expect(nuxt2State('window.__NUXT__=(function(a){return {x:a}})(\'two\');')).toEqual({ x: 'two' });
    expect(nuxt2State('window.__NUXT__={layout:"default",data:[{}]};')).toEqual({ layout: 'default', data: [{}] });
  });

  it('passes over the assignments devalue writes before the return', () => {
    expect(nuxt2State('window.__NUXT__=(function(a,b){b.self=b;a[0]="x";return {x:b,y:a}}([],{}));')).toEqual({ x: {}, y: [] });
  });

  it('keeps a key "__proto__" as a key, and gives up on names that are no parameter, calls and unclosed text', () => {
    const state = nuxt2State('window.__NUXT__={"__proto__":{polluted:true}}') as Record<string, unknown>;
    expect(Object.keys(state)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(nuxt2State('window.__NUXT__=(function(a){return {x:c}}(1))')).toBeNull();
    expect(nuxt2State('window.__NUXT__={x:alert(1)}')).toBeNull();
    expect(nuxt2State('window.__NUXT__={x:"open')).toBeNull();
    expect(nuxt2State('var x={}')).toBeNull();
  });
});
