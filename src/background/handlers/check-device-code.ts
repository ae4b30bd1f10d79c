import type { DeviceCodeCheck, MessagePayload } from '../../shared/messages/contract';
import { portalLabel } from '../../shared/portals/portal';
import { portalsItem } from '../../shared/storage/items';
import { deviceFlowItem } from '../storage/secrets';

/** Codes are shown as ABCD-EFGH; people may type them without the dash or in lower case. */
function normalise(code: string): string {
  return code.replace('-', '').toUpperCase();
}

/**
 * Device-code phishing defence: an attacker who gets you to approve *their* code gets a token for your portal.
 * The content script on AWS's device page asks whether the code there is one of ours.
 */
export async function checkDeviceCode({
  userCode,
}: MessagePayload<'checkDeviceCode'>): Promise<DeviceCodeCheck> {
  const wanted = normalise(userCode);
  for (const portal of await portalsItem.get()) {
    const flow = await deviceFlowItem(portal.id).get();
    if (flow && flow.expiresAt > Date.now() && normalise(flow.userCode) === wanted) {
      return { ours: true, portalName: portalLabel(portal) };
    }
  }
  return { ours: false };
}
