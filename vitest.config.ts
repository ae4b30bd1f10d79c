import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

/**
 * Four layers, cheapest first (docs/testing.md):
 * - unit: pure logic and Preact components, next to their source (`src/**\/*.test.ts(x)`) and in test/unit;
 * - types: type tests (`*.test-d.ts`), checked by the compiler (part of `npm run test:unit`);
 * - emulator: the local AWS emulator checked against the real AWS SDK clients;
 * - e2e: the built extension in real headless Chromium against the emulator (`npm run build` first);
 * - firefox: the built Firefox flavour in Firefox ESR (the system's, and 140) against the emulator
 *   (test/firefox/README.md).
 */
export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          // Type tests (`*.test-d.ts`): checked by the compiler, never run, e.g. that the UI's Actions answer
          // with the message contract's reply types.
          name: 'types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'emulator',
          include: ['test/emulator/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          // Events in a browser take longer than a unit test's default second.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          hookTimeout: 60_000,
          // Each file launches its own Chromium; two at a time suit a 2-core machine.
          maxWorkers: 2,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'firefox',
          include: ['test/firefox/**/*.firefox.test.ts'],
          environment: 'node',
          // Firefox 140 starts slower than 153, and a hook launches Firefox and signs in: under a loaded
          // 2-core machine the journey took 42 s on 140.
          testTimeout: 90_000,
          expect: { poll: { timeout: 15_000, interval: 100 } },
          hookTimeout: 90_000,
          // One Firefox at a time: each is a few hundred MB and a core's worth of start-up on a 2-core machine.
          maxWorkers: 1,
          globalSetup: ['test/firefox/global-setup.ts'],
        },
      },
    ],
  },
});
