import type { TabDisplay } from '../../../shared/messages/contract';
import { createTag, type Tag } from '../tag';
import { type RestorePolicy, restoreLimiter } from './restore-limiter';

export interface KeptTag {
  /** Draws `display`, and keeps it drawn until `hide` or the signal aborts. */
  show(display: TabDisplay): void;
  hide(): void;
  /** Looks again, including at what only computed style shows (a page stylesheet hiding the host). */
  check(): void;
}

export interface KeepTagOptions {
  readonly now?: () => number;
  readonly policy?: RestorePolicy;
  /** Whether the host is drawn; a page stylesheet can hide it without touching the element. */
  readonly shown?: (host: HTMLElement) => boolean;
}

const drawn = (host: HTMLElement) =>
  host.ownerDocument.defaultView?.getComputedStyle(host).display !== 'none';

/**
 * Keeps the console tag on the page whatever page script does to it. Its text and colours are out of reach
 * (closed shadow root, tag.ts), so what is left to a page is its host element: removing it, replacing the
 * document element, editing its attributes (style, class, hidden, inert), giving it children, or hiding it from a
 * stylesheet. Mutation observers on the document, the document element and the host see the first four at
 * once; `check()` (called by the content script's 2-second tick) sees the last. A tampered tag is thrown away
 * and drawn afresh from the last display data, at the pace `restoreLimiter` allows, so a page that deletes it
 * in a loop gets it back without a freeze or a busy loop.
 */
export function keepTag(doc: Document, signal: AbortSignal, options: KeepTagOptions = {}): KeptTag {
  const now = options.now ?? Date.now;
  const shown = options.shown ?? drawn;
  const limiter = restoreLimiter(options.policy);
  let tag: Tag | null = null;
  let display: TabDisplay | null = null;
  let pending: ReturnType<typeof setTimeout> | undefined;
  // After a page stylesheet hid the host, it is shown by an inline !important, which beats any page rule.
  let forceShown = false;

  const onMutation = () => {
    if (display && !tag?.intact()) tampered();
  };
  const pageObserver = new MutationObserver(() => {
    // The document element itself may have been replaced: watch the new one.
    watchPage();
    onMutation();
  });
  const hostObserver = new MutationObserver(onMutation);
  function watchPage(): void {
    pageObserver.disconnect();
    pageObserver.observe(doc, { childList: true });
    if (doc.documentElement) pageObserver.observe(doc.documentElement, { childList: true });
  }

  function draw(): void {
    if (!display || signal.aborted) return;
    tag?.remove();
    tag = createTag(doc);
    if (forceShown) tag.host.style.setProperty('display', 'block', 'important');
    tag.update(display, now());
    hostObserver.disconnect();
    hostObserver.observe(tag.host, { attributes: true, childList: true, characterData: true, subtree: true });
  }

  function tampered(): void {
    if (pending !== undefined || signal.aborted) return;
    const wait = limiter.next(now());
    if (wait === 0) {
      draw();
      return;
    }
    pending = setTimeout(() => {
      pending = undefined;
      draw();
    }, wait);
  }

  watchPage();
  signal.addEventListener('abort', () => {
    pageObserver.disconnect();
    hostObserver.disconnect();
    clearTimeout(pending);
    tag?.remove();
    tag = null;
  });

  return {
    show(next) {
      display = next;
      if (tag?.intact()) tag.update(next, now());
      else draw();
    },
    hide() {
      display = null;
      clearTimeout(pending);
      pending = undefined;
      hostObserver.disconnect();
      tag?.remove();
      tag = null;
    },
    check() {
      if (!display || !tag) return;
      if (tag.intact() && !shown(tag.host)) forceShown = true;
      if (!tag.intact() || !shown(tag.host)) tampered();
    },
  };
}
