import type { Plugin } from 'vite';

/**
 * Removes Preact's only innerHTML assignment, its support for `dangerouslySetInnerHTML`, from both builds.
 *
 * We never use that prop (lint/no-html-sinks.grit forbids it), but the code that honours it ships in every page
 * and AMO's linter flags it (`UNSAFE_VAR_ASSIGNMENT`), which reviewers then have to wave through. The rewrite
 * turns that branch into a throw: a page that passed the prop would fail loudly instead of writing HTML.
 *
 * It matches Preact's minified dist, whose local names change between releases, so it captures them. The build
 * fails when Preact's module is not rewritten exactly once, when an innerHTML assignment remains in it, or when
 * any built chunk assigns innerHTML: a Preact upgrade cannot bring the assignment back unnoticed.
 */
export const PREACT_MODULE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;

// From preact 11.2.0's diffElementNodes, minified:
//   h?(l||y&&(h.__html==y.__html||h.__html==t.innerHTML)||(t.innerHTML=h.__html),r.__k=[]):(…children…)
// h: new dangerouslySetInnerHTML, y: old one, l: hydrating, t: the DOM node, r: the new vnode.
const DANGEROUS_BRANCH =
  /(?<html>[\w$]+)\?\((?<hydrating>[\w$]+)\|\|(?<old>[\w$]+)&&\(\k<html>\.__html==\k<old>\.__html\|\|\k<html>\.__html==(?<dom>[\w$]+)\.innerHTML\)\|\|\(\k<dom>\.innerHTML=\k<html>\.__html\),(?<vnode>[\w$]+)\.__k=\[\]\):/g;

/** `x.innerHTML = …` or `x.innerHTML += …`, not a comparison. */
export const INNER_HTML_ASSIGNMENT = /\.innerHTML\s*\+?=(?!=)/;

export const REFUSAL =
  'dangerouslySetInnerHTML is not supported in AWS SSO Switcher (scripts/build/preact-without-inner-html.ts)';

const PLUGIN = 'aws-sso-switcher:preact-without-inner-html';

/** The rewrite itself: exported for the unit test, which runs it on the installed Preact. */
export function rewritePreact(code: string): string {
  let count = 0;
  const rewritten = code.replace(DANGEROUS_BRANCH, (_match, html: string) => {
    count++;
    return `${html}?(()=>{throw new Error(${JSON.stringify(REFUSAL)})})():`;
  });
  if (count !== 1) {
    throw new Error(
      `${PLUGIN}: expected Preact's dangerouslySetInnerHTML branch once in preact/dist/preact.mjs, found it ` +
        `${count} times. Preact changed: update the pattern in this plugin (and its test) so no innerHTML ` +
        'assignment ships.',
    );
  }
  if (INNER_HTML_ASSIGNMENT.test(rewritten)) {
    throw new Error(`${PLUGIN}: preact/dist/preact.mjs still assigns innerHTML after the rewrite.`);
  }
  return rewritten;
}

export function preactWithoutInnerHtml(): Plugin {
  let rewritten = false;
  return {
    name: PLUGIN,
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      rewritten = false;
    },
    transform(code, id) {
      if (!PREACT_MODULE.test(id.split('?')[0] ?? id)) return null;
      rewritten = true;
      return { code: rewritePreact(code), map: null };
    },
    generateBundle(_options, bundle) {
      if (!rewritten) {
        this.error(`${PLUGIN}: preact/dist/preact.mjs never reached the build: did Preact move its module?`);
      }
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type === 'chunk' && INNER_HTML_ASSIGNMENT.test(output.code)) {
          this.error(`${PLUGIN}: ${file} assigns innerHTML; nothing in the extension may.`);
        }
      }
    },
  };
}
