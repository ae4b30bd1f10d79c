// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview } from '../../shared/settings/import-plan';
import { ImportPreviewView } from './import-preview';

vi.mock('../../shared/browser', () => ({ browser: {} }));
afterEach(() => render(null, document.body));

const preview: ImportPreview = {
  mode: 'merge',
  portals: {
    added: [
      {
        id: 'corp',
        label: 'Corp',
        startUrl: 'https://sso.example-corp.com',
        resolvedStartUrl: 'https://d-1111111111.awsapps.com/start',
      },
    ],
    changed: [],
    startUrlChanged: [
      {
        id: 'acme',
        label: 'Acme',
        startUrl: 'https://acme.awsapps.com.sso-login.example/start',
        previous: { startUrl: 'https://acme.awsapps.com/start' },
        changes: [],
      },
    ],
    removed: [],
  },
  accounts: [
    {
      accountId: '111122223333',
      changes: [
        { field: 'alias', from: 'prod-payments', to: '\u202Exobdnas' },
        { field: 'color', from: '#d13212', to: '#2e8540' },
        { field: 'tier', from: 'production' },
        { field: 'defaultRegion', to: 'eu-west-2' },
      ],
    },
  ],
  preferences: [],
  warnings: [],
  hasChanges: true,
};

function draw(onTrust = vi.fn()) {
  render(
    <ImportPreviewView
      preview={preview}
      nameOf={() => 'acme-prod-payments'}
      isTrusted={() => false}
      onTrust={onTrust}
    />,
    document.body,
  );
  return onTrust;
}

const text = (selector: string) =>
  [...document.querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('ImportPreviewView', () => {
  it('shows each account value before → after, the tier by name and the colour by name beside its swatch', () => {
    draw();
    expect(text('.import-accounts caption')).toEqual(['Account settings: 1 account']);
    expect(text('.import-accounts thead th')).toEqual([
      'Account',
      'Alias',
      'Colour',
      'Danger tier',
      'Hidden',
      'Other settings',
    ]);
    // "→" is drawn and hidden from screen readers, which hear "to"; bidi controls show as U+FFFD.
    expect(text('.import-accounts tbody td')).toEqual([
      'prod-payments →to \uFFFDxobdnas',
      'Red →to Green',
      'Production →to From the name',
      '–unchanged',
      'console region: default →to eu-west-2',
    ]);
    expect(document.querySelectorAll('.import-accounts .swatch[aria-hidden="true"]')).toHaveLength(2);
  });

  it('shows a start URL change old → new with the look-alike warning and its own checkbox', () => {
    const onTrust = draw();
    const change = document.querySelector('.start-url-change') as HTMLElement;
    expect(text('.start-url-change .start-url-host')).toEqual([
      'acme.awsapps.com',
      'acme.awsapps.com.sso-login.example',
    ]);
    const warning = change.querySelector('.host-look-alike') as HTMLElement;
    expect(warning.textContent).toContain('the site belongs to sso-login.example');
    const box = change.querySelector('input[type="checkbox"]') as HTMLInputElement;
    expect(box.getAttribute('aria-describedby')).toBe(warning.id);
    expect(box.closest('label')?.textContent).toBe('I trust the new start URL of Acme');
    box.click();
    expect(onTrust).toHaveBeenCalledWith(preview.portals.startUrlChanged[0], true);
  });

  it('says where a company address leads, without crying wolf', () => {
    draw();
    const note = document.querySelector('.host-company') as HTMLElement;
    expect(note.textContent).toContain('sso.example-corp.com is not an AWS address');
    expect(note.textContent).toContain('leads to https://d-1111111111.awsapps.com/start');
    expect(document.querySelectorAll('.host-look-alike')).toHaveLength(1);
  });
});
