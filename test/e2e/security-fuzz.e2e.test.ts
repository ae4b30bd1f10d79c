import type { ConsoleMessage, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { signInFromPopup } from './pages/sign-in-helper.ts';
import {
  type FuzzCase,
  generateCases,
  type RealIds,
  type Sender,
  sendBatch,
  typesWithoutValidPayload,
} from './security/fuzz-messages.ts';
import { contentScriptWorld, openConsoleAsRole, ROLE, waitForSync } from './security/pages.ts';
import {
  heldSecrets,
  installWorkerErrorTrap,
  readStorage,
  readWorkerErrorTrap,
  type Secret,
  type StorageSnapshot,
  secretsIn,
  uniqueSecrets,
  watchIssuedSecrets,
} from './security/secrets.ts';

/**
 * docs/security.md, "A compromised or spoofed console page" and "Rules in the code / Messages": thousands of
 * random and malformed runtime messages, from the popup and from our content script's world on a console tab,
 * against a worker that holds a live session and role credentials. Every reply must be the contract's error
 * (or a real answer to a valid read-only message of the sender's own audience), no reply may carry a secret,
 * and the worker must come out healthy and unchanged.
 *
 * Reproduce a failure with its seed: `FUZZ_SEED=<seed> npx vitest run --project e2e test/e2e/security-fuzz.e2e.test.ts`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2026);
const PER_SENDER = 1500;
const BATCH = 100;
/** Each sender's run takes about 10 s on an idle 2-core machine; the margin is for a machine busy with other tests. */
const FUZZ_TIMEOUT_MS = 120_000;
/** 1 MB strings per sender (more would only spend the time budget on copying). */
const MEGABYTES = 12;

const ERROR_CODES = ['bad-request', 'forbidden', 'failed'];
const SECRET_NAME = /token|secret|credential|password|accessKey|deviceCode/i;

let harness: ExtensionHarness;
let popup: Page;
let consoleTab: Page;
let worker: Worker;
let ids: RealIds;
let secrets: Secret[];
let before: { storage: StorageSnapshot; prototypes: unknown };
const workerProblems: string[] = [];
let pageErrorsBefore = 0;

/** The built-in prototypes of the worker's global scope, to show that no message polluted them. */
const prototypes = (w: Worker) =>
  w.evaluate(() => {
    const probe = {} as Record<string, unknown>;
    return {
      object: Object.getOwnPropertyNames(Object.prototype).sort(),
      array: Object.getOwnPropertyNames(Array.prototype).sort(),
      function: Object.getOwnPropertyNames(Function.prototype).sort(),
      polluted: [probe.polluted, probe.isAdmin, probe.audience].map(String),
    };
  });

/** Every property name in a JSON value, at any depth. */
function keyNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keyNames);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, inner]) => [k, ...keyNames(inner)]);
}

/** Why a reply is wrong, or null when it is right. Never quotes a reply that holds a secret. */
function judge(c: FuzzCase, result: string, sender: Sender): string | null {
  if (result.startsWith('T:')) {
    // Chromium refuses to serialise nesting this deep before the message leaves the sender: nothing was sent.
    if (c.mayNotSerialize && result.includes('Could not serialize message')) return null;
    return `sendMessage threw: ${result.slice(2, 200)}`;
  }
  const leaked = secretsIn(result, secrets);
  if (leaked.length > 0) return `the reply holds the ${leaked.join(', ')}`;
  const reply = JSON.parse(result.slice(2) === 'undefined' ? 'null' : result.slice(2)) as unknown;
  if (typeof reply !== 'object' || reply === null) return `no reply object: ${result.slice(0, 200)}`;
  const r = reply as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  const keys = Object.keys(r).sort().join(',');
  if (c.expected.ok) {
    if (r.ok !== true || keys !== 'ok,value')
      return `expected {ok: true, value}, got ${result.slice(0, 200)}`;
    if (sender === 'content-script') {
      if (c.type !== 'getTabDisplay') return `a content script got ok:true for ${c.type}`;
      // Display data only: small, and nothing named like a secret at any depth (the scan above checks values).
      const text = JSON.stringify(r.value) ?? '';
      const odd = keyNames(r.value).filter((name) => SECRET_NAME.test(name));
      if (odd.length > 0 || text.length > 4096) {
        return `getTabDisplay answered more than display data: ${odd.join(', ') || `${text.length} characters`}`;
      }
    }
    return null;
  }
  const error = r.error ?? {};
  if (
    r.ok !== false ||
    keys !== 'error,ok' ||
    Object.keys(error).sort().join(',') !== 'code,message' ||
    typeof error.message !== 'string' ||
    !ERROR_CODES.includes(String(error.code))
  ) {
    return `not the contract's error reply: ${result.slice(0, 200)}`;
  }
  if (!c.expected.codes.includes(error.code as never)) {
    return `expected ${c.expected.codes.join(' or ')}, got ${String(error.code)}: ${error.message.slice(0, 120)}`;
  }
  return null;
}

/** Sends every case in batches through `send`; returns the failures (described) and counts by outcome. */
async function fuzz(
  sender: Sender,
  cases: readonly FuzzCase[],
  send: (wires: string[]) => Promise<string[]>,
): Promise<{ failures: string[]; outcomes: Record<string, number> }> {
  const failures: string[] = [];
  const outcomes: Record<string, number> = {};
  for (let start = 0; start < cases.length; start += BATCH) {
    const batch = cases.slice(start, start + BATCH);
    const results = await send(batch.map((c) => c.wire));
    expect(results).toHaveLength(batch.length);
    batch.forEach((c, i) => {
      const result = results[i] ?? '';
      const outcome = result.startsWith('T:')
        ? 'not serialisable'
        : (/"ok":true/.test(result.slice(0, 12)) && 'ok') || (/"code":"([a-z-]+)"/.exec(result)?.[1] ?? '?');
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      const problem = judge(c, result, sender);
      if (problem)
        failures.push(
          `seed ${SEED} ${sender} #${c.id} (${c.strategy}, ${c.type?.slice(0, 40)}): ${problem}; sent ${c.wire.slice(0, 160)}`,
        );
    });
  }
  return { failures, outcomes };
}

describe('fuzzing the message contract with a live session', () => {
  beforeAll(async () => {
    harness = await launchExtension({ emulator: { organization: 'demo' } });
    const issued = watchIssuedSecrets(harness.context);
    popup = await harness.openPopup();
    await signInFromPopup(harness, popup);
    await waitForSync(harness, popup);
    consoleTab = await openConsoleAsRole(harness, popup);
    worker = await harness.worker();

    // The secrets there are to leak: the live access token and the role's credentials in storage.session,
    // and the plain refresh token and client secret as AWS handed them over (stored only sealed).
    const storage = await readStorage(worker);
    secrets = uniqueSecrets([...heldSecrets(storage), ...(await issued.all())]);
    const kinds = new Set(secrets.map((s) => s.kind));
    for (const kind of [
      'access token',
      'refresh token',
      'client secret',
      'role secret access key',
      'role session token',
      'federation sign-in token',
    ] as const) {
      expect([...kinds], `the test knows the ${kind}`).toContain(kind);
    }
    expect(Object.keys(storage.session).some((k) => k.startsWith('creds:'))).toBe(true);

    const portals = storage.local.portals as { id: string }[];
    const account = harness.emulator.organization.accounts.find((a) => a.accountName === ROLE.accountName);
    ids = {
      portalId: portals[0]?.id ?? '',
      accountId: account?.accountId ?? '',
      roleName: ROLE.roleName,
      startUrl: harness.emulator.startUrl,
      region: harness.emulator.region,
    };
    // The extension pages other than the popup would also hear the popup's messages: only the popup stays.
    for (const page of harness.context.pages()) {
      if (page !== popup && page !== consoleTab && page.url().startsWith('chrome-extension://'))
        await page.close();
    }
    await installWorkerErrorTrap(worker);
    before = { storage, prototypes: await prototypes(worker) };
    pageErrorsBefore = harness.consoleErrors.length;
    // From here on, anything the worker prints as an error or warning is a finding.
    harness.context.on('console', (message: ConsoleMessage) => {
      if (message.worker() && ['error', 'warning', 'assert'].includes(message.type())) {
        workerProblems.push(`${message.type()}: ${message.text()}`);
      }
    });
    harness.emulator.resetLog();
  }, FUZZ_TIMEOUT_MS);

  afterAll(async () => {
    await harness?.close();
  });

  it('knows a valid payload for every message type, so each is also sent validly from the wrong sender', () => {
    expect(typesWithoutValidPayload('content-script', ids)).toEqual([]);
  });

  it(
    `answers ${PER_SENDER} random and malformed messages from the popup by the contract, leaking nothing`,
    async () => {
      const cases = generateCases({
        seed: SEED,
        count: PER_SENDER,
        sender: 'extension-page',
        ids,
        megabytes: MEGABYTES,
      });
      const started = Date.now();
      const { failures, outcomes } = await fuzz('extension-page', cases, (wires) =>
        popup.evaluate(sendBatch, wires),
      );
      console.info(`popup: ${cases.length} messages in ${Date.now() - started} ms`, outcomes);
      expect(failures.slice(0, 20)).toEqual([]);
      expect(outcomes.ok ?? 0).toBeGreaterThan(0);
      expect(outcomes['bad-request'] ?? 0).toBeGreaterThan(PER_SENDER / 2);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `answers ${PER_SENDER} random and malformed messages from a console page's content script with refusals`,
    async () => {
      const cases = generateCases({
        seed: SEED + 1,
        count: PER_SENDER,
        sender: 'content-script',
        ids,
        megabytes: MEGABYTES,
      });
      const world = await contentScriptWorld(harness, consoleTab);
      const started = Date.now();
      const { failures, outcomes } = await fuzz('content-script', cases, (wires) =>
        world.run<string[]>(`(${sendBatch.toString()})(${JSON.stringify(wires)})`),
      );
      await world.detach();
      console.info(`content script: ${cases.length} messages in ${Date.now() - started} ms`, outcomes);
      expect(failures.slice(0, 20)).toEqual([]);
      // Every valid message of another audience (signOut, openConsole, removePortal...) was refused as such.
      expect(outcomes.forbidden ?? 0).toBeGreaterThan(PER_SENDER / 4);
    },
    FUZZ_TIMEOUT_MS,
  );

  it('stays healthy afterwards: same worker, no errors, no polluted prototype, nothing changed or called', async () => {
    const live = await harness.worker();
    // The error trap lives in the worker's memory: finding it proves the worker never crashed or restarted.
    expect(await readWorkerErrorTrap(live)).toEqual([]);
    expect(workerProblems).toEqual([]);
    expect(harness.consoleErrors.slice(pageErrorsBefore)).toEqual([]);
    expect(await prototypes(live)).toEqual(before.prototypes);
    expect(
      await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'getStatus', payload: {} })),
    ).toEqual({
      ok: true,
      value: { version: expect.any(String) },
    });
    // Still signed in, with the same tokens, credentials, portals and preferences.
    expect(await readStorage(live)).toEqual(before.storage);
    // Nothing reached AWS: no sign-out, no credentials, no console sign-in, no new sign-in.
    const awsCalls = harness.emulator
      .requests()
      .filter((r) => /^(oidc|portal\.sso|([a-z0-9-]+\.)?signin)\./.test(r.host))
      .map((r) => `${r.method} ${r.host}${r.path}`);
    expect(awsCalls).toEqual([]);
  });
});
