import type { RoleCredentials } from './role-credentials-store';

export class SessionDurationRefused extends Error {
  constructor() {
    super('The sign-in endpoint refused the session duration');
    this.name = 'SessionDurationRefused';
  }
}

/**
 * Exchanges role credentials for a console sign-in token. By POST first, so the credentials are not in a URL
 * (where proxies or server logs could keep them). GovCloud's sign-in host is not known to take the POST form
 * (docs/aws-protocol.md §8): when POST is refused (a 4xx answer) for any reason other than the session length, the
 * same request goes again by GET, the form AWS documents for every partition. A 5xx is AWS failing, not refusing
 * the form: it is reported as it is. The fetch is the worker's own: the URL never
 * reaches a tab, the history or a log of ours.
 */
export async function getSigninToken(
  origin: string,
  credentials: RoleCredentials,
  sessionDurationSeconds: number | null,
): Promise<string> {
  const params = new URLSearchParams({
    Action: 'getSigninToken',
    Session: JSON.stringify({
      sessionId: credentials.accessKeyId,
      sessionKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    }),
  });
  if (sessionDurationSeconds !== null) params.set('SessionDuration', String(sessionDurationSeconds));
  const durationRefused = (response: Response) => response.status === 400 && sessionDurationSeconds !== null;
  const postRefused = (response: Response) =>
    response.status >= 400 && response.status < 500 && !durationRefused(response);
  let response = await fetch(`${origin}/federation`, { method: 'POST', body: params, credentials: 'omit' });
  if (postRefused(response)) {
    await response.body?.cancel();
    response = await fetch(`${origin}/federation?${params}`, { method: 'GET', credentials: 'omit' });
  }
  if (durationRefused(response)) throw new SessionDurationRefused();
  if (!response.ok) throw new Error(`getSigninToken answered ${response.status}`);
  const json = (await response.json()) as { SigninToken?: unknown };
  if (typeof json.SigninToken !== 'string' || !json.SigninToken)
    throw new Error('getSigninToken returned no token');
  return json.SigninToken;
}
