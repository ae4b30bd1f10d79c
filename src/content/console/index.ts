/**
 * Content script on AWS console pages. It marks the page as seen (so a tester can tell it ran) and asks the
 * background for its own tab's display data; the tagging issue draws the tag from that.
 * Test URLs / manual check: https://console.aws.amazon.com/ and https://eu-west-1.console.aws.amazon.com/
 */
import { sendMessage } from '../../shared/messages/send';

const MARKER = 'awsSsoSwitcher';

async function start(): Promise<void> {
  document.documentElement.dataset[MARKER] = 'ready';
  await sendMessage('getTabDisplay', {});
}

start().catch(() => {
  // The extension was reloaded or removed under us: leave the page as it was.
  delete document.documentElement.dataset[MARKER];
});
