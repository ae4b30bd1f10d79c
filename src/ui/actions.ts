import { browser } from '../shared/browser';
import type { Status } from '../shared/messages/contract';
import { sendMessage } from '../shared/messages/send';

/**
 * Everything the popup and options page may ask of the extension. Components receive this object instead of
 * calling browser APIs, so they stay presentational and unit-testable with a hand-written fake.
 */
export interface Actions {
  getStatus(): Promise<Status>;
  openOptions(): Promise<void>;
}

export function createActions(): Actions {
  return {
    getStatus: () => sendMessage('getStatus', {}),
    openOptions: () => browser.runtime.openOptionsPage(),
  };
}
