/**
 * The tag's stylesheet, inside its closed shadow root. Colours are custom properties on `.tag`, an element of
 * the shadow tree, not on the host: the page can set any property on the host, and a `--tag-color` there would
 * otherwise repaint a production tag green.
 *
 * `:host` declares `!important` every property by which the page could hide or disguise the tag through its host
 * (opacity, filter, transform, clipping, containment): for important declarations the shadow tree's own rules
 * beat the page's, even inline ones (CSS Cascade 5, "context"). `display` is left out on purpose: the manifest
 * stylesheet alone shows the host (public/content/console-tag.css), so the tag goes when the extension does; a
 * page that hides it through `display` is caught by the guard instead (guard/keep-tag.ts).
 */
export const TAG_STYLE = `
  :host { opacity: 1 !important; visibility: visible !important; filter: none !important;
    backdrop-filter: none !important; mix-blend-mode: normal !important; transform: none !important;
    translate: none !important; rotate: none !important; scale: none !important; zoom: 1 !important;
    perspective: none !important; clip-path: none !important; mask: none !important; contain: none !important;
    content-visibility: visible !important; will-change: auto !important; position: static !important; }
  .tag { display: contents; }
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
  .tag.danger .pill { font-size: 13px; }
  .warning { all: initial; position: fixed; bottom: 36px; left: 50%; transform: translateX(-50%); z-index: 2147483647;
    display: block; box-sizing: border-box; width: max-content; max-width: min(92vw, 560px); padding: 8px 14px;
    border-radius: 8px; background: #a4190a; color: #fff; font: 400 13px/1.45 system-ui, sans-serif;
    box-shadow: 0 0 0 2px #fff, 0 2px 12px rgb(0 0 0 / 45%); pointer-events: none; unicode-bidi: plaintext; }
  .warning-title { all: initial; display: block; color: inherit; font: 700 14px/1.4 system-ui, sans-serif; }
  .warning-body { all: initial; display: block; color: inherit; font: inherit; white-space: normal; }
  .warning-body + .warning-body { margin-top: 4px; }
  [hidden] { display: none !important; }
`;
