import type { TabDisplay } from '../../shared/messages/contract';
import { readableTextOn } from '../../shared/text/readable-on';

const HOST_ID = 'aws-sso-switcher-tag';

export interface Tag {
  update(display: TabDisplay, now: number): void;
  remove(): void;
}

/**
 * The tag drawn over a console page, in a shadow root so the console's CSS cannot touch it and ours cannot
 * break the console: a strip along the top edge that lets every click through, and a small pill at the bottom
 * centre (where the console footer has only its copyright line) with alias, role and account id. Clicking the
 * pill copies the account id. Text goes in with textContent only.
 */
export function createTag(doc: Document): Tag {
  doc.getElementById(HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = HOST_ID;
  // Hidden unless the extension's manifest stylesheet (public/content/console-tag.css) shows it: see there.
  host.style.setProperty('display', 'none');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const strip = doc.createElement('div');
  strip.className = 'strip';
  const pill = doc.createElement('button');
  pill.type = 'button';
  pill.className = 'pill';
  const label = doc.createElement('span');
  label.className = 'label';
  const detail = doc.createElement('span');
  detail.className = 'detail';
  // The space is not drawn (the pill is a flex box) but keeps the words apart for assistive technology.
  pill.append(label, ' ', detail);
  shadow.append(style, strip, pill);
  doc.documentElement.append(host);

  let accountId = '';
  pill.addEventListener('click', () => {
    void navigator.clipboard?.writeText(accountId).then(() => flash(pill, 'Account id copied'));
  });

  return {
    update(display, now) {
      accountId = display.accountId;
      host.style.setProperty('--tag-color', display.color);
      host.style.setProperty('--tag-text', readableTextOn(display.color));
      host.classList.toggle('danger', display.danger);
      strip.classList.toggle('danger', display.danger);
      strip.hidden = !display.parts.strip;
      pill.hidden = !display.parts.pill;
      label.textContent = display.roleName ? `${display.label} · ${display.roleName}` : display.label;
      const left = display.expiresAt ? timeLeft(display.expiresAt - now) : '';
      detail.textContent = `${formatId(display.accountId)}${left ? ` · ${left}` : ''}`;
      // The visible text, whole and first, so voice control users can say what they see (WCAG 2.5.3).
      pill.setAttribute(
        'aria-label',
        `AWS account ${label.textContent} ${detail.textContent}. Copy account id`,
      );
      pill.title = 'AWS SSO Switcher: click to copy the account id';
    },
    remove() {
      host.remove();
    },
  };
}

function flash(pill: HTMLElement, text: string): void {
  const detail = pill.querySelector('.detail');
  if (!detail) return;
  const before = detail.textContent;
  detail.textContent = text;
  setTimeout(() => {
    detail.textContent = before;
  }, 1200);
}

export function formatId(id: string): string {
  return /^\d{12}$/.test(id) ? `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}` : id;
}

/** "42 min left", "3 h 5 min left", "expired". */
export function timeLeft(ms: number): string {
  if (ms <= 0) return 'session expired';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min left`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

const STYLE = `
  .strip { all: initial; position: fixed; top: 0; left: 0; right: 0; height: 3px; z-index: 2147483647;
    background: var(--tag-color); pointer-events: none; }
  .strip.danger { height: 5px; background: repeating-linear-gradient(135deg, var(--tag-color) 0 12px, #7a1a0c 12px 24px); }
  .pill { all: initial; position: fixed; bottom: 6px; left: 50%; transform: translateX(-50%); z-index: 2147483647;
    display: flex; gap: 8px; align-items: baseline; max-width: min(60vw, 640px); padding: 3px 12px; border-radius: 999px;
    background: var(--tag-color); color: var(--tag-text, #fff); font: 600 12px/1.5 system-ui, sans-serif; cursor: pointer;
    box-shadow: 0 1px 4px rgb(0 0 0 / 35%); white-space: nowrap; overflow: hidden; unicode-bidi: plaintext; }
  .pill:focus-visible { outline: 2px solid var(--tag-text, #fff); outline-offset: 2px; }
  .label { overflow: hidden; text-overflow: ellipsis; }
  .detail { font-weight: 400; }
  :host(.danger) .pill { font-size: 13px; }
  [hidden] { display: none !important; }
`;
