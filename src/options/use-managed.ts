import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ManagedSettingsView } from '../shared/messages/contract';
import type { Actions } from '../ui/actions';

const NONE: ManagedSettingsView = {
  portals: [],
  accountPrefs: {},
  preferences: {},
  problems: [],
  locked: [],
};

export interface Managed {
  readonly view: ManagedSettingsView;
  /** Whether the administrator locks this path (effective.ts's lockPath). */
  isLocked(path: string): boolean;
}

/** What the administrator set, asked of the background again whenever it announces a change. */
export function useManaged(actions: Actions): Managed {
  const [view, setView] = useState<ManagedSettingsView>(NONE);
  useEffect(() => {
    const load = () => actions.getManagedSettings().then(setView, () => undefined);
    load();
    return actions.onChange(load);
  }, [actions]);
  return useMemo(() => {
    const locked = new Set(view.locked);
    return { view, isLocked: (path: string) => locked.has(path) };
  }, [view]);
}
