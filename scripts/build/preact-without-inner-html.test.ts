// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { OutputBundle } from 'rolldown';
import { afterAll, describe, expect, it } from 'vitest';
import {
  INNER_HTML_ASSIGNMENT,
  PREACT_MODULE,
  preactWithoutInnerHtml,
  REFUSAL,
  rewritePreact,
} from './preact-without-inner-html.ts';

const installed = 'node_modules/preact/dist/preact.mjs';
const source = readFileSync(installed, 'utf8');
// Inside the project: Vitest's module runner resolves a bare absolute path like /tmp/… against the root.
await mkdir('test-results', { recursive: true });
const dir = await mkdtemp(resolve('test-results/preact-rewrite-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The rewritten Preact as a module of its own (it imports nothing). */
async function importRewritten(): Promise<typeof import('preact')> {
  const file = join(dir, 'preact.mjs');
  await writeFile(file, rewritePreact(source));
  return import(/* @vite-ignore */ file);
}

describe('the installed Preact', () => {
  it('assigns innerHTML before the rewrite (else this plugin has nothing to do, or the test nothing to prove)', () => {
    expect(source).toMatch(INNER_HTML_ASSIGNMENT);
  });

  it('has no innerHTML assignment after it, and still renders', async () => {
    expect(rewritePreact(source)).not.toMatch(INNER_HTML_ASSIGNMENT);
    const { h, render } = await importRewritten();
    const root = document.createElement('div');
    render(h('p', { title: 'x' }, 'hello ', h('b', null, 'there')), root);
    expect(root.innerHTML).toBe('<p title="x">hello <b>there</b></p>');
  });

  it('throws on dangerouslySetInnerHTML instead of writing HTML', async () => {
    const { h, render } = await importRewritten();
    const root = document.createElement('div');
    expect(() =>
      render(h('div', { dangerouslySetInnerHTML: { __html: '<img src=x onerror=alert(1)>' } }), root),
    ).toThrow(REFUSAL);
    expect(root.querySelector('img')).toBeNull();
  });
});

describe('the build fails loudly', () => {
  it('when the branch is not found (Preact changed, here only its spacing)', () => {
    expect(source.split('.innerHTML=')).toHaveLength(2);
    expect(() => rewritePreact(source.replace('.innerHTML=', '.innerHTML = '))).toThrow(/found it 0 times/);
  });

  it('when another innerHTML assignment remains in Preact', () => {
    expect(() => rewritePreact(`${source};document.body.innerHTML=location.hash;`)).toThrow(
      /still assigns innerHTML/,
    );
  });

  it('when Preact never reaches the build, or a chunk assigns innerHTML', () => {
    const plugin = preactWithoutInnerHtml();
    const context = {
      error(message: string): never {
        throw new Error(message);
      },
    };
    const call = (hook: unknown, ...args: unknown[]) =>
      (hook as (...a: unknown[]) => unknown).apply(context, args);
    const bundle = (code: string) => ({ 'a.js': { type: 'chunk', code } }) as unknown as OutputBundle;

    call(plugin.buildStart);
    expect(() => call(plugin.generateBundle, {}, bundle('x()'))).toThrow(/never reached the build/);

    expect(call(plugin.transform, 'x.innerHTML=y', '/app/src/popup/main.tsx')).toBeNull();
    expect(call(plugin.transform, source, `/app/${installed}`)).toMatchObject({ code: expect.any(String) });
    expect(() => call(plugin.generateBundle, {}, bundle('x()'))).not.toThrow();
    expect(() => call(plugin.generateBundle, {}, bundle('a.innerHTML=b'))).toThrow(/a\.js assigns innerHTML/);
  });

  it('matches Preact by path on every OS', () => {
    expect(PREACT_MODULE.test('/w/node_modules/preact/dist/preact.mjs')).toBe(true);
    expect(PREACT_MODULE.test('C:\\w\\node_modules\\preact\\dist\\preact.mjs')).toBe(true);
    expect(PREACT_MODULE.test('/w/node_modules/preact/hooks/dist/hooks.mjs')).toBe(false);
  });
});
