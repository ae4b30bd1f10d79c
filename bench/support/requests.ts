import type { Emulator, LoggedRequest } from '../../test/emulator/index.ts';

/** The emulator's request log from a mark on: `const mark = logMark(e); …; since(e, mark)`. */
export const logMark = (emulator: Emulator): number => emulator.requests().length;
export const since = (emulator: Emulator, mark: number): LoggedRequest[] => emulator.requests().slice(mark);

export const isDirectoryCall = (r: LoggedRequest) =>
  r.path === '/assignment/accounts' || r.path === '/assignment/roles';

/**
 * Most requests the emulator held at once. The log stamps each answer; with a fixed emulated latency a request
 * arrived at least `latencyMs` earlier, so [time − latency, time] is (a lower bound of) its stay.
 */
export function peakInFlight(requests: readonly LoggedRequest[], latencyMs: number): number {
  const events = requests.flatMap((r) => {
    const end = Date.parse(r.time);
    return [
      { at: end - latencyMs, delta: 1 },
      { at: end, delta: -1 },
    ];
  });
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let peak = 0;
  for (const e of events) {
    current += e.delta;
    peak = Math.max(peak, current);
  }
  return peak;
}
