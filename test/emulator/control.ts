import { type Ctx, jsonError, parseJsonObject, sendJson } from './http.ts';
import type { EmulatorState } from './state.ts';
import type { ConfigurePatch } from './types.ts';

/**
 * `/_emulator/*` on any host: the same operations as the in-process object, as JSON over HTTP, for tests in
 * another process (the browser harness, `npm start`, the CLI). Not logged: the log is for client calls.
 */

export function stateSnapshot(state: EmulatorState) {
  return {
    startUrl: state.options.startUrl,
    region: state.options.region,
    clock: new Date(state.now()).toISOString(),
    organization: state.options.organization,
    pendingUserCodes: state.pendingUserCodes(),
    consoleSessions: consoleSessionList(state),
    config: {
      latencyMs: state.latencyMs,
      throttle: state.throttle
        ? { ratePerSecond: state.throttle.ratePerSecond, burst: state.throttle.burst }
        : null,
      lifetimes: state.lifetimes,
      multiSession: state.multiSession,
      autoApprove: state.autoApprove,
      faults: state.faults.list(),
      malformed: state.malformed.list(),
    },
  };
}

export function consoleSessionList(state: EmulatorState) {
  return state.liveConsoleSessions().map(({ accountId, roleName, host }) => ({ accountId, roleName, host }));
}

type Operation = (state: EmulatorState, body: Record<string, unknown>) => unknown;

const userCode = (body: Record<string, unknown>) => String(body.userCode ?? '');

const OPERATIONS: Record<string, Operation> = {
  'GET state': (state) => stateSnapshot(state),
  'GET requests': (state) => state.log,
  'POST approve': (state, body) => state.decide(userCode(body), 'approved'),
  'POST deny': (state, body) => state.decide(userCode(body), 'denied'),
  'POST expire-access-tokens': (state) => state.expireAccessTokens(),
  'POST end-sessions': (state) => state.endSessions(),
  'POST expire-registrations': (state) => state.expireRegistrations(),
  'POST advance-clock': (state, body) => state.advanceClock(Number(body.seconds ?? 0)),
  'POST reset-log': (state) => {
    state.log.length = 0;
  },
  'POST config': (state, body) => {
    state.configure(body as ConfigurePatch);
    return stateSnapshot(state).config;
  },
};

export async function handleControl(ctx: Ctx): Promise<boolean> {
  const operation = OPERATIONS[`${ctx.method} ${ctx.path.slice('/_emulator/'.length)}`];
  if (!operation) return false;
  ctx.logged = false;
  const body = parseJsonObject(await ctx.body());
  if (!body) {
    jsonError(ctx, 400, 'InvalidRequestException', { message: 'Body must be a JSON object' });
    return true;
  }
  try {
    sendJson(ctx, 200, operation(ctx.state, body) ?? { ok: true });
  } catch (error) {
    jsonError(ctx, 400, 'InvalidRequestException', { message: (error as Error).message });
  }
  return true;
}
