import { randomBytes, randomInt } from 'node:crypto';

/** Small deterministic PRNG (mulberry32): the same seed always yields the same organisation. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** Unique 12-digit account ids (real ones may start with 0, so these may too). */
export function accountIdFactory(rand: () => number): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const id = Array.from({ length: 12 }, () => Math.floor(rand() * 10)).join('');
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

/** Opaque secret with a recognisable prefix, so a leaked value in a log says what it was. */
export function opaqueToken(prefix: string, bytes: number): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

export function randomChars(length: number, alphabet: string): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** `RHHX-BCTS`-style code; consonants only, so no real words and no 0/O, 1/I confusion. */
export function userCode(): string {
  const letters = 'BCDFGHJKLMNPQRSTVWXZ';
  return `${randomChars(4, letters)}-${randomChars(4, letters)}`;
}
