import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { createActions } from '../ui/actions';
import { loadFirstScreen } from './directory/use-directory';
import { PopupApp } from './popup-app';

// Read the small keys before the first render, so the popup's first frame already shows the list as last seen.
const root = document.getElementById('app');
const actions = createActions();
void loadFirstScreen().then(
  (initial) => root && render(<PopupApp actions={actions} initial={initial} />, root),
);
