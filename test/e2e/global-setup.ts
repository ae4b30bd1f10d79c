import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * End-to-end tests load the built extension exactly as a user would. `npm test` builds before running them;
 * when a developer runs `npm run test:e2e` alone on a fresh checkout, build once here.
 */
export default function setup(): void {
  if (!existsSync(resolve('dist/chrome/manifest.json'))) {
    execFileSync('npm', ['run', 'build:chrome'], { stdio: 'inherit' });
  }
}
