import { partitionOfRegion } from '../../shared/aws/regions';
import { isVerificationPage } from '../../shared/aws/verification-hosts';
import { browser } from '../../shared/browser';
import { HOST_ACCESS_MISSING, hasHostAccess } from '../../shared/host-access';
import { awsStartUrl, type Portal } from '../../shared/portals/portal';
import { clearPoll, schedulePoll } from '../alarms/schedule';
import { awsErrorName, isNetworkError } from '../aws/errors';
import { createTokenFromDeviceCode, startDeviceAuthorization } from '../aws/oidc';
import { serviceEndpoint } from '../aws/service-endpoint';
import { continueToConsoleAfterSignIn } from '../console/continue-after-sign-in';
import { forgetPendingConsole } from '../console/pending-console';
import { runPortalSync } from '../directory/portal-deps';
import { UserFacingError } from '../messaging/user-facing-error';
import { findPortal } from '../portals/find-portal';
import { resolvedPortal } from '../portals/resolved-portal';
import { notifyUi } from '../status/notify-ui';
import { type DeviceFlow, deviceFlowItem, signInOutcomeItem } from '../storage/secrets';
import { checkDeviceAuthorization } from './device-authorization-checks';
import { afterPollError, type FailReason, isExpired, MESSAGES } from './poll-transition';
import { ensureRegistration, forgetRegistration } from './registration';
import { storeNewSession } from './session';

/**
 * Starts the device-authorization sign-in for a portal, or returns the one already under way (a second click
 * must not create a second code). Everything about the flow is in storage.session, so polling resumes wherever
 * the worker was stopped (alarm `device-poll:<portal>`).
 */
export async function startSignIn(portalId: string, options: { reRegistered?: boolean } = {}): Promise<void> {
  const portal = await findPortal(portalId);
  const existing = await deviceFlowItem(portalId).get();
  if (existing && existing.expiresAt > Date.now()) {
    if (existing.tabId !== undefined) await focusTab(existing.tabId);
    return;
  }
  await signInOutcomeItem(portalId).remove();
  const started = await authorize(portal, options.reRegistered ?? false);
  // Nothing AWS sent is stored or opened before it passes the checks of docs/aws-protocol.md §4 and §5.
  const checked = checkDeviceAuthorization(started, partitionOfRegion(portal.region).id);
  if (!checked.ok) {
    await signInOutcomeItem(portalId).set({ reason: 'error', message: checked.message });
    await notifyUi();
    throw new UserFacingError(checked.message);
  }
  const flow: DeviceFlow = {
    flowId: crypto.randomUUID(),
    deviceCode: started.deviceCode,
    userCode: started.userCode,
    verificationUri: started.verificationUri,
    verificationUriComplete: checked.link,
    expiresAt: Date.now() + checked.expiresInSeconds * 1000,
    intervalMs: checked.intervalSeconds * 1000,
    nextPollAt: Date.now() + checked.intervalSeconds * 1000,
    ...(options.reRegistered ? { reRegistered: true } : {}),
  };
  await deviceFlowItem(portalId).set(flow);
  await schedulePoll(portalId);
  const tab = await browser.tabs.create({ url: flow.verificationUriComplete, active: true });
  if (tab.id !== undefined) await deviceFlowItem(portalId).set({ ...flow, tabId: tab.id });
  await notifyUi();
  void pollUntilDone(portalId);
}

async function authorize(stored: Portal, reRegistered: boolean) {
  // A company vanity URL is followed to its AWS portal first; AWS only knows that one (docs/aws-protocol.md §3).
  const portal = await resolvedPortal(stored);
  const credentials = await ensureRegistration(portal).catch(rethrowUnreachable(portal));
  try {
    return await startDeviceAuthorization(serviceEndpoint(portal), credentials, awsStartUrl(portal));
  } catch (error) {
    if (awsErrorName(error) === 'InvalidClientException' && !reRegistered) {
      await forgetRegistration(portal.id);
      return authorize(portal, true);
    }
    return rethrowUnreachable(portal)(error);
  }
}

function rethrowUnreachable(portal: Portal) {
  return async (error: unknown): Promise<never> => {
    if (isNetworkError(error)) {
      throw new UserFacingError(
        (await hasHostAccess())
          ? `Could not reach IAM Identity Center in ${portal.region}. Check your connection and the portal's region.`
          : HOST_ACCESS_MISSING,
      );
    }
    throw error;
  };
}

export async function cancelSignIn(portalId: string): Promise<void> {
  const flow = await deviceFlowItem(portalId).get();
  await deviceFlowItem(portalId).remove();
  await clearPoll(portalId);
  await forgetPendingConsole(portalId);
  if (flow?.tabId !== undefined) await closeDeviceTab(portalId, flow.tabId);
  await notifyUi();
}

/**
 * Polls CreateToken at the flow's interval until it ends. A Web Lock makes sure only one loop runs per portal
 * even when an alarm and a message wake the worker together; the lock dies with the worker, and the alarm
 * starts a new loop from the stored state.
 */
export async function pollUntilDone(portalId: string): Promise<void> {
  await navigator.locks.request(`device-poll:${portalId}`, { ifAvailable: true }, async (lock) => {
    if (!lock) return;
    for (;;) {
      const flow = await deviceFlowItem(portalId).get();
      if (!flow) return clearPoll(portalId);
      const wait = flow.nextPollAt - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (await pollOnce(portalId, flow)) return;
    }
  });
}

/** One CreateToken call. Returns true when the flow is over, one way or another. */
async function pollOnce(portalId: string, flow: DeviceFlow): Promise<boolean> {
  if (isExpired(flow, Date.now())) return fail(portalId, flow, 'expired', MESSAGES.expired);
  const portal = await findPortal(portalId).catch(() => null);
  if (!portal) return fail(portalId, flow, 'error', 'The portal was removed.');
  // Still the same flow? (It may have been cancelled or restarted while we waited.)
  const current = await deviceFlowItem(portalId).get();
  if (current?.flowId !== flow.flowId) return current === null;
  const credentials = await ensureRegistration(portal).catch(() => null);
  if (!credentials) return reschedule(portalId, flow, flow.intervalMs);
  try {
    const tokens = await createTokenFromDeviceCode(serviceEndpoint(portal), credentials, flow.deviceCode);
    await deviceFlowItem(portalId).remove();
    await clearPoll(portalId);
    await storeNewSession(portalId, tokens);
    if (flow.tabId !== undefined) await closeDeviceTab(portalId, flow.tabId);
    await notifyUi();
    // The console the user asked for when the session had ended, if any, before the sync takes the portal.
    await continueToConsoleAfterSignIn(portalId);
    // First thing after signing in: list the accounts, so the popup has them when the user opens it.
    void runPortalSync(portalId).catch(() => undefined);
    return true;
  } catch (error) {
    return handlePollError(portalId, flow, error);
  }
}

async function handlePollError(portalId: string, flow: DeviceFlow, error: unknown): Promise<boolean> {
  const step = afterPollError(flow, awsErrorName(error));
  if (step.kind === 'wait')
    return reschedule(portalId, { ...flow, intervalMs: step.intervalMs }, step.delayMs);
  if (step.kind === 'fail') return fail(portalId, flow, step.reason, step.message);
  await deviceFlowItem(portalId).remove();
  await forgetRegistration(portalId);
  if (flow.tabId !== undefined) await closeDeviceTab(portalId, flow.tabId);
  try {
    await startSignIn(portalId, { reRegistered: true });
  } catch (restartError) {
    return fail(
      portalId,
      flow,
      'error',
      restartError instanceof UserFacingError ? restartError.message : MESSAGES.invalidGrant,
    );
  }
  // Keep looping: this loop holds the poll lock, so it must poll the new flow itself.
  return false;
}

async function reschedule(portalId: string, flow: DeviceFlow, delayMs: number): Promise<boolean> {
  const current = await deviceFlowItem(portalId).get();
  if (current?.flowId !== flow.flowId) return true;
  await deviceFlowItem(portalId).set({
    ...current,
    intervalMs: flow.intervalMs,
    nextPollAt: Date.now() + delayMs,
  });
  return false;
}

async function fail(portalId: string, flow: DeviceFlow, reason: FailReason, message: string) {
  await deviceFlowItem(portalId).remove();
  await clearPoll(portalId);
  await signInOutcomeItem(portalId).set({ reason, message });
  await forgetPendingConsole(portalId);
  if (flow.tabId !== undefined && reason !== 'denied') await closeDeviceTab(portalId, flow.tabId);
  await notifyUi();
  return true;
}

/**
 * Closes the tab we opened, but only while it still shows an AWS verification page of the portal's partition:
 * AWS may have moved it between those hosts (portal, signin.aws, device page; docs/aws-protocol.md §5), and
 * anywhere else the user has moved on and the tab is theirs. Reading `tab.url` needs host access to these hosts.
 */
async function closeDeviceTab(portalId: string, tabId: number): Promise<void> {
  try {
    const portal = await findPortal(portalId).catch(() => null);
    const tab = await browser.tabs.get(tabId);
    if (!portal || !tab.url) return;
    if (isVerificationPage(tab.url, partitionOfRegion(portal.region).id)) await browser.tabs.remove(tabId);
  } catch {
    // Already closed.
  }
}

async function focusTab(tabId: number): Promise<void> {
  await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
}
