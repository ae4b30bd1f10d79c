import { request } from 'node:https';
import type { Emulator } from '../../emulator/index.ts';

/** A plain HTTPS GET to the emulator from the test process, trusting its self-signed certificate. */
export function emulatorGet(
  emulator: Emulator,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${emulator.baseUrl}${path}`, { ca: emulator.certificatePem, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A JSON POST to the emulator from the test process (e.g. an "attacker" starting their own device flow). */
export function emulatorPost(
  emulator: Emulator,
  path: string,
  body: unknown,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(
      `${emulator.baseUrl}${path}`,
      {
        method: 'POST',
        ca: emulator.certificatePem,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
