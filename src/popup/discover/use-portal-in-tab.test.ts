import { beforeEach, describe, expect, it, vi } from 'vitest';

const query = vi.fn();
const executeScript = vi.fn();
vi.mock('../../shared/browser', () => ({ browser: { tabs: { query }, scripting: { executeScript } } }));
const { discoverPortalInTab } = await import('./use-portal-in-tab');

const CSP = "connect-src https://portal.sso.eu-west-1.amazonaws.com 'self'";
beforeEach(() => {
  query.mockReset();
  executeScript.mockReset();
});

describe('discoverPortalInTab', () => {
  it('takes the region from the host without reading the page', async () => {
    query.mockResolvedValue([
      { id: 7, url: 'https://ssoins-7223d9a3d2ab4b6b.portal.ap-southeast-2.app.aws/#/' },
    ]);
    expect(await discoverPortalInTab([])).toEqual({
      startUrl: 'https://ssoins-7223d9a3d2ab4b6b.portal.ap-southeast-2.app.aws',
      region: 'ap-southeast-2',
      regionFrom: 'url',
    });
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('reads the page of an awsapps.com portal, in that tab only', async () => {
    query.mockResolvedValue([{ id: 7, url: 'https://acme.awsapps.com/start/#/' }]);
    executeScript.mockResolvedValue([{ result: { env: null, metaRegion: null, csp: CSP } }]);
    expect(await discoverPortalInTab([])).toEqual({
      startUrl: 'https://acme.awsapps.com/start',
      region: 'eu-west-1',
      regionFrom: 'page',
    });
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7 } }));
  });

  it('still offers the portal, region unknown, when the page cannot be read', async () => {
    query.mockResolvedValue([{ id: 7, url: 'https://acme.awsapps.com/start' }]);
    executeScript.mockRejectedValue(new Error('Cannot access contents of the page'));
    expect(await discoverPortalInTab([])).toEqual({
      startUrl: 'https://acme.awsapps.com/start',
      region: null,
      regionFrom: null,
    });
  });

  it('does not read the page of a portal already added (directly or as a vanity address resolved to it)', async () => {
    query.mockResolvedValue([{ id: 7, url: 'https://acme.awsapps.com/start/#/' }]);
    const added = {
      id: 'p1',
      startUrl: 'https://aws.example-corp.com',
      resolvedStartUrl: 'https://acme.awsapps.com/start',
      region: 'eu-west-1',
    };
    expect(await discoverPortalInTab([added])).toEqual({
      startUrl: 'https://acme.awsapps.com/start',
      region: null,
      regionFrom: null,
    });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('offers nothing for other pages, a tab without URL access, or no tab access at all', async () => {
    for (const tabs of [[{ id: 1, url: 'https://example.com/' }], [{ id: 1 }], []]) {
      query.mockResolvedValue(tabs);
      expect(await discoverPortalInTab([])).toBeNull();
    }
    query.mockRejectedValue(new Error('no access'));
    expect(await discoverPortalInTab([])).toBeNull();
    expect(executeScript).not.toHaveBeenCalled();
  });
});
