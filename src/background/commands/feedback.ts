import { browser } from '../../shared/browser';
import { UserFacingError } from '../messaging/user-facing-error';

/**
 * What a shortcut or the address bar says when it cannot do what was asked. Without the `notifications`
 * permission the honest, quiet channel is the toolbar button: a badge, and a tooltip saying why. It lasts
 * about 30 seconds (a named alarm, `command-feedback:badge`, the shortest Chrome allows; the worker keeps no
 * timer) and then the usual session badge (status/badge.ts) comes back; any change that redraws that badge
 * replaces it sooner.
 */
export const FEEDBACK_ALARM = 'command-feedback:badge';
const FEEDBACK_MINUTES = 0.5;

type Tone = 'nothing' | 'done' | 'failed';
const LOOK: Record<Tone, { text: string; color: string }> = {
  /** Nothing to do (no favourite N, no recent role): grey, not alarming. */
  nothing: { text: '–', color: '#5f6b7a' },
  done: { text: '✓', color: '#1e7d32' },
  failed: { text: '!', color: '#b3261e' },
};

async function flash(tone: Tone, message: string): Promise<void> {
  const look = LOOK[tone];
  await Promise.all([
    browser.action.setBadgeText({ text: look.text }),
    browser.action.setBadgeBackgroundColor({ color: look.color }),
    browser.action.setTitle({ title: `AWS SSO Switcher — ${message}` }),
    browser.alarms.create(FEEDBACK_ALARM, { delayInMinutes: FEEDBACK_MINUTES }),
  ]);
}

/** Nothing qualified (no such favourite, no recent role): say why in the tooltip, quietly. */
export function showNothingToDo(message: string): Promise<void> {
  return flash('nothing', message);
}

export function showDone(message: string): Promise<void> {
  return flash('done', message);
}

/**
 * Opening the console failed (signed out, role revoked, offline): never silent. The badge and tooltip say why
 * in our own words, and the popup opens where the browser allows it (Chrome 127+, Firefox in a shortcut
 * handler), because it shows the sign-in state and the button that fixes the commonest cause, a signed-out
 * portal. Error texts other than UserFacingError are never shown: they could quote a token.
 */
export async function showFailure(error: unknown): Promise<void> {
  const message =
    error instanceof UserFacingError
      ? error.message
      : 'Could not open the console. Open the popup to see why.';
  await flash('failed', message);
  await browser.action.openPopup().catch(() => undefined);
}
