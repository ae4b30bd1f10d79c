// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TabDisplay } from '../../shared/messages/contract';
import { createTag, type Tag } from './tag';

const display: TabDisplay = {
  accountId: '111122223333',
  label: 'acme-prod',
  roleName: 'AdministratorAccess',
  color: '#d13212',
  danger: true,
  parts: { strip: true, pill: true, title: true, favicon: true },
  mismatch: { accountId: '444455556666', label: 'acme-sandbox', roleName: 'ReadOnly' },
};

/** The tag and, for the test only, its closed shadow root (caught as attachShadow returns it). */
function drawn(): { tag: Tag; root: ShadowRoot } {
  const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  const tag = createTag(document);
  const root = attach.mock.results[0]?.value as ShadowRoot;
  attach.mockRestore();
  return { tag, root };
}

afterEach(() => document.getElementById('aws-sso-switcher-tag')?.remove());

describe('the console tag', () => {
  it('is a closed shadow root: the page sees an empty host', () => {
    const { tag } = drawn();
    expect(tag.host.shadowRoot).toBeNull();
    expect(tag.host.childNodes).toHaveLength(0);
  });

  it('shows a mismatch as an alert named by its title and described by its text', () => {
    const { tag, root } = drawn();
    tag.update(display, 0);
    const alert = root.querySelector('[role="alert"]') as HTMLElement;
    expect(alert.hidden).toBe(false);
    const byIds = (ids: string | null) =>
      (ids ?? '')
        .split(' ')
        .map((id) => root.getElementById(id)?.textContent)
        .join(' ');
    expect(byIds(alert.getAttribute('aria-labelledby'))).toBe('⚠ Account mismatch');
    expect(byIds(alert.getAttribute('aria-describedby'))).toContain(
      'the page now says acme-sandbox · ReadOnly',
    );
    expect(tag.host.classList.contains('mismatch')).toBe(true);
    tag.update({ ...display, mismatch: undefined } as TabDisplay, 0);
    expect(alert.hidden).toBe(true);
  });

  it('leaves the alert’s text alone when a redraw brings the same, so screen readers do not announce it again', async () => {
    const { tag, root } = drawn();
    tag.update(display, 0);
    const alert = root.querySelector('[role="alert"]') as HTMLElement;
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((found) => records.push(...found));
    observer.observe(alert, { subtree: true, childList: true, characterData: true });
    tag.update(display, 0);
    await Promise.resolve();
    observer.disconnect();
    expect(records).toEqual([]);
  });

  it('is intact until its host is edited, given children, or moved', () => {
    const { tag } = drawn();
    tag.update(display, 0);
    expect(tag.intact()).toBe(true);
    tag.host.style.setProperty('--tag-color', '#00ff00');
    expect(tag.intact()).toBe(false);
  });
});
