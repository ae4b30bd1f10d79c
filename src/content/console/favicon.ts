/**
 * Swaps the tab's icon for a dot in the account's colour so tabs of different accounts differ in the tab strip.
 * The colour is validated (#rrggbb) before it goes into the SVG; the original icons come back on abort.
 */
export function colourFavicon(doc: Document, color: string, signal: AbortSignal): void {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return;
  const originals = [...doc.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')];
  for (const link of originals) link.remove();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="${color}"/></svg>`;
  const ours = doc.createElement('link');
  ours.rel = 'icon';
  ours.href = `data:image/svg+xml,${encodeURIComponent(svg)}`;
  (doc.head ?? doc.documentElement).append(ours);
  signal.addEventListener('abort', () => {
    ours.remove();
    for (const link of originals) (doc.head ?? doc.documentElement).append(link);
  });
}
