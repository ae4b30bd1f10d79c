import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerTooLargeError, boundAnswerSize } from './answer-size';

/**
 * The real SSO client with the bound added, against a local server that answers what each test sets: the
 * middleware must sit where the SDK hands it the raw body, before parsing, whatever the transport.
 */
const MAX = 4096;
let answer: { body: string; chunked: boolean } = { body: '{}', chunked: false };
let server: Server;
let client: SSOClient;

beforeAll(async () => {
  server = createServer((_req, res) => {
    const headers = answer.chunked ? {} : { 'content-length': Buffer.byteLength(answer.body) };
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    // Written in pieces, so the chunked case really arrives in several chunks without a length.
    for (let at = 0; at < answer.body.length; at += 1000) res.write(answer.body.slice(at, at + 1000));
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new SSOClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, maxAttempts: 1 });
  boundAnswerSize(client, MAX);
});
afterAll(async () => {
  client.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const list = () => client.send(new ListAccountsCommand({ accessToken: 't' }));
const accounts = (n: number) =>
  JSON.stringify({ accountList: Array.from({ length: n }, (_, i) => ({ accountId: String(1e11 + i) })) });

describe('boundAnswerSize', () => {
  it('lets an answer under the bound through to the SDK’s parser, with or without a length', async () => {
    answer = { body: accounts(3), chunked: false };
    expect((await list()).accountList).toHaveLength(3);
    answer = { body: accounts(3), chunked: true };
    expect((await list()).accountList).toHaveLength(3);
  });

  it.each([
    ['a declared length', false],
    ['no declared length', true],
  ])('refuses a larger answer with %s, in our own words, before it is parsed', async (_, chunked) => {
    answer = { body: accounts(400), chunked };
    expect(answer.body.length).toBeGreaterThan(MAX);
    const error = await list().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AnswerTooLargeError);
    // Thrown before the deserializer, which would have added its hint to the message.
    expect((error as Error).message).toBe('AWS sent an answer too large to use.');
  });
});
