import { type Portal, portalLabel, type PortalSession as Session } from '../shared/portals/portal';
import type { Actions } from './actions';

interface Props {
  actions: Actions;
  portal: Portal;
  session: Session;
}

/** One portal's session: its state in words, and the one or two actions that make sense in that state. */
export function PortalSession({ actions, portal, session }: Props) {
  const label = portalLabel(portal);
  const run = (action: () => Promise<unknown>) => () => {
    action().catch(() => undefined);
  };
  const signIn = run(() => actions.signIn(portal.id));
  return (
    <section class={`portal-session state-${session.state}`} aria-label={`Portal ${label}`}>
      <div class="portal-session-head">
        <h2 class="portal-name" title={portal.startUrl}>
          {label}
        </h2>
        <span class="portal-state">{stateText(session)}</span>
      </div>
      {session.state === 'signing-in' && (
        <div class="device-code">
          <p>Approve the request in the AWS tab that opened. It must show this code:</p>
          <output class="user-code" aria-label="Your sign-in code">
            {session.userCode}
          </output>
          <div class="actions">
            <a class="button" href={session.verificationUri} target="_blank" rel="noreferrer">
              Open the AWS page
            </a>
            <button type="button" onClick={run(() => actions.cancelSignIn(portal.id))}>
              Cancel sign-in
            </button>
          </div>
        </div>
      )}
      {(session.state === 'signed-out' || session.state === 'failed') && (
        <div class="actions">
          {session.state === 'failed' && (
            <p class="error" role="alert">
              {session.message}
            </p>
          )}
          {session.state === 'signed-out' && session.message && <p class="muted">{session.message}</p>}
          <button type="button" class="primary" onClick={signIn}>
            {session.state === 'failed' ? 'Try again' : `Sign in`}
          </button>
        </div>
      )}
      {session.state === 'signed-in' && (
        <div class="actions">
          <button type="button" onClick={run(() => actions.signOut(portal.id))}>
            Sign out
          </button>
        </div>
      )}
    </section>
  );
}

function stateText(session: Session): string {
  switch (session.state) {
    case 'signed-in':
      return 'Signed in';
    case 'signing-in':
      return 'Waiting for approval…';
    case 'failed':
      return session.reason === 'denied'
        ? 'Sign-in denied'
        : session.reason === 'expired'
          ? 'Code expired'
          : 'Sign-in failed';
    default:
      return 'Signed out';
  }
}
