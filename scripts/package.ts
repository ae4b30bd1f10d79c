/**
 * `npm run package`: store-ready zips of both builds, in dist/ (run after `npm run build`, which the npm script
 * does). web-ext's zipper is used for both: it is already a dev dependency and works offline.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

for (const target of ['chrome', 'firefox'] as const) {
  const produced = execFileSync(
    'npx',
    [
      'web-ext',
      'build',
      '--source-dir',
      `dist/${target}`,
      '--artifacts-dir',
      'dist',
      '--overwrite-dest',
      '--filename',
      `aws-sso-switcher-${target}.zip`,
    ],
    { encoding: 'utf8' },
  );
  if (!/Your web extension is ready/.test(produced))
    throw new Error(`web-ext build failed for ${target}:\n${produced}`);
  const file = `dist/aws-sso-switcher-${version}-${target}.zip`;
  renameSync(`dist/aws-sso-switcher-${target}.zip`, file);
  console.log(`wrote ${file}`);
}
