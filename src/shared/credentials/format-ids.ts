import * as v from 'valibot';

/**
 * The credential formats, declared once: the type, the stored preference's schema, the messages' schemas and the
 * pickers' option lists all come from this list (labels and text building: formats.ts).
 */
export const CREDENTIAL_FORMAT_IDS = [
  'bash',
  'fish',
  'powershell',
  'cmd',
  'credentials-file',
  'credential-process',
  'dotenv',
] as const;

export type CredentialFormat = (typeof CREDENTIAL_FORMAT_IDS)[number];

export const CredentialFormatSchema = v.picklist(CREDENTIAL_FORMAT_IDS);
