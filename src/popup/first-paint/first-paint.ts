import { FIRST_PAINT_KEY, forgetFirstPaint } from '../../ui/first-paint-key';
import { isListKey, QUEUED_KEYS_ATTRIBUTE, type QueuedKey, queuedKey, SEARCH_SELECTOR } from './hand-over';
import { replaySnapshot } from './replay-snapshot';
import { APP_ROOT_ID, FIRST_PAINT_ID } from './snapshot-format';

/**
 * The popup's first script, a few KB, run while the page is parsed. Chrome shows an extension's popup once its
 * page has loaded; the app's script (88 KB: Preact, the search) takes tens of ms to load and compile, and its
 * first screen then waits for a storage read, so a popup used to open empty and grow. This script draws the
 * popup as it last stood at rest, from a picture the app took (take-snapshot.ts), and only after the page's load
 * event loads the app, which takes over (take-over.ts): the popup opens with its list. The picture is inert
 * except the search box: typing there is kept, list keys are held back for the app, a click on the picture does
 * nothing (it stands for ~80 ms, measured in docs/performance.md: less than anyone takes to see and aim).
 */
const appScript = document.currentScript?.getAttribute('data-app');

try {
  paintAhead();
} catch {
  // A picture that cannot be drawn costs only the head start; the app takes the next one.
  document.getElementById(FIRST_PAINT_ID)?.remove();
  forgetFirstPaint();
}

addEventListener(
  'load',
  () => {
    if (!appScript) return;
    const script = document.createElement('script');
    script.src = appScript;
    document.body.append(script);
  },
  { once: true },
);

function paintAhead(): void {
  const root = document.getElementById(APP_ROOT_ID);
  const picture = localStorage.getItem(FIRST_PAINT_KEY);
  if (!root || !picture) return;
  const container = document.createElement('div');
  container.id = FIRST_PAINT_ID;
  container.append(replaySnapshot(picture, document));
  const search = container.querySelector<HTMLInputElement>(SEARCH_SELECTOR);
  leaveOnlySearchLive(container, search);
  // A stand-in: assistive technology (and anyone counting "the full list") waits for the app's list.
  for (const list of container.querySelectorAll('[role="grid"]')) list.setAttribute('aria-busy', 'true');
  // autofocus, not focus(): the browser focuses it while it renders the frame that draws the picture, instead of
  // a style and layout pass forced here (5-15 ms). Measured: the frame is painted no sooner (it does that pass
  // anyway), but this script ends sooner.
  search?.setAttribute('autofocus', '');
  root.before(container);
  if (!search) return;
  const queued: QueuedKey[] = [];
  search.addEventListener('keydown', (event) => {
    if (!isListKey(event)) return;
    event.preventDefault();
    queued.push(queuedKey(event));
    container.setAttribute(QUEUED_KEYS_ATTRIBUTE, JSON.stringify(queued));
  });
}

/** Everything but the search box (and the elements holding it) is inert and hidden from assistive technology. */
function leaveOnlySearchLive(container: HTMLElement, search: HTMLElement | null): void {
  if (!search) {
    container.inert = true;
    container.setAttribute('aria-hidden', 'true');
    return;
  }
  for (let keep: Element = search; keep !== container && keep.parentElement; keep = keep.parentElement) {
    for (const sibling of keep.parentElement.children) {
      if (sibling === keep) continue;
      sibling.setAttribute('inert', '');
      sibling.setAttribute('aria-hidden', 'true');
    }
  }
}
