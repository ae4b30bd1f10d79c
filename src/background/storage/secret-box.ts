/**
 * Encrypts long-lived secrets (refresh token, client secret) before they go to storage.local.
 *
 * Why: content scripts can read storage.local in Chrome and Firefox, so a compromised console page's renderer
 * could read it. The AES-GCM key is non-extractable and kept in the extension origin's IndexedDB, which content
 * scripts (running with the page's origin) cannot open. It does not protect against someone who copies the
 * whole browser profile; docs/security.md says so.
 */
const DB_NAME = 'aws-sso-switcher';
const STORE = 'keys';
const KEY_ID = 'storage-key';

export interface SealedSecret {
  readonly iv: string;
  readonly data: string;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function openDb(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

async function storageKey(): Promise<CryptoKey> {
  // A lock so two events starting at once do not both create a key and overwrite each other's.
  return navigator.locks.request('secret-box-key', async () => {
    const db = await openDb();
    try {
      const existing = await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
      if (existing instanceof CryptoKey) return existing;
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
        'encrypt',
        'decrypt',
      ]);
      await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(key, KEY_ID));
      return key;
    } finally {
      db.close();
    }
  });
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function seal(secret: string): Promise<SealedSecret> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await storageKey(),
    new TextEncoder().encode(secret),
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** The secret, or null when it cannot be opened (key lost with a cleared profile, or tampered data). */
export async function unseal(sealed: SealedSecret): Promise<string | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
      await storageKey(),
      fromBase64(sealed.data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
