import type { TabDisplay } from '../../shared/messages/contract';
import { readableTextOn } from '../../shared/text/readable-on';
import { mismatchText } from './mismatch-text';
import { formatId, timeLeft } from './tag-format';
import { TAG_STYLE } from './tag-style';

export const TAG_HOST_ID = 'aws-sso-switcher-tag';

export interface Tag {
  /** The element on the page; everything else is in its closed shadow root. */
  readonly host: HTMLElement;
  update(display: TabDisplay, now: number): void;
  remove(): void;
  /** Still a child of the document element, with no children and exactly the attributes this tag set. */
  intact(): boolean;
}

/**
 * The tag drawn over a console page: a strip along the top edge that lets every click through, a small pill
 * at the bottom centre (where the console footer has only its copyright line) with alias, role and account id
 * (click copies the id), and, when the page names another identity than we opened, a warning above the pill.
 * In a **closed** shadow root: page script cannot reach its text or colours (`host.shadowRoot` is null), the
 * console's CSS cannot touch it, ours cannot break the console. Text goes in with textContent only.
 */
export function createTag(doc: Document): Tag {
  doc.getElementById(TAG_HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = TAG_HOST_ID;
  // Hidden unless the extension's manifest stylesheet (public/content/console-tag.css) shows it: see there.
  host.style.setProperty('display', 'none');
  const shadow = host.attachShadow({ mode: 'closed' });
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string) => {
    const element = doc.createElement(tag);
    element.className = className;
    return element;
  };
  const style = doc.createElement('style');
  style.textContent = TAG_STYLE;
  const root = make('div', 'tag');
  const strip = make('div', 'strip');
  const pill = make('button', 'pill');
  pill.type = 'button';
  const label = make('span', 'label');
  const detail = make('span', 'detail');
  // The space is not drawn (the pill is a flex box) but keeps the words apart for assistive technology.
  pill.append(label, ' ', detail);
  const warning = make('div', 'warning');
  const warningTitle = make('strong', 'warning-title');
  const warningWhat = make('span', 'warning-body');
  const warningTodo = make('span', 'warning-body');
  warningTitle.id = 'warning-title';
  warningWhat.id = 'warning-what';
  warningTodo.id = 'warning-todo';
  // An alert, named by its title and described by the rest: said aloud when it appears, not shown by colour alone.
  warning.setAttribute('role', 'alert');
  warning.setAttribute('aria-labelledby', warningTitle.id);
  warning.setAttribute('aria-describedby', `${warningWhat.id} ${warningTodo.id}`);
  warning.append(warningTitle, ' ', warningWhat, ' ', warningTodo);
  root.append(strip, warning, pill);
  shadow.append(style, root);
  doc.documentElement.append(host);

  let accountId = '';
  pill.addEventListener('click', () => {
    void navigator.clipboard?.writeText(accountId).then(() => flash(detail, 'Account id copied'));
  });
  let expected = attributesOf(host);

  return {
    host,
    update(display, now) {
      accountId = display.accountId;
      root.style.setProperty('--tag-color', display.color);
      root.style.setProperty('--tag-text', readableTextOn(display.color));
      const mismatch = mismatchText(display);
      root.classList.toggle('danger', display.danger);
      strip.classList.toggle('danger', display.danger || mismatch !== null);
      // Mirrored on the host for tests and for the user's own stylesheets; drawing never depends on them.
      host.classList.toggle('danger', display.danger);
      host.classList.toggle('mismatch', mismatch !== null);
      strip.hidden = !display.parts.strip;
      pill.hidden = !display.parts.pill;
      warning.hidden = mismatch === null;
      // Unchanged text is left alone: rewriting an alert's text makes screen readers announce it again.
      setText(warningTitle, mismatch ? `⚠ ${mismatch.title}` : '');
      setText(warningWhat, mismatch?.what ?? '');
      setText(warningTodo, mismatch?.todo ?? '');
      label.textContent = display.roleName ? `${display.label} · ${display.roleName}` : display.label;
      const left = display.expiresAt ? timeLeft(display.expiresAt - now) : '';
      detail.textContent = `${formatId(display.accountId)}${left ? ` · ${left}` : ''}`;
      // The visible text, whole and first, so voice control users can say what they see (WCAG 2.5.3).
      pill.setAttribute(
        'aria-label',
        `AWS account ${label.textContent} ${detail.textContent}. Copy account id`,
      );
      pill.title = 'AWS SSO Switcher: click to copy the account id';
      expected = attributesOf(host);
    },
    remove() {
      host.remove();
    },
    intact() {
      return (
        host.parentNode === doc.documentElement &&
        host.childNodes.length === 0 &&
        attributesOf(host) === expected
      );
    },
  };
}

function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

function attributesOf(element: Element): string {
  return JSON.stringify([...element.attributes].map((a) => [a.name, a.value]));
}

function flash(detail: HTMLElement, text: string): void {
  const before = detail.textContent;
  detail.textContent = text;
  setTimeout(() => {
    detail.textContent = before;
  }, 1200);
}
