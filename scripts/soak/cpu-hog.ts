import { spawn } from 'node:child_process';

/**
 * Keeps one core busy, as another build or a browser tab would on a developer's machine. The busy loop runs in
 * a child process that ends by itself after `maxSeconds` (so it can never outlive a crashed soak for long) and
 * is stopped by the returned function.
 */
export function startCpuHog({ maxSeconds }: { maxSeconds: number }): () => void {
  const source = `const end = Date.now() + ${Math.round(maxSeconds * 1000)}; let x = 0; while (Date.now() < end) { x = (x + 1) % 1e9; }`;
  const child = spawn(process.execPath, ['-e', source], { stdio: 'ignore' });
  return () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
}
