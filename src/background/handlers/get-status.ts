import { browser } from '../../shared/browser';
import type { Status } from '../../shared/messages/contract';

export async function getStatus(): Promise<Status> {
  return { version: browser.runtime.getManifest().version };
}
