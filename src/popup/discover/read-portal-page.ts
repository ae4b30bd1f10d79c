/**
 * Runs inside the portal tab (scripting.executeScript, allowed by activeTab when the user opens the popup, or
 * by the portal host permission): copies the three places a portal page names its region as plain text, each
 * capped. Self-contained, since the browser serialises it into the page; the popup validates what comes back
 * (src/shared/aws/portal-tab.ts regionFromPortalPage) and never puts it into the DOM as HTML.
 */
export function readPortalPage(): { env: string | null; metaRegion: string | null; csp: string | null } {
  const cap = (text: string | null | undefined, max: number) => (text == null ? null : text.slice(0, max));
  const meta = document.head?.querySelector('meta[name="region"][content]');
  const csp = document.head?.querySelector('meta[http-equiv="Content-Security-Policy" i][content]');
  return {
    env: cap(document.getElementById('env')?.textContent, 20_000),
    metaRegion: cap(meta?.getAttribute('content'), 100),
    csp: cap(csp?.getAttribute('content'), 20_000),
  };
}
