import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** An X display for headed Chromium, and real key presses on it (xdotool). */
export interface XDisplay {
  /** E.g. ":99". */
  readonly name: string;
  /** Presses a key combination the way a person does, e.g. "alt+shift+1", "ctrl+l", "Return". */
  key(combo: string): Promise<void>;
  /** Types text key by key. */
  type(text: string): Promise<void>;
  /** Presses several keys one after the other with no delay between them, e.g. "Tab", "Return". */
  keys(...combos: string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * A private virtual display (Xvfb, which `.ci/run` installs) so key presses never reach a developer's
 * desktop and tests run the same in CI; the current `DISPLAY` only when Xvfb is missing. Chromium needs no
 * window manager for this: it takes the keyboard focus itself (docs: toolchain, "keyboard shortcuts").
 */
export async function openDisplay(): Promise<XDisplay> {
  if (!existsSync('/usr/bin/xdotool'))
    throw new Error('Real key presses need xdotool (apt-get install xdotool).');
  if (existsSync('/usr/bin/Xvfb')) return startXvfb();
  const current = process.env.DISPLAY;
  if (!current) throw new Error('Headed tests need Xvfb (apt-get install xvfb) or a DISPLAY.');
  return display(current, async () => undefined);
}

function display(name: string, close: () => Promise<void>): XDisplay {
  const env = { ...process.env, DISPLAY: name };
  const xdotool = async (...args: string[]) => {
    await run('xdotool', args, { env });
  };
  return {
    name,
    key: (combo) => xdotool('key', '--clearmodifiers', combo),
    type: (text) => xdotool('type', '--delay', '30', text),
    keys: (...combos) => xdotool('key', '--clearmodifiers', '--delay', '0', ...combos),
    close,
  };
}

/** Starts Xvfb on a free display number, which it reports itself (-displayfd), so parallel files never clash. */
async function startXvfb(): Promise<XDisplay> {
  const child: ChildProcess = spawn(
    '/usr/bin/Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp', '-noreset'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err.slice(-500)}`)));
  });
  return display(`:${number}`, async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
}
