import { describe, expect, it } from 'vitest';
import { bannerText } from './device-banner';

describe('bannerText: the three things the banner ever says', () => {
  it('confirms our own sign-in, with the code to compare', () => {
    expect(bannerText({ code: 'RHHX-BCTS', check: { ours: true, portalName: 'Acme' } })).toEqual({
      kind: 'ours',
      title: 'AWS SSO Switcher: this is the sign-in you started (Acme).',
      detail: 'Check that AWS shows the same code as the extension: RHHX-BCTS.',
    });
  });

  it('warns about a code someone else started', () => {
    const text = bannerText({ code: 'QWER-TYUI', check: { ours: false } });
    expect(text.kind).toBe('foreign');
    expect(text.title).toBe(
      'Warning: the code QWER-TYUI is not from a sign-in you started in AWS SSO Switcher.',
    );
    expect(text.detail).toContain('do not approve it');
  });

  it('says when it found no code, and where to compare', () => {
    expect(bannerText({ code: null })).toEqual({
      kind: 'none',
      title: 'AWS SSO Switcher: no sign-in code found here.',
      detail: 'Compare the code AWS shows with the code in the AWS SSO Switcher popup before you approve.',
    });
  });
});
