import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { at, raw } from './support.ts';

let emulator: Emulator;
const portal = (path: string) => raw(emulator, at(emulator, 'portal.sso.us-east-1.amazonaws.com', path));
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

describe('held requests', () => {
  it('wait at the door until released, and only those of the held path', async () => {
    const held = emulator.hold('/assignment/roles');
    const roles = portal('/assignment/roles?account_id=1');
    const accounts = await portal('/assignment/accounts');
    expect(accounts.status).toBe(401);
    await expect.poll(() => held.waiting()).toBe(1);
    held.release();
    expect((await roles).status).toBe(401);
    expect(held.waiting()).toBe(0);
    // Released for good: the next request passes at once.
    expect((await portal('/assignment/roles?account_id=1')).status).toBe(401);
  });
});
