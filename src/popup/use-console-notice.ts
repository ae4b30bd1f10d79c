import { useEffect, useState } from 'preact/hooks';
import { consoleNoticeItem } from '../shared/storage/items';

/**
 * What the last console sign-in left to say (e.g. AWS refused the session length), shown once: read and
 * cleared when the popup opens. The popup usually closed as the console opened, so this is its first chance.
 */
export function useConsoleNotice(): string | null {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    consoleNoticeItem.get().then(
      (text) => {
        if (!text) return;
        setNotice(text);
        void consoleNoticeItem.remove();
      },
      () => undefined,
    );
  }, []);
  return notice;
}
