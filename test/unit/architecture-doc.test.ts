import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { handlers } from '../../src/background/handlers/index';
import { MESSAGE_SCHEMAS, type MessageType } from '../../src/shared/messages/contract';

vi.mock('../../src/shared/browser', () => ({ browser: fakeBrowser }));

/**
 * docs/architecture.md's messages table names each message, who sends it and the handler file that answers it:
 * this keeps it equal to the contract (src/shared/messages/contract.ts) and the handler map
 * (src/background/handlers/index.ts), so it cannot go stale.
 */
const doc = readFileSync('docs/architecture.md', 'utf8');
const section = doc.slice(doc.indexOf('## Messages'), doc.indexOf('\n## ', doc.indexOf('## Messages') + 1));
const rows = [...section.matchAll(/^\| `(\w+)` \| ([^|]+) \|.* `([\w-]+\.ts)` \|$/gm)].map((m) => ({
  type: m[1] as string,
  sentBy: (m[2] as string).trim(),
  handlerFile: m[3] as string,
}));

/** How the table's "sent by" column begins for each audience of the contract. */
const SENT_BY = { extension: 'extension pages', content: 'console content script', device: 'device-page' };

describe('docs/architecture.md, messages', () => {
  it('lists every message of the contract once, and nothing else', () => {
    const listed = rows.map((row) => row.type);
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual(Object.keys(MESSAGE_SCHEMAS).sort());
  });

  it('has a handler for every message of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(MESSAGE_SCHEMAS).sort());
  });

  it.each(rows)('$type: sent by its audience, answered by handlers/$handlerFile', async (row) => {
    const type = row.type as MessageType;
    expect(row.sentBy.startsWith(SENT_BY[MESSAGE_SCHEMAS[type].audience])).toBe(true);
    const module = (await import(
      `../../src/background/handlers/${row.handlerFile.replace(/\.ts$/, '')}.ts`
    )) as Record<string, unknown>;
    expect(module[type]).toBe(handlers[type]);
  });
});
