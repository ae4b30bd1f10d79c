/**
 * Keeps a short prefix such as "[prod · Admin] " on the tab title, whatever the console does to its title
 * (it changes it on every in-page navigation). Stops and restores the title when the signal aborts.
 */
export function keepTitlePrefix(doc: Document, prefix: string, signal: AbortSignal): void {
  const strip = (title: string) => title.replace(/^\[[^\]]*\] /, '');
  const apply = () => {
    const wanted = `${prefix}${strip(doc.title)}`;
    if (doc.title !== wanted) doc.title = wanted;
  };
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(doc.head ?? doc.documentElement, { subtree: true, childList: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    doc.title = strip(doc.title);
  });
}

/** "[prod · Admin] ": the label cut short so the page's own title stays readable. */
export function titlePrefix(label: string, roleName: string | null): string {
  const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  return `[${short(label, 24)}${roleName ? ` · ${short(roleName, 20)}` : ''}] `;
}
