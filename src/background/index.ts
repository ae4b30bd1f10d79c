/**
 * Service-worker entry. Every listener is registered synchronously here, at top level, before any await, so
 * that an event which wakes the worker is never missed. This module holds no state: anything that must outlive
 * one event lives in storage (docs/architecture.md).
 */
import { browser, type Runtime } from '../shared/browser';
import { onAlarm } from './alarms/on-alarm';
import { forgetConsoleTab } from './console/console-tabs';
import { handlers } from './handlers';
import { resumeAfterWorkerStart } from './lifecycle/resume';
import { handleMessage } from './messaging/handle-message';

const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  handleMessage(message, sender, self, handlers),
);
browser.alarms.onAlarm.addListener((alarm) => onAlarm(alarm));
browser.tabs.onRemoved.addListener((tabId) => forgetConsoleTab(tabId));
// onStartup and onInstalled need listeners so the browser wakes the worker for them; the work itself is below.
browser.runtime.onStartup.addListener(() => undefined);
browser.runtime.onInstalled.addListener(() => undefined);

// Not a listener: work that follows every worker start, after the listeners above are in place.
void resumeAfterWorkerStart().catch(() => undefined);
