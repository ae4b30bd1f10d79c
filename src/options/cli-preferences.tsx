import { useState } from 'preact/hooks';
import { CREDENTIAL_FORMATS, type CredentialFormat } from '../shared/credentials/formats';
import { checkProfileTemplate, DEFAULT_PROFILE_TEMPLATE } from '../shared/credentials/profile-name';
import { lockPath } from '../shared/settings/effective';
import type { Preferences } from '../shared/storage/items';
import type { Actions } from '../ui/actions';
import { downloadAwsConfig } from './download-aws-config';

interface Props {
  actions: Actions;
  preferences: Preferences;
  onChange(next: Preferences): void;
  /** Whether the administrator locks a path (lockPath.preference): such controls are disabled. */
  isLocked?: (path: string) => boolean;
}

/** The AWS CLI: format of copied credentials, profile names, and a ~/.aws/config for every role. */
export function CliPreferences({ actions, preferences, onChange, isLocked = () => false }: Props) {
  const [template, setTemplate] = useState(preferences.profileTemplate);
  const [message, setMessage] = useState<string | null>(null);
  const problem = checkProfileTemplate(template);
  return (
    <section aria-labelledby="cli-title">
      <h2 id="cli-title">AWS CLI</h2>
      <div class="field-grid">
        <label for="cli-format">Copy credentials as</label>
        <select
          id="cli-format"
          value={preferences.credentialFormat}
          onChange={(e) =>
            actions
              .updatePreferences({ credentialFormat: e.currentTarget.value as CredentialFormat })
              .then(onChange, () => undefined)
          }
        >
          {CREDENTIAL_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
        <label for="cli-template">Profile names</label>
        <div>
          <input
            id="cli-template"
            disabled={isLocked(lockPath.preference('profileTemplate'))}
            type="text"
            value={template}
            spellcheck={false}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby="cli-template-help"
            onInput={(e) => setTemplate(e.currentTarget.value)}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (!checkProfileTemplate(value))
                actions.updatePreferences({ profileTemplate: value }).then(onChange, () => undefined);
            }}
          />
          <p id="cli-template-help" class={problem ? 'error' : 'muted'}>
            {problem ??
              `Placeholders: {account} (alias, else name), {accountName}, {accountId}, {role}, {portal}. Default ${DEFAULT_PROFILE_TEMPLATE}.`}
          </p>
        </div>
      </div>
      <p>
        <button
          type="button"
          onClick={() =>
            // The template as typed (when valid): the save on blur may still be on its way.
            downloadAwsConfig({
              ...preferences,
              profileTemplate: problem ? preferences.profileTemplate : template,
            }).then(setMessage, (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)))
          }
        >
          Download ~/.aws/config
        </button>
      </p>
      <p class="muted" role="status">
        {message ??
          'One [sso-session] per portal and one [profile] per role. It holds no secret: sign in with “aws sso login --sso-session NAME”.'}
      </p>
    </section>
  );
}
