import { createHash, X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface Certificate {
  keyPem: string;
  certPem: string;
  /** base64 SHA-256 of the DER SubjectPublicKeyInfo (what Chromium's --ignore-certificate-errors-spki-list takes). */
  spkiSha256: string;
}

/**
 * A fresh self-signed certificate per emulator. Chromium trusts it through the SPKI flag whatever the names;
 * the AWS names are in the SAN anyway so Node clients that pin the certificate as CA also pass hostname checks
 * (a wildcard covers one label only, hence the per-region names).
 */
export async function createCertificate(region: string): Promise<Certificate> {
  const dns = [
    'localhost',
    `oidc.${region}.amazonaws.com`,
    `portal.sso.${region}.amazonaws.com`,
    `device.sso.${region}.amazonaws.com`,
    `oidc.${region}.amazonaws.com.cn`,
    `portal.sso.${region}.amazonaws.com.cn`,
    `device.sso.${region}.amazonaws.com.cn`,
    'signin.aws.amazon.com',
    '*.signin.aws.amazon.com',
    'console.aws.amazon.com',
    '*.console.aws.amazon.com',
    `*.${region}.console.aws.amazon.com`,
    'signin.amazonaws-us-gov.com',
    '*.signin.amazonaws-us-gov.com',
    'console.amazonaws-us-gov.com',
    '*.console.amazonaws-us-gov.com',
    'signin.amazonaws.cn',
    '*.signin.amazonaws.cn',
    'console.amazonaws.cn',
    '*.console.amazonaws.cn',
    // Dual-stack API hosts, instance portal domains and the European Sovereign Cloud (docs/aws-protocol.md §1).
    `oidc.${region}.api.aws`,
    `portal.sso.${region}.api.aws`,
    '*.app.aws',
    `*.${region}.portal.amazonaws.com`,
    `oidc.${region}.amazonaws.eu`,
    `portal.sso.${region}.amazonaws.eu`,
    `device.sso.${region}.amazonaws.eu`,
    'signin.amazonaws-eusc.eu',
    '*.signin.amazonaws-eusc.eu',
    'console.amazonaws-eusc.eu',
    '*.console.amazonaws-eusc.eu',
  ];
  // EC keys: generation takes milliseconds, where RSA-2048 would add noticeable time to every test file.
  const pems = await generate([{ name: 'commonName', value: 'AWS SSO Switcher local emulator' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...dns.map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  const spki = new X509Certificate(pems.cert).publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyPem: pems.private,
    certPem: pems.cert,
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
  };
}
