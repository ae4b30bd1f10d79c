import * as v from 'valibot';
import { type ErrorCode, MESSAGE_SCHEMAS } from '../../../src/shared/messages/contract.ts';
import { seededRandom } from '../../emulator/random.ts';

/**
 * Random and malformed runtime messages for the message fuzz test, from a seeded PRNG so a failure reproduces
 * from its seed and case number.
 *
 * A message travels as "wire" JSON: plain JSON plus tagged objects (`{"§fuzz": …}`) that `sendBatch` turns,
 * inside the browser, into what JSON cannot carry or would be wasteful to ship: undefined, NaN, ±Infinity, -0,
 * 1 MB strings, and nesting thousands of levels deep. Objects keep own `__proto__` keys on both sides.
 *
 * Each case carries the reply the background must give, worked out here by the rules of
 * docs/architecture.md ("Messages"): the message crosses as JSON (Chromium JSON-serialises runtime
 * messages), must be an object whose `type` is a known message type, the sender must be of that type's
 * audience, and the payload must pass the type's schema (the contract's own valibot schemas).
 */

const TAG = '§fuzz';

export type Wire = null | boolean | number | string | Wire[] | { [key: string]: Wire };

/** Who sends: the popup (an extension page) or our content script on an AWS console page. */
export type Sender = 'extension-page' | 'content-script';

const SENDER_AUDIENCE: Record<Sender, string> = {
  'extension-page': 'extension',
  'content-script': 'content',
};

/**
 * Types whose valid messages may really be sent from the popup: they only read. Every other type (today's
 * and any added later) changes state, so the popup sends it only with payloads that fail validation.
 */
export const READ_ONLY_TYPES = new Set(['getStatus', 'listPortals', 'getPreferences', 'getTabDisplay']);

export type Expected = { ok: true } | { ok: false; codes: readonly ErrorCode[] };

export interface FuzzCase {
  readonly id: number;
  readonly strategy: string;
  /** The message type as the background will see it, when it is a string. */
  readonly type: string | undefined;
  readonly wire: string;
  readonly expected: Expected;
  /** Nested so deep that the browser may refuse to serialise it before it leaves the sender. */
  readonly mayNotSerialize: boolean;
}

/** Real identifiers, so "valid" payloads name the real portal, account and role. */
export interface RealIds {
  readonly portalId: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly startUrl: string;
  readonly region: string;
}

// ---------------------------------------------------------------------------------------------------------
// Wire values

const tag = (kind: string, extra: Record<string, Wire> = {}): Wire => ({ [TAG]: kind, ...extra });

/** An object with exactly these own keys, `__proto__` included (a literal would set the prototype instead). */
function obj(entries: readonly (readonly [string, Wire])[]): { [key: string]: Wire } {
  const out: { [key: string]: Wire } = {};
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Wire → the JS value the sender passes to sendMessage (Node side; deep nesting capped for the oracle). */
function materialize(wire: Wire, deepCap: number): unknown {
  if (Array.isArray(wire)) return wire.map((w) => materialize(w, deepCap));
  if (wire === null || typeof wire !== 'object') return wire;
  const kind = wire[TAG];
  if (typeof kind === 'string') return expandTag(kind, wire, deepCap);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(wire)) {
    Object.defineProperty(out, key, {
      value: materialize(wire[key] as Wire, deepCap),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function expandTag(kind: string, t: { [key: string]: Wire }, deepCap: number): unknown {
  switch (kind) {
    case 'undefined':
      return undefined;
    case 'nan':
      return Number.NaN;
    case 'inf':
      return Number.POSITIVE_INFINITY;
    case '-inf':
      return Number.NEGATIVE_INFINITY;
    case '-0':
      return -0;
    case 'big':
      return String(t.c).repeat(Number(t.n));
    case 'deep': {
      // Schemas are at most three levels deep, so a capped copy is valid exactly when the real one is.
      let value: unknown = t.kind === 'array' ? [] : {};
      for (let i = 0; i < Math.min(Number(t.n), deepCap); i++)
        value = t.kind === 'array' ? [value] : { d: value };
      return value;
    }
    default:
      throw new Error(`unknown wire tag ${kind}`);
  }
}

/** What the background receives: Chromium sends `JSON.stringify(message)` and parses it on the other side. */
function transported(wire: Wire): unknown {
  const text = JSON.stringify(materialize(wire, 8));
  return text === undefined ? null : JSON.parse(text);
}

/**
 * Sends each wire message with `chrome.runtime.sendMessage`, all of a batch at once, from wherever it is
 * evaluated (an extension page, or the content script's isolated world through CDP). Self-contained: it is
 * serialised into the browser. Each result is `R:` + the JSON of the reply, or `T:` + what sendMessage threw.
 */
export async function sendBatch(wires: string[]): Promise<string[]> {
  const MARK = '§fuzz';
  const build = (w: unknown): unknown => {
    if (Array.isArray(w)) return w.map(build);
    if (w === null || typeof w !== 'object') return w;
    const o = w as Record<string, unknown>;
    const kind = o[MARK];
    if (typeof kind === 'string') {
      if (kind === 'undefined') return undefined;
      if (kind === 'nan') return Number.NaN;
      if (kind === 'inf') return Number.POSITIVE_INFINITY;
      if (kind === '-inf') return Number.NEGATIVE_INFINITY;
      if (kind === '-0') return -0;
      if (kind === 'big') return String(o.c).repeat(Number(o.n));
      if (kind === 'deep') {
        let value: unknown = o.kind === 'array' ? [] : {};
        for (let i = 0; i < Number(o.n); i++) value = o.kind === 'array' ? [value] : { d: value };
        return value;
      }
      throw new Error(`unknown wire tag ${kind}`);
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(o)) {
      Object.defineProperty(out, key, {
        value: build(o[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  return Promise.all(
    wires.map(async (wire) => {
      try {
        const reply = await chrome.runtime.sendMessage(build(JSON.parse(wire)));
        return `R:${JSON.stringify(reply)}`;
      } catch (error) {
        return `T:${error instanceof Error ? error.message : String(error)}`;
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// The oracle

type Spec = { audience: string; payload: v.GenericSchema };
const SCHEMAS = MESSAGE_SCHEMAS as unknown as Record<string, Spec>;
export const MESSAGE_TYPES = Object.keys(SCHEMAS);

/** The reply the background must give, by the contract's rules (see the module comment). */
export function expectedReply(message: unknown, sender: Sender): Expected {
  const badRequest: Expected = { ok: false, codes: ['bad-request'] };
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return badRequest;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(SCHEMAS, type)) return badRequest;
  const spec = SCHEMAS[type] as Spec;
  const valid = v.safeParse(spec.payload, payload).success;
  if (spec.audience !== SENDER_AUDIENCE[sender]) {
    // A wrong sender is refused; with a malformed payload as well, either refusal is right.
    return { ok: false, codes: valid ? ['forbidden'] : ['forbidden', 'bad-request'] };
  }
  return valid ? { ok: true } : badRequest;
}

function typeOf(message: unknown): string | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof message === 'object' && typeof type === 'string' ? type : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The generator

type Rand = () => number;

const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const chance = (rand: Rand, p: number) => rand() < p;

function weighted<T>(rand: Rand, items: readonly (readonly [number, T])[]): T {
  const total = items.reduce((sum, [w]) => sum + w, 0);
  let r = rand() * total;
  for (const [w, item] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return (items[items.length - 1] as readonly [number, T])[1];
}

const MB = 1 << 20;

/** Keys that attack prototypes or name built-ins. */
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  '__lookupSetter__',
  'then',
  'toJSON',
  '',
  ' ',
  'portalId ',
  'PortalId',
  'payload',
  'type',
  'sender',
  'tabId',
  'accessToken',
  '\u0000',
  '\ud800',
  '💥',
];

const SYMBOL_STRINGS = [
  'Symbol()',
  'Symbol(foo)',
  'Symbol.iterator',
  'Symbol(Symbol.toPrimitive)',
  '@@iterator',
];

const HOSTILE_STRINGS = [
  '',
  ' ',
  'null',
  'undefined',
  'NaN',
  'true',
  '[object Object]',
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  'javascript:alert(1)',
  '{{constructor.constructor("return this")()}}',
  "'; DROP TABLE portals; --",
  '../../../../etc/passwd',
  '%00%0d%0a',
  '\u0000',
  '\ud800\udfff\ud800',
  '\u202eRTL',
  'getStatus',
  'chrome-extension://',
  `${'a'.repeat(60)}!`,
  '123456789012',
  '1234567890123',
  '12345678901',
  ' 123456789012',
  '123456789012\n',
  '１２３４５６７８９０１２',
  '#ABCDEF',
  '#abcdeg',
  'a'.repeat(64),
  'a'.repeat(65),
  'UPPER-CASE',
  'https://d-9067c0ffee.awsapps.com/start',
  'https://evil.example/start',
  'us-east-1',
  'AdministratorAccess',
  'x'.repeat(129),
  ...SYMBOL_STRINGS,
];

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/#@$%{}[]"\\\'<> ';

class Generator {
  /** 1 MB values left to hand out, so a run stays within its time budget. */
  private megabytes: number;

  constructor(
    private readonly rand: Rand,
    private readonly sender: Sender,
    private readonly ids: RealIds,
    megabytes: number,
  ) {
    this.megabytes = megabytes;
  }

  private randomString(): string {
    const length = 1 + Math.floor(this.rand() * 40);
    let out = '';
    for (let i = 0; i < length; i++) {
      out += chance(this.rand, 0.1)
        ? String.fromCodePoint(0x80 + Math.floor(this.rand() * 0x2ff80))
        : pick(this.rand, [...ALPHABET]);
    }
    return out;
  }

  private bigString(): Wire {
    if (this.megabytes > 0 && chance(this.rand, 0.5)) {
      this.megabytes--;
      return tag('big', { n: MB, c: pick(this.rand, ['A', 'é', '0', '"', '\\']) });
    }
    return tag('big', { n: 64 * 1024, c: pick(this.rand, ['a', '1', '\u2028']) });
  }

  private deep(): Wire {
    const n = pick(this.rand, [16, 256, 1000, 20_000]);
    return tag('deep', { n, kind: pick(this.rand, ['object', 'array']) });
  }

  private pollution(): Wire {
    const payload = obj([
      ['polluted', true],
      ['isAdmin', true],
      ['audience', 'extension'],
    ]);
    return pick(this.rand, [
      obj([['__proto__', payload]]),
      obj([['constructor', obj([['prototype', payload]])]]),
      obj([['__proto__', obj([['__proto__', payload]])]]),
      obj([['prototype', payload]]),
    ]);
  }

  /** Any odd value: wrong types, hostile strings, huge or deep values, prototype-pollution objects. */
  weird(depth = 0): Wire {
    const r = this.rand;
    return weighted<() => Wire>(r, [
      [10, () => pick(r, HOSTILE_STRINGS)],
      [8, () => this.randomString()],
      [3, () => (chance(r, 0.3) ? this.bigString() : 'y'.repeat(100 + Math.floor(r() * 3000)))],
      [
        6,
        () =>
          pick<Wire>(r, [
            0,
            1,
            -1,
            1.5,
            2 ** 31,
            2 ** 53 + 2,
            1e308,
            -1e308,
            5e-324,
            123456789012,
            tag('nan'),
            tag('inf'),
            tag('-inf'),
            tag('-0'),
          ]),
      ],
      [4, () => pick<Wire>(r, [true, false, null, tag('undefined')])],
      [3, () => this.pollution()],
      [2, () => this.deep()],
      [3, () => (depth > 2 ? [] : Array.from({ length: Math.floor(r() * 4) }, () => this.weird(depth + 1)))],
      [
        3,
        () =>
          depth > 2
            ? {}
            : obj(
                Array.from({ length: Math.floor(r() * 4) }, () => [
                  chance(r, 0.5) ? pick(r, HOSTILE_KEYS) : this.randomString(),
                  this.weird(depth + 1),
                ]),
              ),
      ],
    ])();
  }

  /** A payload that passes the type's schema, built from its fields; null when no such payload is known. */
  validPayload(type: string): { [key: string]: Wire } | null {
    const schema = (SCHEMAS[type] as Spec).payload;
    const payload = this.sample(schema);
    if (payload === undefined || payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      return null;
    }
    return v.safeParse(schema, transported(payload)).success ? payload : null;
  }

  /**
   * A value for a schema: the real identifiers by field name, else the simplest value of the schema's type
   * (optional fields left out). A field this cannot satisfy (a new pattern) makes the payload invalid, and
   * the test that lists types without a valid payload says so.
   */
  private sample(schema: unknown, key?: string): Wire | undefined {
    // The popup never names the real portal, so even a payload taken for invalid by mistake touches nothing.
    const portalId =
      this.sender === 'content-script' ? this.ids.portalId : 'f00dfeed-0000-4000-8000-000000000000';
    const known: Record<string, Wire> = {
      portalId,
      accountId: this.ids.accountId,
      accountIds: [this.ids.accountId],
      roleName: this.ids.roleName,
      keepSignedIn: false,
      startUrl: this.ids.startUrl,
      region: this.ids.region,
      userCode: 'BCDF-GHJK',
    };
    if (key !== undefined && key in known) return known[key];
    const s = schema as {
      type?: string;
      entries?: Record<string, unknown>;
      options?: readonly Wire[];
      literal?: Wire;
    };
    switch (s.type) {
      case 'strict_object':
      case 'object': {
        const entries = Object.entries(s.entries ?? {})
          .map(([k, field]): [string, Wire | undefined] => [k, this.sample(field, k)])
          .filter((entry): entry is [string, Wire] => entry[1] !== undefined);
        // An object of optional fields only gets one, so an update payload updates something.
        if (entries.length === 0 && Object.keys(s.entries ?? {}).length > 0) {
          const [k, field] = Object.entries(s.entries ?? {})[0] as [string, { wrapped?: unknown }];
          const value = this.sample(field.wrapped, k);
          return obj(value === undefined ? [] : [[k, value]]);
        }
        return obj(entries);
      }
      case 'boolean':
        return true;
      case 'string':
        return 'pwned';
      case 'number':
        return 1;
      case 'array':
        return [];
      case 'picklist':
        return s.options?.[0] ?? null;
      case 'literal':
        return s.literal ?? null;
      default:
        // optional, nullish, union...: left out.
        return undefined;
    }
  }

  /** A payload derived from a valid one that should fail validation (the oracle has the last word). */
  malformed(type: string): Wire {
    const r = this.rand;
    const base = this.validPayload(type) ?? {};
    const fields = Object.keys(base);
    const withEntries = (entries: [string, Wire][]) => obj(entries);
    const entries = (): [string, Wire][] => fields.map((k) => [k, base[k] as Wire]);
    return weighted<() => Wire>(r, [
      [
        3,
        () =>
          pick<Wire>(r, [
            null,
            tag('undefined'),
            0,
            -1,
            '',
            '{}',
            JSON.stringify(base),
            [],
            [base],
            true,
            tag('nan'),
            this.deep(),
          ]),
      ],
      [4, () => withEntries([...entries(), [pick(r, HOSTILE_KEYS), this.weird()]])],
      [2, () => withEntries([...entries(), [this.randomString(), this.weird()]])],
      [
        5,
        () => {
          if (fields.length === 0) return withEntries([[pick(r, HOSTILE_KEYS), this.weird()]]);
          const field = pick(r, fields);
          return withEntries(entries().map(([k, w]): [string, Wire] => [k, k === field ? this.weird() : w]));
        },
      ],
      [
        1,
        () => {
          if (fields.length === 0) return withEntries([['', this.bigString()]]);
          const field = pick(r, fields);
          return withEntries(entries().filter(([k]) => k !== field));
        },
      ],
      [2, () => this.pollution()],
      [1, () => withEntries([...entries(), ['__proto__', this.pollution()]])],
      [1, () => withEntries([['payload', base]])],
      [1, () => withEntries([[this.bigStringKey(), 1]])],
      [1, () => this.weird()],
    ])();
  }

  /** A huge key: its name is echoed in the "malformed at <path>" reply, which must still hold no secret. */
  private bigStringKey(): string {
    return 'k'.repeat(chance(this.rand, 0.3) ? 256 * 1024 : 4096);
  }

  oddType(): Wire {
    const r = this.rand;
    const real = pick(r, MESSAGE_TYPES);
    return weighted<() => Wire>(r, [
      [
        4,
        () =>
          pick(r, [
            real.toUpperCase(),
            real.toLowerCase(),
            `${real} `,
            ` ${real}`,
            `${real}\u0000`,
            `${real}\n`,
            real.replace('e', '\u0435'),
            real + real,
            `${real}.call`,
            `__proto__.${real}`,
          ]),
      ],
      [
        4,
        () =>
          pick(r, [
            '__proto__',
            'constructor',
            'prototype',
            'toString',
            'hasOwnProperty',
            'valueOf',
            'isPrototypeOf',
            '__defineGetter__',
            'propertyIsEnumerable',
            'toLocaleString',
          ]),
      ],
      [3, () => pick(r, ['ui:changed', 'stealTokens', 'getAccessToken', 'getSecrets', 'eval', '', '*'])],
      [2, () => pick(r, SYMBOL_STRINGS)],
      [
        3,
        () =>
          pick<Wire>(r, [
            null,
            tag('undefined'),
            0,
            1,
            true,
            [real],
            { toString: real },
            { type: real },
            tag('nan'),
          ]),
      ],
      [1, () => this.bigString()],
      [2, () => this.randomString()],
    ])();
  }

  private envelope(type: Wire, payload: Wire, extra: [string, Wire][] = []): Wire {
    return obj([['type', type], ['payload', payload], ...extra]);
  }

  /** Claims a content script might make about itself at the top level: the background must ignore them. */
  private spoofedClaims(): [string, Wire][] {
    const page = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/src/popup/index.html';
    return pick(this.rand, [
      [
        [
          'sender',
          obj([
            ['url', page],
            ['id', 'abcdefghijklmnopabcdefghijklmnop'],
          ]),
        ],
      ],
      [
        ['url', page],
        ['origin', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
      ],
      [
        ['tab', obj([['id', -1]])],
        ['tabId', 1],
        ['frameId', 0],
      ],
      [
        ['audience', 'extension'],
        ['trusted', true],
      ],
      [
        [
          '__proto__',
          obj([
            ['sender', obj([['url', page]])],
            ['audience', 'extension'],
          ]),
        ],
      ],
    ]);
  }

  /** One candidate message as wire JSON. */
  candidate(): { strategy: string; wire: Wire } {
    const r = this.rand;
    const own = MESSAGE_TYPES.filter((t) => (SCHEMAS[t] as Spec).audience === SENDER_AUDIENCE[this.sender]);
    const readOnly = own.filter((t) => READ_ONLY_TYPES.has(t));
    const others = MESSAGE_TYPES.filter((t) => !own.includes(t));
    const validOf = (type: string): Wire => this.validPayload(type) ?? {};
    const strategies: (readonly [number, () => { strategy: string; wire: Wire }])[] = [
      [
        8,
        () => {
          const type = pick(r, readOnly);
          return { strategy: 'valid read-only', wire: this.envelope(type, {}) };
        },
      ],
      [
        this.sender === 'content-script' ? 25 : 6,
        () => {
          const type = pick(r, others);
          return { strategy: 'wrong audience, valid payload', wire: this.envelope(type, validOf(type)) };
        },
      ],
      [
        this.sender === 'content-script' ? 30 : 45,
        () => {
          const type = pick(r, MESSAGE_TYPES);
          return { strategy: 'malformed payload', wire: this.envelope(type, this.malformed(type)) };
        },
      ],
      [
        14,
        () => ({
          strategy: 'odd type',
          wire: this.envelope(
            this.oddType(),
            chance(r, 0.5) ? {} : chance(r, 0.5) ? validOf(pick(r, MESSAGE_TYPES)) : this.weird(),
          ),
        }),
      ],
      [
        8,
        () => ({
          strategy: 'not a message',
          wire: pick<() => Wire>(r, [
            () => this.weird(),
            () => pick(r, MESSAGE_TYPES),
            () => [
              obj([
                ['type', pick(r, MESSAGE_TYPES)],
                ['payload', {}],
              ]),
            ],
            () =>
              obj([
                [
                  '__proto__',
                  obj([
                    ['type', pick(r, readOnly)],
                    ['payload', {}],
                  ]),
                ],
              ]),
            () => obj([['payload', {}]]),
            () => this.deep(),
          ])(),
        }),
      ],
      [
        12,
        () => {
          // Readable-only and wrong-audience types with valid payloads, dressed up as another sender.
          const type = pick(r, [...readOnly, ...others]);
          return {
            strategy: 'spoofed envelope',
            wire: this.envelope(type, readOnly.includes(type) ? {} : validOf(type), this.spoofedClaims()),
          };
        },
      ],
    ];
    return weighted(r, strategies)();
  }
}

function deepestTag(wire: Wire): number {
  if (Array.isArray(wire)) return Math.max(0, ...wire.map(deepestTag));
  if (wire === null || typeof wire !== 'object') return 0;
  if (wire[TAG] === 'deep') return Number(wire.n);
  return Math.max(0, ...Object.values(wire).map(deepestTag));
}

/**
 * `count` cases for one sender. From the popup, a case the oracle finds valid is kept only for a read-only type:
 * a valid signOut, removePortal, setKeepSignedIn... would really change the state the test depends on.
 */
export function generateCases(options: {
  seed: number;
  count: number;
  sender: Sender;
  ids: RealIds;
  /** How many 1 MB strings the run may contain. */
  megabytes: number;
}): FuzzCase[] {
  const rand = seededRandom(options.seed);
  const generator = new Generator(rand, options.sender, options.ids, options.megabytes);
  const cases: FuzzCase[] = [];
  while (cases.length < options.count) {
    const { strategy, wire } = generator.candidate();
    const message = transported(wire);
    const expected = expectedReply(message, options.sender);
    const type = typeOf(message);
    if (options.sender === 'extension-page' && expected.ok && !READ_ONLY_TYPES.has(type ?? '')) continue;
    cases.push({
      id: cases.length,
      strategy,
      type,
      wire: JSON.stringify(wire),
      expected,
      mayNotSerialize: deepestTag(wire) > 1000,
    });
  }
  return cases;
}

/** Types for which the generator knows no valid payload: the test reports them, so a new type gets one. */
export function typesWithoutValidPayload(sender: Sender, ids: RealIds): string[] {
  const generator = new Generator(seededRandom(1), sender, ids, 0);
  return MESSAGE_TYPES.filter((type) => generator.validPayload(type) === null);
}
