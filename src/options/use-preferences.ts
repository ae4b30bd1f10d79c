import { useEffect, useState } from 'preact/hooks';
import type { Preferences } from '../shared/storage/items';
import type { Actions } from '../ui/actions';

/**
 * The preferences, read once for the whole settings page. Every setter answers with the full new preferences,
 * which goes back through `update`, so all sections show the same state.
 */
export function usePreferences(actions: Actions): [Preferences | null, (next: Preferences) => void] {
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  useEffect(() => {
    const load = () => actions.getPreferences().then(setPreferences, () => setPreferences(null));
    load();
    // An import, a reset, a policy or another browser (storage.sync) may change them.
    return actions.onChange(load);
  }, [actions]);
  return [preferences, setPreferences];
}
