import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { parseEnv } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedRoleCredential } from '../emulator/types.ts';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { signInFromPopup } from './pages/sign-in-helper.ts';

/**
 * Copying temporary CLI credentials from the popup, in every format: each is read back from the clipboard,
 * parsed the way its consumer would, and compared with what the emulator issued.
 */
let harness: ExtensionHarness;
let popup: Page;
beforeAll(async () => {
  harness = await launchExtension({ emulator: { organization: 'demo' } });
  popup = await harness.openPopup();
  await signInFromPopup(harness, popup);
});
afterAll(() => harness?.close());

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search accounts and roles' });
const formatPicker = (page: Page) => page.getByRole('combobox', { name: 'CLI credential format' });

type Parsed = { id: string; secret: string; token: string; region?: string };
const PARSERS: Record<string, (text: string) => Parsed> = {
  // bash itself evaluates the exports.
  bash: (text) => {
    const out = execFileSync(
      'bash',
      [
        '-c',
        `${text}\nprintf '%s\\n' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN" "$AWS_REGION"`,
      ],
      { encoding: 'utf8' },
    ).split('\n');
    return { id: out[0] ?? '', secret: out[1] ?? '', token: out[2] ?? '', region: out[3] ?? '' };
  },
  fish: (text) => fromPairs(text, /^set -gx (\w+) '((?:[^'\\]|\\.)*)'$/gm),
  powershell: (text) => fromPairs(text, /^\$Env:(\w+) = '((?:[^']|'')*)'$/gm),
  cmd: (text) => fromPairs(text, /^set (\w+)=(.*)$/gm),
  'credentials-file': (text) => {
    const pairs = fromPairs(text, /^(\w+) = (.*)$/gm, {
      aws_access_key_id: 'AWS_ACCESS_KEY_ID',
      aws_secret_access_key: 'AWS_SECRET_ACCESS_KEY',
      aws_session_token: 'AWS_SESSION_TOKEN',
    });
    expect(text).toMatch(/^\[[\w.-]+\]$/m);
    return pairs;
  },
  'credential-process': (text) => {
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json.Version).toBe(1);
    expect(new Date(String(json.Expiration)).toISOString()).toBe(json.Expiration);
    return {
      id: String(json.AccessKeyId),
      secret: String(json.SecretAccessKey),
      token: String(json.SessionToken),
    };
  },
  dotenv: (text) => {
    const env = parseEnv(text);
    return {
      id: env.AWS_ACCESS_KEY_ID ?? '',
      secret: env.AWS_SECRET_ACCESS_KEY ?? '',
      token: env.AWS_SESSION_TOKEN ?? '',
      region: env.AWS_REGION ?? '',
    };
  },
};

function fromPairs(text: string, pattern: RegExp, names: Record<string, string> = {}): Parsed {
  const values: Record<string, string> = {};
  for (const [, name = '', value = ''] of text.matchAll(pattern)) values[names[name] ?? name] = value;
  return {
    id: values.AWS_ACCESS_KEY_ID ?? '',
    secret: values.AWS_SECRET_ACCESS_KEY ?? '',
    token: values.AWS_SESSION_TOKEN ?? '',
    ...(values.AWS_REGION ? { region: values.AWS_REGION } : {}),
  };
}

describe('copying CLI credentials from the popup', () => {
  it('copies every format, each matching the credentials AWS issued, with one AWS call', async () => {
    const h = harness;
    await searchBox(popup).fill('prod identity admin');
    await popup.getByRole('rowheader', { name: /^AdministratorAccess in acme-prod-identity/ }).waitFor();
    h.emulator.resetLog();

    let previous = '';
    for (const format of Object.keys(PARSERS)) {
      await formatPicker(popup).selectOption(format);
      // The clipboard takes text only from a focused document.
      await popup.bringToFront();
      await searchBox(popup).focus();
      await popup.keyboard.press('Alt+K');
      await expect
        .poll(() => popup.getByRole('status').filter({ hasText: 'copied' }).textContent())
        .toMatch(/expires in \d+ min/);
      await expect.poll(() => h.readClipboard(popup)).not.toBe(previous);
      const text = await h.readClipboard(popup);
      previous = text;
      const issued = h.emulator.issuedRoleCredentials().at(-1) as IssuedRoleCredential;
      const parsed = PARSERS[format]?.(text);
      expect(parsed, format).toMatchObject({
        id: issued.accessKeyId,
        secret: issued.secretAccessKey,
        token: issued.sessionToken,
      });
      if (parsed?.region !== undefined) expect(parsed.region, format).toBe(h.emulator.region);
    }
    // Credentials are fetched once and reused while they last.
    expect(h.emulator.requests().filter((r) => r.path === '/federation/credentials')).toHaveLength(1);
    await h.screenshot(popup, 'popup-credentials-copied');
  });

  it('remembers the last format, and the button copies too', async () => {
    const h = harness;
    const again = await h.openPopup();
    await expect.poll(() => formatPicker(again).inputValue()).toBe('dotenv');
    await searchBox(again).fill('prod identity admin');
    await again
      .getByRole('button', { name: /^Copy CLI credentials for AdministratorAccess in acme-prod-identity/ })
      .click();
    await expect.poll(() => h.readClipboard(again)).toMatch(/^AWS_ACCESS_KEY_ID=/m);
    await again.close();
  });

  it('deletes role credentials from storage when they expire, without a sign-out', async () => {
    const worker = await harness.worker();
    const stored = () =>
      worker.evaluate(async () =>
        Object.entries(await chrome.storage.session.get(null))
          .filter(([key]) => key.startsWith('creds:'))
          .map(([key, value]) => [key, (value as { expiration: number }).expiration] as const),
      );
    const before = await stored();
    expect(before.length).toBeGreaterThan(0);
    const alarm = await worker.evaluate(() => chrome.alarms.get('role-credentials-expiry'));
    expect(alarm?.scheduledTime).toBe(Math.min(...before.map(([, expiration]) => expiration)));
    // Time passes: the credentials reach their expiry, and the alarm rings as the browser would ring it then.
    await worker.evaluate(
      async (keys) => {
        for (const key of keys) {
          const value = (await chrome.storage.session.get(key))[key] as object;
          await chrome.storage.session.set({ [key]: { ...value, expiration: Date.now() - 1 } });
        }
        await chrome.alarms.create('role-credentials-expiry', { when: Date.now() });
      },
      before.map(([key]) => key),
    );
    await expect.poll(stored).toEqual([]);
    expect(await worker.evaluate(() => chrome.alarms.get('role-credentials-expiry'))).toBeFalsy();
  });

  it('downloads a ~/.aws/config with a profile per role, named by the template', async () => {
    const h = harness;
    const options = await h.openOptions();
    const template = options.getByRole('textbox', { name: 'Profile names' });
    await template.fill('{account}-{nope}');
    await options.getByText('Unknown placeholder', { exact: false }).waitFor();
    await template.fill('{accountId}/{role}');
    await template.press('Tab');
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Download ~/.aws/config' }).click();
    const file = await download;
    const text = await readFile((await file.path()) as string, 'utf8');
    const roles = h.emulator.organization.accounts.reduce((n, a) => n + a.roles.length, 0);
    expect(text.match(/^\[profile /gm)).toHaveLength(roles);
    expect(text).toContain(`sso_start_url = ${h.emulator.startUrl}`);
    const account = h.emulator.organization.accounts[0];
    expect(text).toContain(`[profile ${account?.accountId}-${account?.roles[0]}]`);
    expect(text).not.toMatch(/ASIA|aws_secret_access_key|aws_session_token/);
    await options.getByRole('status').filter({ hasText: 'profiles' }).waitFor();
    await h.screenshot(options, 'options-cli');
    await options.close();
  });
});
