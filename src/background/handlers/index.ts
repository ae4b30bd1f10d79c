import type { Handlers } from '../messaging/handle-message';
import { getStatus } from './get-status';
import { getTabDisplay } from './get-tab-display';

/** Every message the background answers, by type. One file per handler. */
export const handlers: Handlers = {
  getStatus,
  getTabDisplay,
};
