/**
 * Service-worker entry. Every listener is registered synchronously here, at top level, before any await, so
 * that an event which wakes the worker is never missed. This module holds no state: anything that must outlive
 * one event lives in storage (docs/architecture.md).
 */
import { browser, type Runtime } from '../shared/browser';
import { runMigrations } from '../shared/settings/run-migrations';
import { closeSessionToContentScripts, onAreaChanged } from '../shared/storage/areas';
import { onAlarm } from './alarms/on-alarm';
import { onCommand } from './commands/on-command';
import { forgetConsoleTab } from './console/console-tabs';
import { handlers } from './handlers';
import { resumeAfterWorkerStart } from './lifecycle/resume';
import { handleMessage } from './messaging/handle-message';
import { onInputChanged, onInputEntered, onInputStarted } from './omnibox/on-omnibox';
import { applyManagedSettings } from './settings/apply-managed';
import { notifyUi } from './status/notify-ui';

const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  handleMessage(message, sender, self, handlers),
);
browser.alarms.onAlarm.addListener((alarm) => onAlarm(alarm));
browser.tabs.onRemoved.addListener((tabId) => forgetConsoleTab(tabId));
// Keyboard shortcuts and the `aws` address-bar keyword; absent on Firefox for Android, hence `?.`.
browser.commands?.onCommand.addListener((command) => onCommand(command));
browser.omnibox?.onInputStarted.addListener(() => onInputStarted().catch(() => undefined));
browser.omnibox?.onInputChanged.addListener((text, suggest) =>
  onInputChanged(text, suggest).catch(() => undefined),
);
browser.omnibox?.onInputEntered.addListener((text, disposition) => onInputEntered(text, disposition));
// onStartup and onInstalled need listeners so the browser wakes the worker for them; the work itself is below.
browser.runtime.onStartup.addListener(() => undefined);
browser.runtime.onInstalled.addListener(() => runMigrations().catch(() => undefined));
// Preferences roam through storage.sync: a change made in another browser must reach open pages here.
// An administrator's policy (storage.managed) changed: apply it (settings/apply-managed.ts).
onAreaChanged((_changes, area) => {
  if (area === 'sync') void notifyUi();
  if (area === 'managed') void applyManagedSettings({ policyChanged: true }).catch(() => undefined);
});

// Not listeners: work that follows every worker start, after the listeners above are in place. Settings are
// migrated first (cheap when current; its lock queues anything else that touches settings behind it).
// Tokens and role credentials live in storage.session: content scripts must never reach it (docs/security.md).
void closeSessionToContentScripts().catch(() => undefined);
void runMigrations().catch(() => undefined);
void applyManagedSettings().catch(() => undefined);
void resumeAfterWorkerStart().catch(() => undefined);
