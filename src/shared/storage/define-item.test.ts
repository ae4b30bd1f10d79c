import { fakeBrowser } from '@webext-core/fake-browser';
import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineItem, getItems } from './define-item';

vi.mock('../browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const owner = 'src/shared/storage/define-item.test.ts';
const count = defineItem({ key: 'count', areas: ['local'], owner, schema: v.number(), fallback: 0 });
const names = defineItem({
  key: 'names',
  areas: ['local'],
  owner,
  schema: v.array(v.string()),
  fallback: [],
});
const flag = defineItem({ key: 'flag', areas: ['session'], owner, schema: v.boolean(), fallback: false });

describe('storage items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the fallback when nothing, or something invalid, is stored', async () => {
    expect(await count.get()).toBe(0);
    await fakeBrowser.storage.local.set({ count: 'seven' });
    expect(await count.get()).toBe(0);
    await count.set(7);
    expect(await count.get()).toBe(7);
  });

  it('reads several items, across areas, with one storage call per area', async () => {
    await fakeBrowser.storage.local.set({ count: 3, names: ['a', 42] });
    await fakeBrowser.storage.session.set({ flag: true });
    const localGet = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sessionGet = vi.spyOn(fakeBrowser.storage.session, 'get');
    const [c, n, f] = await getItems(count, names, flag);
    expect([c, n, f]).toEqual([3, [], true]);
    expect(localGet).toHaveBeenCalledTimes(1);
    expect(localGet).toHaveBeenCalledWith(['count', 'names']);
    expect(sessionGet).toHaveBeenCalledTimes(1);
  });
});
