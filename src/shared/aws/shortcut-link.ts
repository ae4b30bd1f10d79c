/**
 * The access portal's own "shortcut link" to a role's console: it carries no secret (the portal asks the user to
 * sign in if needed), so it is safe to paste in a chat or a runbook, unlike a federation sign-in URL, which is a
 * bearer link for 15 minutes.
 */
export function portalShortcutLink(
  startUrl: string,
  accountId: string,
  roleName: string,
  destination?: string,
): string {
  const query = new URLSearchParams({ account_id: accountId, role_name: roleName });
  if (destination) query.set('destination', destination);
  return `${startUrl.replace(/\/+$/, '')}/#/console?${query}`;
}
