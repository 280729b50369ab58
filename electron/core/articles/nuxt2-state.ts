// Nuxt 2's app state, read without running it. A Nuxt 2 site ships its state as a script,
// <script>window.__NUXT__=(function(a,b,c){return {data:[...],state:{...}}}("News",null,false));</script>:
// one JavaScript expression that devalue writes, each value repeated in the state once, as an
// argument of the function, and named by its parameter. The expression is made of literals only
// (objects, arrays, strings, numbers, true, false, null, void 0) and those names, so it is read
// here as data: any other JavaScript in it (a call, an operator, a regular expression) and
// nothing is read. What the function does to its values before it returns them (the assignments
// devalue writes for a value that holds itself) is passed over: the state loses a loop, no prose.

/** The script's text opens with this: the cheap test of a <script> while the page is walked. */
export const NUXT2_STATE_OPENING = 'window.__NUXT__=';

// As app-state.ts walks it: no state an app ships is nested deeper.
const MAX_DEPTH = 40;

/** A parameter's name where the function's body uses it: its argument stands there. */
class Name {
  constructor(readonly name: string) {}
}

class NotData extends Error {}

/** The state the script holds (its text, from NUXT2_STATE_OPENING on), or null when it is
 *  anything but data as described above. */
export function nuxt2State(script: string): unknown {
  if (!script.startsWith(NUXT2_STATE_OPENING)) return null;
  try {
    const reader = new Reader(script, NUXT2_STATE_OPENING.length);
    return reader.state();
  } catch (error) {
    if (error instanceof NotData || error instanceof RangeError) return null;
    throw error;
  }
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;
const SPACE = /\s*/y;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };
const WORD_VALUES: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['true', true], ['false', false], ['null', null], ['undefined', undefined], ['NaN', Number.NaN], ['Infinity', Number.POSITIVE_INFINITY],
]);

class Reader {
  constructor(private readonly text: string, private at: number) {}

  /** `(function(params){...return VALUE}(args))`, or a plain VALUE. */
  state(): unknown {
    this.space();
    if (!this.text.startsWith('(function(', this.at)) return resolve(this.value(0), new Map(), 0);
    this.at += '(function('.length;
    const params: string[] = [];
    while (!this.take(')')) {
      params.push(this.identifier());
      this.take(',');
    }
    this.expect('{');
    this.skipToReturn();
    const returned = this.value(0);
    this.take(';');
    this.expect('}');
    // (function(){...}(args)) and (function(){...})(args) alike.
    const wrapped = this.take(')');
    this.expect('(');
    const args = new Map<string, unknown>();
    for (let index = 0; !this.take(')'); index++) {
      const argument = this.value(0);
      if (index < params.length) args.set(params[index]!, argument);
      this.take(',');
    }
    if (!wrapped) this.expect(')');
    return resolve(returned, args, 0);
  }

  /** Past the statements before the body's `return` (each a name, `.`, `[...]` and `=` with
   *  values), which devalue writes only for a value that refers to itself. */
  private skipToReturn(): void {
    for (;;) {
      this.space();
      const word = this.identifier();
      if (word === 'return') return;
      for (;;) {
        this.space();
        const next = this.text[this.at];
        if (next === '.') {
          this.at++;
          this.identifier();
        } else if (next === '[') {
          this.at++;
          this.value(0);
          this.expect(']');
        } else if (next === '=') {
          this.at++;
          this.value(0);
        } else if (next === ';' || next === ',') {
          this.at++;
          break;
        } else throw new NotData();
      }
    }
  }

  private value(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new NotData();
    this.space();
    const next = this.text[this.at];
    if (next === '{') return this.object(depth);
    if (next === '[') return this.array(depth);
    if (next === '"' || next === "'") return this.string();
    if (next === '-' || next === '.' || (next !== undefined && next >= '0' && next <= '9')) return this.number();
    const word = this.identifier();
    if (word === 'void') {
      this.space();
      this.number();
      return undefined;
    }
    if (WORD_VALUES.has(word)) return WORD_VALUES.get(word);
    return new Name(word);
  }

  private object(depth: number): Record<string, unknown> {
    this.at++;
    // Without a prototype: a key "__proto__" is a key like any other, as JSON.parse makes it.
    const object = Object.create(null) as Record<string, unknown>;
    for (;;) {
      this.space();
      if (this.take('}')) return object;
      const next = this.text[this.at];
      const key = next === '"' || next === "'" ? this.string() : next !== undefined && next >= '0' && next <= '9' ? String(this.number()) : this.identifier();
      this.expect(':');
      object[key] = this.value(depth + 1);
      this.space();
      if (!this.take(',')) {
        this.expect('}');
        return object;
      }
    }
  }

  private array(depth: number): unknown[] {
    this.at++;
    const array: unknown[] = [];
    for (;;) {
      this.space();
      if (this.take(']')) return array;
      array.push(this.value(depth + 1));
      this.space();
      if (!this.take(',')) {
        this.expect(']');
        return array;
      }
    }
  }

  private string(): string {
    const quote = this.text[this.at]!;
    let out = '';
    let from = ++this.at;
    for (;;) {
      const end = this.text.indexOf('\\', this.at);
      const close = this.text.indexOf(quote, this.at);
      if (close < 0) throw new NotData();
      if (end < 0 || close < end) {
        out += this.text.slice(from, close);
        this.at = close + 1;
        return out;
      }
      out += this.text.slice(from, end);
      const escaped = this.text[end + 1];
      if (escaped === 'u') {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.text.slice(end + 2, end + 6));
        if (!hex) throw new NotData();
        out += String.fromCharCode(parseInt(hex[0], 16));
        this.at = end + 6;
      } else if (escaped === 'x') {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.text.slice(end + 2, end + 4));
        if (!hex) throw new NotData();
        out += String.fromCharCode(parseInt(hex[0], 16));
        this.at = end + 4;
      } else if (escaped === undefined) {
        throw new NotData();
      } else {
        out += ESCAPES[escaped] ?? escaped;
        this.at = end + 2;
      }
      from = this.at;
    }
  }

  private number(): number {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) throw new NotData();
    this.at += match[0].length;
    return Number(match[0]);
  }

  private identifier(): string {
    this.space();
    IDENTIFIER.lastIndex = this.at;
    const match = IDENTIFIER.exec(this.text);
    if (!match) throw new NotData();
    this.at += match[0].length;
    return match[0];
  }

  private space(): void {
    SPACE.lastIndex = this.at;
    this.at += SPACE.exec(this.text)![0].length;
  }

  private take(token: string): boolean {
    this.space();
    if (!this.text.startsWith(token, this.at)) return false;
    this.at += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.take(token)) throw new NotData();
  }
}

/** The value with each parameter's name replaced by its argument; a name that is no parameter is
 *  a variable of the page's scripts, and no data. */
function resolve(value: unknown, args: ReadonlyMap<string, unknown>, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new NotData();
  if (value instanceof Name) {
    if (!args.has(value.name)) throw new NotData();
    return args.get(value.name);
  }
  if (Array.isArray(value)) return value.map((item) => resolve(item, args, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    for (const key in object) object[key] = resolve(object[key], args, depth + 1);
  }
  return value;
}
