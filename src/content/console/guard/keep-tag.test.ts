// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabDisplay } from '../../../shared/messages/contract';
import { TAG_HOST_ID } from '../tag';
import { keepTag } from './keep-tag';

const display: TabDisplay = {
  accountId: '111111111111',
  label: 'acme-prod',
  roleName: 'AdministratorAccess',
  color: '#d13212',
  danger: true,
  parts: { strip: true, pill: true, title: true, favicon: true },
};
const policy = { burst: 2, windowMs: 10_000, firstDelayMs: 100, maxDelayMs: 400 };
const host = () => document.getElementById(TAG_HOST_ID);
/** Lets mutation observers (microtasks) run. */
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => Promise.resolve());

let controller: AbortController;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

function kept(shown: (h: HTMLElement) => boolean = () => true) {
  const tag = keepTag(document, controller.signal, { policy, shown });
  tag.show(display);
  return tag;
}

describe('keeping the console tag on the page', () => {
  it('draws into a closed shadow root: page script finds the host, not its contents', () => {
    kept();
    expect(host()).not.toBeNull();
    expect(host()?.shadowRoot).toBeNull();
  });

  it('puts a removed tag back', async () => {
    kept();
    host()?.remove();
    await settle();
    expect(host()).not.toBeNull();
  });

  it('puts back a tag whose host was edited: style, class, attributes, children', async () => {
    kept();
    const edits: ((h: HTMLElement) => void)[] = [
      (h) => h.style.setProperty('--tag-color', '#00ff00'),
      (h) => h.classList.remove('danger'),
      (h) => h.setAttribute('hidden', ''),
      (h) => {
        h.textContent = 'sandbox';
      },
    ];
    for (const edit of edits) {
      vi.advanceTimersByTime(20_000); // a quiet window between edits: each restore is immediate
      const before = host() as HTMLElement;
      edit(before);
      await settle();
      const after = host() as HTMLElement;
      expect(after).not.toBe(before);
      expect(after.getAttribute('style')).toBe('display: none;');
      expect(after.className).toBe('danger');
      expect(after.childNodes.length).toBe(0);
    }
  });

  it('puts the tag back when the whole document element is replaced', async () => {
    kept();
    const replacement = document.createElement('html');
    document.documentElement.remove();
    document.append(replacement);
    await settle();
    expect(replacement.querySelector(`#${TAG_HOST_ID}`)).not.toBeNull();
  });

  it('against a page that deletes it on every mutation, restores a few times, then at a slowing pace', async () => {
    kept();
    let deletions = 0;
    const page = new MutationObserver(() => {
      const found = host();
      if (found) {
        deletions += 1;
        found.remove();
      }
    });
    page.observe(document.documentElement, { childList: true });
    host()?.remove();
    for (let i = 0; i < 20; i++) await settle();
    // The burst, then nothing until the first delay: no ping-pong of observers.
    expect(deletions).toBe(policy.burst);
    vi.advanceTimersByTime(100);
    for (let i = 0; i < 5; i++) await settle();
    expect(deletions).toBe(policy.burst + 1);
    // Over 10 more seconds: one restore per 400 ms at most.
    for (let t = 0; t < 10_000; t += 50) {
      vi.advanceTimersByTime(50);
      await settle();
    }
    expect(deletions).toBeLessThanOrEqual(policy.burst + 1 + 10_000 / 200);
    page.disconnect();
    vi.advanceTimersByTime(1_000);
    await settle();
    expect(host()).not.toBeNull();
  });

  it('a page stylesheet hiding the host: the next check shows it by an inline !important', () => {
    // As under a page rule `#aws-sso-switcher-tag { display: none !important }`: only an inline !important wins.
    const tag = kept((h) => h.style.getPropertyPriority('display') === 'important');
    tag.check();
    expect(host()?.style.getPropertyValue('display')).toBe('block');
    expect(host()?.style.getPropertyPriority('display')).toBe('important');
  });

  it('hide and abort take it away for good', async () => {
    const tag = kept();
    tag.hide();
    await settle();
    expect(host()).toBeNull();
    tag.show(display);
    controller.abort();
    await settle();
    expect(host()).toBeNull();
  });
});
