// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountRecord } from './account-filter';
import { type AccountPatch, AccountRow } from './account-row';

vi.mock('../../shared/browser', () => ({ browser: {} }));
afterEach(() => render(null, document.body));

const account = (prefs: AccountRecord['prefs'] = {}): AccountRecord => ({
  accountId: '111111111111',
  accountName: 'acme-prod',
  emailAddress: 'aws+prod@acme.example',
  portals: ['Acme'],
  prefs,
});

/** Renders one row in a table, the way the settings page does, without flushing its effects. */
function renderRow(record: AccountRecord, onChange: (patch: AccountPatch) => void) {
  const table = document.createElement('table');
  document.body.append(table);
  const draw = (next: AccountRecord) =>
    render(
      <AccountRow
        account={next}
        selected={false}
        onSelect={() => undefined}
        onChange={onChange}
        isLocked={() => false}
      />,
      table,
    );
  draw(record);
  return {
    aliasField: () => table.querySelector('input[aria-label="Alias of acme-prod"]') as HTMLInputElement,
    tierField: () =>
      table.querySelector('select[aria-label="Danger tier of acme-prod"]') as HTMLSelectElement,
    rerender: draw,
  };
}

/** Preact runs effects after the next frame (or 35 ms without one): wait well past that. */
const afterEffects = () => new Promise((resolve) => setTimeout(resolve, 150));
const type = (field: HTMLInputElement, value: string) => {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('AccountRow', () => {
  it('keeps an alias typed before the row’s first effects ran (a fast typist, a busy machine)', async () => {
    const onChange = vi.fn();
    const row = renderRow(account(), onChange);
    type(row.aliasField(), 'payments');
    await afterEffects();
    expect(row.aliasField().value).toBe('payments');
    row.aliasField().dispatchEvent(new Event('change', { bubbles: true }));
    expect(onChange).toHaveBeenCalledWith({ alias: 'payments' });
  });

  it('keeps a choice made before the row’s first effects ran, until the settings are read again', async () => {
    const record = account();
    const row = renderRow(record, vi.fn());
    row.tierField().value = 'production';
    row.tierField().dispatchEvent(new Event('change', { bubbles: true }));
    await afterEffects();
    expect(row.tierField().value).toBe('production');
    // A refusal reads the settings again: what they say is shown, not what was chosen.
    row.rerender(account());
    await afterEffects();
    expect(row.tierField().value).toBe('');
  });

  it('shows the saved alias trimmed, and follows a change made elsewhere when not being edited', async () => {
    const onChange = vi.fn();
    const row = renderRow(account(), onChange);
    type(row.aliasField(), '  payments  ');
    row.aliasField().dispatchEvent(new Event('change', { bubbles: true }));
    await afterEffects();
    expect(onChange).toHaveBeenCalledWith({ alias: 'payments' });
    expect(row.aliasField().value).toBe('payments');
    row.rerender(account({ alias: 'billing' }));
    await afterEffects();
    expect(row.aliasField().value).toBe('billing');
  });
});
