import { copyFile, mkdir, mkdtemp, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** A Firefox installation of a test's own, with an enterprise policy. */
export interface PolicyInstall {
  /** The binary to launch. */
  readonly path: string;
  dispose(): Promise<void>;
}

/**
 * Firefox reads enterprise policies at start-up from `distribution/policies.json` in its installation folder
 * (and from /etc/firefox/policies/policies.json on Linux, which would be system-wide). Neither may be written for
 * a test, so this makes an installation of its own: a temporary folder with a copy of the small launcher binary
 * (Firefox takes the folder of the running binary, symlinks resolved, for its installation folder) and symlinks to
 * everything else of the real one, but its own `distribution/` with the policy. Works for the system's Firefox and
 * the unpacked previous ESR alike; neither is changed.
 */
export async function installWithPolicies(binary: string, policies: object): Promise<PolicyInstall> {
  const launcher = await realpath(binary);
  const original = dirname(launcher);
  const dir = await mkdtemp(join(tmpdir(), 'firefox-policies-'));
  try {
    for (const name of await readdir(original)) {
      if (name === basename(launcher) || name === 'distribution') continue;
      await symlink(join(original, name), join(dir, name));
    }
    await copyFile(launcher, join(dir, basename(launcher)));
    await mkdir(join(dir, 'distribution'));
    // Keep what the package ships there (Debian: search plugins), beside the policy.
    const shipped = await readdir(join(original, 'distribution')).catch(() => []);
    for (const name of shipped) {
      if (name !== 'policies.json')
        await symlink(join(original, 'distribution', name), join(dir, 'distribution', name));
    }
    await writeFile(join(dir, 'distribution', 'policies.json'), JSON.stringify({ policies }, null, 2));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    path: join(dir, basename(launcher)),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
