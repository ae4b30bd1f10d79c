/**
 * Requests held at the door until a test releases them: a test that needs "the sync is still running when
 * the user presses Sync again" holds the answers it waits on, instead of betting on a latency being long
 * enough on a busy machine (docs/testing.md, "no test depends on wall time").
 */
export interface HeldRequests {
  /** How many requests are waiting now. */
  waiting(): number;
  /** Lets every waiting request through and stops holding. */
  release(): void;
}

interface Hold {
  readonly pathPrefix: string;
  readonly waiters: (() => void)[];
}

export class Holds {
  private readonly active = new Set<Hold>();

  hold(pathPrefix: string): HeldRequests {
    const hold: Hold = { pathPrefix, waiters: [] };
    this.active.add(hold);
    return {
      waiting: () => hold.waiters.length,
      release: () => {
        this.active.delete(hold);
        for (const wake of hold.waiters.splice(0)) wake();
      },
    };
  }

  /** Resolves at once unless a hold covers the path; then when it is released. */
  async pass(path: string): Promise<void> {
    for (const hold of this.active) {
      if (path.startsWith(hold.pathPrefix)) {
        await new Promise<void>((resolve) => hold.waiters.push(resolve));
        return;
      }
    }
  }
}
