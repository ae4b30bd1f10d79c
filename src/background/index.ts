/**
 * Service-worker entry. Every listener is registered synchronously here, at top level, before any await, so
 * that an event which wakes the worker is never missed. This module holds no state: anything that must outlive
 * one event lives in storage (docs/architecture.md).
 */
import { browser, type Runtime } from '../shared/browser';
import { onAlarm } from './alarms/on-alarm';
import { handlers } from './handlers';
import { resumeAfterStart } from './lifecycle/resume';
import { handleMessage } from './messaging/handle-message';

const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  handleMessage(message, sender, self, handlers),
);
browser.alarms.onAlarm.addListener((alarm) => onAlarm(alarm));
browser.runtime.onStartup.addListener(() => resumeAfterStart());
browser.runtime.onInstalled.addListener(() => resumeAfterStart());
