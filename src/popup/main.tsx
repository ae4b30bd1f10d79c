import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { createActions } from '../ui/actions';
import { loadFirstScreen } from './directory/use-directory';
import { APP_ROOT_ID } from './first-paint/snapshot-format';
import { finishHandOver, readHandOver } from './first-paint/take-over';
import { PopupApp } from './popup-app';

// Loaded by first-paint.ts once the page has loaded, over the picture it drew. Read the small keys before the
// first render, so the app's first frame shows the same list; then take over from the picture in the same task.
const root = document.getElementById(APP_ROOT_ID);
const actions = createActions();
void loadFirstScreen().then((initial) => {
  if (!root) return;
  const handOver = readHandOver();
  render(<PopupApp actions={actions} initial={initial} initialQuery={handOver.query} />, root);
  finishHandOver(handOver);
});
