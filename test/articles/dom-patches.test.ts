// patches/linkedom+0.18.15.patch makes three of linkedom's costs per page lazy or shared, which
// together more than halved the CPU of extracting a realistic news page:
// - a node's listener map is made at its first addEventListener, not in every node's
//   constructor (a parsed page has thousands of nodes and none of ours gets a listener);
// - a selector is compiled once, not at every querySelectorAll (Readability asks for the same
//   few thousands of times per page), and a list of tag names only is one set lookup per element;
// - an element's class attribute is its class, as in browsers: the classList (a Set) is made when
//   first asked for, not for every element with a class while parsing, and no read of the class
//   builds and joins one (a third of what extracting a page allocated);
// - an element's tagName, and the style property names Readability reads on every node, are
//   upper-cased and hyphenated once per name rather than at every read.
// Events, selectors and classes must behave as before (classes as browsers have them), and the
// patch must be the one in force.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../support/fixtures';

const require = createRequire(import.meta.url);

/** An event made by linkedom's own Event class, as a page's script would make it. */
const linkedomEvent = (document: Document, type: string, bubbles = false) =>
  new (document.defaultView as unknown as typeof globalThis).Event(type, { bubbles });

describe('events on linkedom nodes with listener maps made on demand', () => {
  it('delivers, bubbles, honours once, and removes listeners', () => {
    const { document } = parseHTML('<html><body><div id="outer"><p id="inner">x</p></div></body></html>');
    const outer = document.getElementById('outer')!;
    const inner = document.getElementById('inner')!;
    const seen: string[] = [];
    const onOuter = (event: Event) => seen.push(`outer:${(event.target as Element).id}`);
    outer.addEventListener('ping', onOuter);
    inner.addEventListener('ping', () => seen.push('inner once'), { once: true });

    inner.dispatchEvent(linkedomEvent(document, 'ping', true));
    inner.dispatchEvent(linkedomEvent(document, 'ping', true));
    outer.removeEventListener('ping', onOuter);
    inner.dispatchEvent(linkedomEvent(document, 'ping', true));

    expect(seen).toEqual(['inner once', 'outer:inner', 'outer:inner']);
  });

  it('lets a node that never had a listener be dispatched to and have a listener removed', () => {
    const { document } = parseHTML('<html><body><p>x</p></body></html>');
    const paragraph = document.querySelector('p')!;
    expect(() => paragraph.removeEventListener('click', () => {})).not.toThrow();
    expect(paragraph.dispatchEvent(linkedomEvent(document, 'click'))).toBe(true);
  });
});

describe('selectors compiled once for every document', () => {
  it('match in each document they are asked of, not in the first one only', () => {
    const first = parseHTML('<html><body><div class="story"><p>1</p></div></body></html>').document;
    const second = parseHTML('<html><body><div class="story"><p>2</p><p>3</p></div><p>4</p></body></html>').document;
    expect([...first.querySelectorAll('div.story p')].map((p) => p.textContent)).toEqual(['1']);
    expect([...second.querySelectorAll('div.story p')].map((p) => p.textContent)).toEqual(['2', '3']);
    expect(second.querySelector('div.story p')!.textContent).toBe('2');
  });

  it('keep HTML case-insensitive and XML case-sensitive for the same selector text', () => {
    const html = parseHTML('<html><body><DIV>a</DIV></body></html>').document;
    const xml = new DOMParser().parseFromString('<root><DIV>a</DIV><div>b</div></root>', 'text/xml');
    expect(html.querySelectorAll('div')).toHaveLength(1);
    expect([...xml.querySelectorAll('div')].map((element) => element.textContent)).toEqual(['b']);
    expect(html.querySelectorAll('div')).toHaveLength(1);
  });

  it('find for a list of tag names what css-select finds for the same list', () => {
    const page = fixtureText('seed/article.html');
    const svg = '<svg viewBox="0 0 10 10"><foreignObject><P>in svg</P></foreignObject><circle r="1"/></svg>';
    const { document } = parseHTML(page.replace('</body>', `${svg}<SPAN>upper</SPAN></body>`));
    // An element made by a DOM call keeps its name's case, as SVG's camel-cased names have it.
    document.querySelector('svg')!.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'linearGradient'));
    const lists = [
      'p', 'P', 'h1,h2,h3,h4,h5,h6', ' img , embed ,object,iframe ', 'SPAN,LI,TD,BLOCKQUOTE,DL,DIV,IMG,OL,P,PRE,TABLE,UL', '*', 'a,*', 'foreignobject,circle,lineargradient', 'linearGradient', 'nosuchtag',
    ];
    for (const list of lists) {
      // :is(...) is the same set of elements, but css-select's to compile.
      const expected = [...document.querySelectorAll(`:is(${list})`)];
      expect(expected.length > 0 || list === 'nosuchtag', list).toBe(true);
      expect([...document.querySelectorAll(list)], list).toEqual(expected);
      expect(document.querySelector(list), list).toBe(expected[0] ?? null);
    }
    const xml = new DOMParser().parseFromString('<root><Item>a</Item><item>b</item><ITEM>c</ITEM></root>', 'text/xml');
    expect([...xml.querySelectorAll('item, ITEM')].map((element) => element.textContent)).toEqual(['b', 'c']);
  });

  it('resolve :scope against the element asked, every time', () => {
    const { document } = parseHTML('<html><body><section id="a"><p>1</p><div><p>2</p></div></section><section id="b"><p>3</p></section></body></html>');
    const [a, b] = document.querySelectorAll('section');
    expect([...a!.querySelectorAll(':scope > p')].map((p) => p.textContent)).toEqual(['1']);
    expect([...b!.querySelectorAll(':scope > p')].map((p) => p.textContent)).toEqual(['3']);
  });
});

describe('classes read from the class attribute', () => {
  it('read the attribute as written, and as tokens through classList and selectors', () => {
    const { document } = parseHTML('<html><body><div id="a" class="  lead  story lead "></div><p>x</p></body></html>');
    const div = document.getElementById('a')!;
    expect(div.className).toBe('  lead  story lead ');
    expect(div.getAttribute('class')).toBe('  lead  story lead ');
    expect([...div.classList]).toEqual(['lead', 'story']);
    expect(document.querySelectorAll('.story')).toHaveLength(1);
    const paragraph = document.querySelector('p')!;
    expect(paragraph.getAttribute('class')).toBeNull();
    expect(paragraph.className).toBe('');
  });

  it('keep classList and the attribute in step, whichever of them is changed', () => {
    const { document } = parseHTML('<html><body><div class="a"></div><p>x</p></body></html>');
    const div = document.querySelector('div')!;
    const classList = div.classList;
    classList.add('b');
    expect(div.outerHTML).toBe('<div class="a b"></div>');
    div.setAttribute('class', 'c d');
    expect([...classList]).toEqual(['c', 'd']);
    div.getAttributeNode('class')!.value = 'e';
    expect([...classList]).toEqual(['e']);
    div.className = 'f g';
    expect([...div.classList]).toEqual(['f', 'g']);
    expect(document.querySelectorAll('.g')).toHaveLength(1);
    div.removeAttribute('class');
    expect([...div.classList]).toEqual([]);
    expect(div.outerHTML).toBe('<div></div>');
    const paragraph = document.querySelector('p')!;
    paragraph.classList.add('new');
    expect(paragraph.outerHTML).toBe('<p class="new">x</p>');
    expect(document.querySelectorAll('.new')).toHaveLength(1);
  });
});

describe('names worked out once per name', () => {
  it('give HTML tag names upper-cased and XML ones as written, whichever document asks first', () => {
    const xml = new DOMParser().parseFromString('<root><item>a</item><Item>b</Item></root>', 'text/xml');
    const { document } = parseHTML('<html><body><item>x</item><div><svg><linearGradient/></svg></div></body></html>');
    expect([...xml.querySelectorAll('*')].map((element) => element.tagName)).toEqual(['root', 'item', 'Item']);
    expect(document.querySelector('item')!.tagName).toBe('ITEM');
    expect(document.querySelector('div')!.nodeName).toBe('DIV');
    expect([...xml.querySelectorAll('*')].map((element) => element.tagName)).toEqual(['root', 'item', 'Item']);
    // getElementsByTagName matches the name as written or upper-cased, as it did.
    expect(document.getElementsByTagName('DIV')).toHaveLength(1);
    expect(document.getElementsByTagName('div')).toHaveLength(1);
    expect(xml.getElementsByTagName('Item')).toHaveLength(1);
  });

  it('read and write style properties by their camel-cased and hyphenated names alike', () => {
    const { document } = parseHTML('<html><body><p style="background-color: red; display: none">a</p><p>b</p></body></html>');
    const [hidden, plain] = [...document.querySelectorAll('p')] as HTMLElement[];
    for (let read = 0; read < 2; read++) {
      expect(hidden!.style.backgroundColor).toBe('red');
      expect(hidden!.style.display).toBe('none');
      expect(plain!.style.display).toBe('');
    }
    plain!.style.fontSize = '12px';
    expect(plain!.getAttribute('style')).toBe('font-size:12px');
    expect(plain!.style.getPropertyValue('font-size')).toBe('12px');
    hidden!.style.backgroundColor = 'blue';
    expect(hidden!.getAttribute('style')).toBe('background-color:blue;display:none');
  });
});

describe('the patch', () => {
  it('is in the installed linkedom, ES module and CommonJS builds alike', () => {
    const packageDir = join(dirname(require.resolve('linkedom')), '..');
    for (const file of ['cjs', 'esm'].map((build) => join(packageDir, build, 'interface', 'event-target.js'))) {
      const constructorBody = /constructor\(\) \{([^}]*)\}/.exec(readFileSync(file, 'utf8'))?.[1] ?? 'not found';
      expect(constructorBody, file).not.toMatch(/wm\.set/);
      expect(readFileSync(join(file, '..', '..', 'shared', 'matches.js'), 'utf8'), file).toContain('compiledSelectors.get(key)');
      expect(readFileSync(join(file, '..', '..', 'shared', 'matches.js'), 'utf8'), file).toContain('tagListMatch(selectors, xmlMode) ||');
      expect(readFileSync(join(file, '..', '..', 'shared', 'utils.js'), 'utf8'), file).toContain('upperCased.get(localName)');
      expect(readFileSync(join(file, '..', 'css-style-declaration.js'), 'utf8'), file).toContain('style.get(hyphenated(name))');
      // Unpatched, every parsed class made its element's classList: `element.className = value`.
      expect(readFileSync(join(file, '..', '..', 'shared', 'parse-from-string.js'), 'utf8'), file).not.toContain('className');
    }
  });
});
