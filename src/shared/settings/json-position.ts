/**
 * Where a JSON text first goes wrong, as line and column. JSON.parse's messages differ between browsers and
 * some give no position at all, so an import that fails to parse is scanned again by this small checker, which
 * accepts exactly what JSON.parse accepts.
 */
export interface JsonSyntaxError {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters. */
  readonly column: number;
  readonly message: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';

class Scanner {
  private i = 0;

  constructor(private readonly text: string) {}

  run(): void {
    this.value(0);
    this.space();
    if (this.i < this.text.length) this.stop('unexpected text after the end of the JSON value');
  }

  private stop(message: string): never {
    throw new Stop(this.i, this.i >= this.text.length ? 'the text ends too early' : message);
  }

  private space(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text.charAt(this.i))) this.i++;
  }

  private string(): void {
    this.i++;
    while (this.i < this.text.length) {
      const c = this.text.charAt(this.i);
      if (c === '"') {
        this.i++;
        return;
      }
      if (c < ' ') this.stop('a line break or control character inside a string (a closing " is missing?)');
      if (c !== '\\') {
        this.i++;
        continue;
      }
      const next = this.text.charAt(this.i + 1);
      const valid =
        next === 'u'
          ? /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))
          : next !== '' && ESCAPES.includes(next);
      if (!valid) this.stop('an invalid escape sequence');
      this.i += next === 'u' ? 6 : 2;
    }
    this.stop('a string that never ends');
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) this.stop('values nested too deeply');
    this.space();
    const c = this.text.charAt(this.i);
    if (c === '{') this.container('}', () => this.property(depth));
    else if (c === '[') this.container(']', () => this.value(depth + 1));
    else if (c === '"') this.string();
    else this.scalar();
  }

  private property(depth: number): void {
    if (this.text.charAt(this.i) !== '"') this.stop('expected a property name in double quotes');
    this.string();
    this.space();
    if (this.text.charAt(this.i) !== ':') this.stop('expected ":" after the property name');
    this.i++;
    this.value(depth + 1);
  }

  private scalar(): void {
    const word = ['true', 'false', 'null'].find((w) => this.text.startsWith(w, this.i));
    NUMBER.lastIndex = this.i;
    if (word) this.i += word.length;
    else if (NUMBER.test(this.text)) this.i = NUMBER.lastIndex;
    else
      this.stop('expected a value (text in double quotes, a number, true, false, null, an object or a list)');
  }

  private container(close: string, item: () => void): void {
    this.i++;
    this.space();
    if (this.text.charAt(this.i) === close) {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      item();
      this.space();
      const c = this.text.charAt(this.i);
      this.i++;
      if (c === close) return;
      if (c !== ',') {
        this.i--;
        this.stop(`expected "," or "${close}"`);
      }
      this.space();
      if (this.text.charAt(this.i) === close)
        this.stop(`a "," before "${close}" (JSON allows no trailing comma)`);
    }
  }
}

export function locateJsonError(text: string): JsonSyntaxError | null {
  try {
    new Scanner(text).run();
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, message: error.message };
  }
}
