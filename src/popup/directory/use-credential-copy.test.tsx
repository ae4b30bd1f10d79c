// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CredentialFormat } from '../../shared/credentials/formats';
import type { RoleEntry } from '../../shared/directory/model';
import type { Actions } from '../../ui/actions';
import { useCredentialCopy } from './use-credential-copy';

/** The stored preferences, answered only when a test says so: a popup can act before its first read returns. */
let answer: (format: CredentialFormat) => void;
vi.mock('../../shared/storage/items', () => ({
  preferencesItem: {
    get: () =>
      new Promise((resolve) => {
        answer = (credentialFormat) => resolve({ credentialFormat });
      }),
  },
}));

const entry = {
  portalId: 'p',
  accountId: '111111111111',
  accountName: 'acme-prod',
  roleName: 'ReadOnly',
} as RoleEntry;

function setup() {
  const getCliCredentials = vi.fn(async (_entry: RoleEntry, format?: CredentialFormat) => ({
    text: 'export AWS_ACCESS_KEY_ID=…',
    format: format ?? 'powershell',
    region: 'eu-west-1',
    expiresAt: Date.now() + 3_600_000,
  }));
  const actions = { getCliCredentials } as unknown as Actions;
  return { getCliCredentials, hook: renderHook(() => useCredentialCopy(actions)) };
}

beforeEach(() => {
  Object.defineProperty(navigator, 'clipboard', {
    value: { writeText: vi.fn(async () => undefined) },
    configurable: true,
  });
});
afterEach(cleanup);

describe('useCredentialCopy', () => {
  it('copies in the format used last when asked before the preferences are read (Alt+K as the popup opens)', async () => {
    const { getCliCredentials, hook } = setup();
    const said = await hook.result.current.copy(entry);
    // No format sent: the background uses the one remembered, not this hook's placeholder.
    expect(getCliCredentials).toHaveBeenCalledWith(entry, undefined);
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith('export AWS_ACCESS_KEY_ID=…');
    expect(said).toMatch(/^Copied PowerShell for ReadOnly in acme-prod/);
  });

  it('shows the stored format once read, and keeps a format chosen before that', async () => {
    const { getCliCredentials, hook } = setup();
    act(() => hook.result.current.setFormat('fish'));
    await act(async () => answer('dotenv'));
    expect(hook.result.current.format).toBe('fish');
    await hook.result.current.copy(entry);
    expect(getCliCredentials).toHaveBeenCalledWith(entry, 'fish');
  });

  it('shows the stored format, and sends none until the user picks one', async () => {
    const { getCliCredentials, hook } = setup();
    await act(async () => answer('dotenv'));
    expect(hook.result.current.format).toBe('dotenv');
    await hook.result.current.copy(entry);
    expect(getCliCredentials).toHaveBeenCalledWith(entry, undefined);
  });
});
