import { useEffect, useState } from 'preact/hooks';
import { CREDENTIAL_FORMATS, type CredentialFormat, expiresInText } from '../../shared/credentials/formats';
import type { RoleEntry } from '../../shared/directory/model';
import { preferencesItem } from '../../shared/storage/items';
import type { Actions } from '../../ui/actions';

export interface CredentialCopy {
  /** The format the next copy uses: the one picked in this popup, else the one used last. */
  format: CredentialFormat;
  setFormat(format: CredentialFormat): void;
  copy(entry: RoleEntry): Promise<string>;
}

/**
 * Copying a role's temporary CLI credentials: the background fetches (or reuses) them and formats them; the
 * popup only writes the text to the clipboard, on the user's click or key press. Resolves to what to tell the user.
 */
export function useCredentialCopy(actions: Actions): CredentialCopy {
  // The format shown is the one chosen here, else the one stored; a copy sends only a chosen one, so a copy
  // asked for before the stored one is read (Alt+K as the popup opens) still uses the format used last.
  const [stored, setStored] = useState<CredentialFormat>();
  const [chosen, setChosen] = useState<CredentialFormat>();
  useEffect(() => {
    preferencesItem.get().then(
      (p) => setStored(p.credentialFormat),
      () => undefined,
    );
  }, []);
  return {
    format: chosen ?? stored ?? 'bash',
    setFormat: setChosen,
    async copy(entry) {
      const credentials = await actions.getCliCredentials(entry, chosen);
      await navigator.clipboard.writeText(credentials.text);
      const label = CREDENTIAL_FORMATS.find((f) => f.id === credentials.format)?.label ?? credentials.format;
      const account = entry.alias || entry.accountName;
      // Short enough for the footer's two lines; the screen-reader text says the same.
      return `Copied ${label} for ${entry.roleName} in ${account}, ${credentials.region} · ${expiresInText(credentials.expiresAt, Date.now())}`;
    },
  };
}
