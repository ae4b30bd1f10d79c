/**
 * Instrumentation installed in extension pages with `page.addInitScript`, before any of the page's own code
 * runs. Times are `performance.now()` of the page: milliseconds since its navigation started (timeOrigin).
 * These functions are serialised into the page: they may use only what the page has.
 */

export interface FirstRenderMarks {
  /** The first role of the "Accounts and roles" grid is in the DOM (MutationObserver callback). */
  firstOption?: number;
  /** The frame that shows it has been produced: the next animation frame, then a task queued from it. */
  painted?: number;
  /**
   * The app's own first option is in the DOM (under #app): it has taken over from the first paint
   * (src/popup/first-paint) and answers clicks and keys.
   */
  appReady?: number;
  /** The full list is in (the grid is no longer aria-busy, which it is while the remembered first screen stands in). */
  fullList?: number;
}

export function installFirstRenderProbe(): void {
  const marks: FirstRenderMarks = {};
  (globalThis as unknown as { __benchFirstRender: FirstRenderMarks }).__benchFirstRender = marks;
  const selector = '[role="grid"][aria-label="Accounts and roles"] [role="rowheader"]';
  const full = '[role="grid"][aria-label="Accounts and roles"]:not([aria-busy="true"]) [role="rowheader"]';
  const app = `#app ${selector}`;
  const observer = new MutationObserver(() => {
    if (marks.appReady === undefined && document.querySelector(app)) marks.appReady = performance.now();
    if (marks.fullList === undefined && document.querySelector(full)) {
      marks.fullList = performance.now();
      observer.disconnect();
    }
    if (marks.firstOption !== undefined || !document.querySelector(selector)) return;
    marks.firstOption = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        marks.painted = performance.now();
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-busy'],
  });
}

export interface KeystrokeSample {
  key: string;
  /** keydown's event.timeStamp: when the browser created the input event. */
  keydown: number;
  /** The directory view changed in the DOM (MutationObserver callback); absent when nothing had to change. */
  mutated?: number;
  /** The next animation frame after the change (after the input was handled, when nothing changed). */
  frame?: number;
  /** A task queued from that frame's callback: runs once the frame's style, layout and paint are done. */
  painted?: number;
}

/**
 * Keystroke-to-results probe: a keydown in the search box opens a sample; the first DOM change under the
 * directory view after it is the result (Preact renders in a microtask of the input event, so a keystroke whose
 * results look the same, e.g. a trailing space, changes nothing: then the first frame after its input event closes
 * it).
 */
export function installKeystrokeProbe(): void {
  const samples: KeystrokeSample[] = [];
  (globalThis as unknown as { __benchKeystrokes: KeystrokeSample[] }).__benchKeystrokes = samples;
  let open: KeystrokeSample | undefined;
  const markFrame = (sample: KeystrokeSample) => {
    sample.frame = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      sample.painted = performance.now();
    };
    channel.port2.postMessage(null);
  };
  const toFrame = (sample: KeystrokeSample) => requestAnimationFrame(() => markFrame(sample));
  const observer = new MutationObserver(() => {
    const sample = open;
    if (!sample || sample.mutated !== undefined) return;
    sample.mutated = performance.now();
    open = undefined;
    toFrame(sample);
  });
  const isSearchBox = (target: EventTarget | null) =>
    target instanceof HTMLInputElement && target.getAttribute('role') === 'combobox';
  document.addEventListener(
    'keydown',
    (event) => {
      if (!isSearchBox(event.target)) return;
      const view = document.querySelector('.directory');
      if (view)
        observer.observe(view, { childList: true, subtree: true, characterData: true, attributes: true });
      open = { key: event.key, keydown: event.timeStamp };
      samples.push(open);
    },
    true,
  );
  document.addEventListener(
    'input',
    (event) => {
      const sample = open;
      if (!isSearchBox(event.target) || !sample) return;
      // The first frame after the input event runs after this task's microtasks, where Preact renders: if
      // nothing changed by then, nothing will, and that frame closes the sample. (Until 2026-11-30 a
      // setTimeout(0) decided this, and Chromium often ran it only after that frame: up to a frame too late.)
      requestAnimationFrame(() => {
        if (open !== sample || sample.mutated !== undefined) return;
        open = undefined;
        markFrame(sample);
      });
    },
    true,
  );
}

export interface StorageRead {
  key: string;
  /** performance.now() when the page asked, and when the answer arrived. */
  start: number;
  end?: number;
}

/**
 * Times the page's reads of `directory:*` from storage.local (the product reads through
 * webextension-polyfill, which calls `chrome.storage.local.get` with a callback; promise calls are timed too).
 */
export function installStorageReadProbe(): void {
  const reads: StorageRead[] = [];
  (globalThis as unknown as { __benchStorageReads: StorageRead[] }).__benchStorageReads = reads;
  type Get = (keys: unknown, callback?: (items: unknown) => void) => Promise<unknown> | undefined;
  const area = (globalThis as unknown as { chrome?: { storage?: { local?: { get: Get } } } }).chrome?.storage
    ?.local;
  if (!area) return;
  const original = area.get.bind(area);
  area.get = (keys, callback) => {
    // One key or a list of them (the storage registry's reads pass a list: src/shared/storage/areas.ts).
    const asked: unknown[] = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : [];
    const key = asked.find((k): k is string => typeof k === 'string' && k.startsWith('directory:'));
    if (!key) return original(keys, callback);
    const read: StorageRead = { key, start: performance.now() };
    reads.push(read);
    if (callback)
      return original(keys, (items) => {
        read.end = performance.now();
        callback(items);
      });
    return original(keys)?.then((items) => {
      read.end = performance.now();
      return items;
    });
  };
}
