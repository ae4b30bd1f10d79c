import type { TabDisplay } from '../../shared/messages/contract';
import type { HandlerContext } from '../messaging/handle-message';

/**
 * Display data for the sender's own tab. Until the background records which tab holds which role
 * (console sign-in issue), it knows none.
 */
export async function getTabDisplay(_payload: unknown, _context: HandlerContext): Promise<TabDisplay | null> {
  return null;
}
