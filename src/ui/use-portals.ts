import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PortalView } from '../shared/portals/portal';
import type { Actions } from './actions';

export interface PortalsState {
  portals: PortalView[] | null;
  error: string | null;
  reload(): void;
}

/** The portals and their sessions, kept current: reloaded whenever the background announces a change. */
export function usePortals(actions: Actions): PortalsState {
  const [portals, setPortals] = useState<PortalView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    actions.listPortals().then(
      (views) => {
        setPortals(views);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [actions]);
  useEffect(() => {
    reload();
    return actions.onChange(reload);
  }, [actions, reload]);
  return { portals, error, reload };
}
