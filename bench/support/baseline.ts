// The SDK's notice that it will need Node 22 from 2027 would interleave with the table.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { ListAccountRolesCommand, ListAccountsCommand } from '@aws-sdk/client-sso';
import type { Emulator } from '../../test/emulator/index.ts';
import { sdkClients, signIn } from '../../test/emulator/support.ts';

const PAGE_SIZE = 100;

export interface Baseline {
  /** One full directory sync, one request at a time; resolves to its wall time in ms. */
  sync(): Promise<{ ms: number; requests: number; accounts: number }>;
  close(): void;
}

/**
 * What a naive client does: the real @aws-sdk/client-sso from Node, its own session at the emulator, every
 * ListAccounts page (100 a page, as the extension asks) and then ListAccountRoles for each account, strictly
 * one request at a time over one keep-alive connection. Same emulator, same latency as the extension's run.
 */
export async function sequentialBaseline(emulator: Emulator): Promise<Baseline> {
  const sdk = sdkClients(emulator, { maxAttempts: 1 });
  const { accessToken } = await signIn(emulator, sdk.oidc);
  return {
    async sync() {
      const started = performance.now();
      let requests = 0;
      const accountIds: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await sdk.sso.send(
          new ListAccountsCommand({ accessToken, maxResults: PAGE_SIZE, nextToken }),
        );
        requests++;
        for (const account of page.accountList ?? [])
          if (account.accountId) accountIds.push(account.accountId);
        nextToken = page.nextToken || undefined;
      } while (nextToken);
      for (const accountId of accountIds) {
        let rolesToken: string | undefined;
        do {
          const page = await sdk.sso.send(
            new ListAccountRolesCommand({
              accessToken,
              accountId,
              maxResults: PAGE_SIZE,
              nextToken: rolesToken,
            }),
          );
          requests++;
          rolesToken = page.nextToken || undefined;
        } while (rolesToken);
      }
      return { ms: performance.now() - started, requests, accounts: accountIds.length };
    },
    close: () => sdk.close(),
  };
}
