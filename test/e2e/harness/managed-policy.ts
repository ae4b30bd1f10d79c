import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A Chromium managed policy for one test's copy of the extension. Chromium on Linux reads every JSON file in
 * /etc/chromium/policies/managed/ at start and watches the folder; extension settings go under
 * `3rdparty.extensions.<extension id>`. An unpacked extension's id comes from its path, so each test loads its
 * own copy of the build from a fresh folder: the policy then applies to that test's browser only, never to
 * tests running at the same time with dist/chrome. Writing there needs root (CI runs as root).
 */
export const POLICY_DIR = '/etc/chromium/policies/managed';
const PREFIX = 'sso-switcher-e2e-';

/** Chromium's id of an unpacked extension: sha256 of its absolute path, first 32 hex digits mapped 0-f → a-p. */
export function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(resolve(path)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(c, 16))).join('');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface ManagedCopy {
  readonly dist: string;
  readonly extensionId: string;
  /** Writes (or rewrites: Chromium picks the change up within seconds) this copy's policy. */
  writePolicy(policy: Record<string, unknown>): Promise<void>;
  /** Removes the policy file and the copy. */
  dispose(): Promise<void>;
}

/** Copies the build to a fresh folder and prepares a policy file named after this process and the id. */
export async function managedCopy(source = 'dist/chrome'): Promise<ManagedCopy> {
  await mkdir(POLICY_DIR, { recursive: true });
  // A run that crashed before its clean-up left its file: the pid in the name says whether it is still running.
  for (const name of await readdir(POLICY_DIR)) {
    const pid = Number(name.slice(PREFIX.length).split('-')[0]);
    if (name.startsWith(PREFIX) && Number.isInteger(pid) && !alive(pid))
      await rm(join(POLICY_DIR, name), { force: true });
  }
  const folder = await mkdtemp(join(tmpdir(), 'sso-switcher-managed-'));
  const dist = join(folder, 'chrome');
  await cp(resolve(source), dist, { recursive: true });
  const extensionId = unpackedExtensionId(dist);
  const file = join(POLICY_DIR, `${PREFIX}${process.pid}-${extensionId}.json`);
  return {
    dist,
    extensionId,
    writePolicy: (policy) =>
      writeFile(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }, null, 2)),
    async dispose() {
      await rm(file, { force: true });
      await rm(folder, { recursive: true, force: true });
    },
  };
}

export const canWritePolicies = process.getuid?.() === 0;
