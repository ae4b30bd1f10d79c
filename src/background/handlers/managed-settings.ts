import type { ManagedSettingsView } from '../../shared/messages/contract';
import { managedSettingsView } from '../settings/locks';

/** What the administrator set, checked, with the paths the UI shows locked and what the policy got wrong. */
export function getManagedSettings(): Promise<ManagedSettingsView> {
  return managedSettingsView();
}
