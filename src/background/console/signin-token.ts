import type { RoleCredentials } from './role-credentials';

export class SessionDurationRefused extends Error {
  constructor() {
    super('The sign-in endpoint refused the session duration');
    this.name = 'SessionDurationRefused';
  }
}

/**
 * Exchanges role credentials for a console sign-in token. By POST, so the credentials never appear in a URL
 * (where history, proxies or logs could keep them).
 */
export async function getSigninToken(
  origin: string,
  credentials: RoleCredentials,
  sessionDurationSeconds: number | null,
): Promise<string> {
  const body = new URLSearchParams({
    Action: 'getSigninToken',
    Session: JSON.stringify({
      sessionId: credentials.accessKeyId,
      sessionKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    }),
  });
  if (sessionDurationSeconds !== null) body.set('SessionDuration', String(sessionDurationSeconds));
  const response = await fetch(`${origin}/federation`, { method: 'POST', body, credentials: 'omit' });
  if (response.status === 400 && sessionDurationSeconds !== null) throw new SessionDurationRefused();
  if (!response.ok) throw new Error(`getSigninToken answered ${response.status}`);
  const json = (await response.json()) as { SigninToken?: unknown };
  if (typeof json.SigninToken !== 'string' || !json.SigninToken)
    throw new Error('getSigninToken returned no token');
  return json.SigninToken;
}
