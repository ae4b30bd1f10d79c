import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { createActions } from '../ui/actions';
import { PopupApp } from './popup-app';

const root = document.getElementById('app');
if (root) render(<PopupApp actions={createActions()} />, root);
