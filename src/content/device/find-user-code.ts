const CODE_IN_TEXT = /\b([A-Z0-9]{4}-[A-Z0-9]{4})\b/;
const CODE = /^[A-Z0-9]{4}-?[A-Z0-9]{4}$/i;

/** `ABCDEFGH`, `abcd-efgh` → `ABCD-EFGH`: the form AWS and the popup show. */
function formatted(code: string): string {
  const plain = code.replace('-', '').toUpperCase();
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}

function codeInQuery(query: string): string | null {
  const value = new URLSearchParams(query).get('user_code');
  return value && CODE.test(value) ? formatted(value) : null;
}

/**
 * Is this URL a page where AWS asks to approve a sign-in (docs/aws-protocol.md §5)? The device page is one
 * wherever it goes; the portal app only on its `#/device` route (elsewhere it is the user's own portal, whose
 * account names may look like codes); signin.aws on `/platform/authorize`.
 */
export function isVerificationRoute(url: string): boolean {
  const { hostname, pathname, hash } = new URL(url);
  if (hostname.startsWith('device.sso.')) return true;
  if (hostname.endsWith('.signin.aws')) return pathname === '/platform/authorize';
  return hash === '#/device' || hash.startsWith('#/device?') || hash.startsWith('#/device/');
}

/**
 * The user code of an AWS verification page (docs/aws-protocol.md §5): in the query (`device.sso…/?user_code=`),
 * in the portal app's fragment route (`…/#/device?user_code=`), or else the first code-shaped text on the page
 * (signin.aws puts no code in its link and shows it on the page). Null when there is none (yet).
 */
export function findUserCode(url: string, pageText: string): string | null {
  const parsed = new URL(url);
  const route = parsed.hash.indexOf('?');
  return (
    codeInQuery(parsed.search) ??
    (route >= 0 ? codeInQuery(parsed.hash.slice(route + 1)) : null) ??
    CODE_IN_TEXT.exec(pageText)?.[1] ??
    null
  );
}
