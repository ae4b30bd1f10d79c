import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { createActions } from '../ui/actions';
import { OptionsApp } from './options-app';

const root = document.getElementById('app');
if (root) render(<OptionsApp actions={createActions()} />, root);
