// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Portal } from '../../shared/portals/portal';
import type { Actions } from '../../ui/actions';
import { PortalInTab } from './portal-in-tab';

vi.mock('../../shared/browser', () => ({ browser: {} }));
afterEach(cleanup);

const CLASSIC = 'https://d-9067c0ffee.awsapps.com/start';
const fakeActions = () => {
  const addPortal = vi.fn(async () => ({ ok: true as const, portal: {} as Portal }));
  return { actions: { addPortal } as unknown as Actions, addPortal };
};
const portal = (over: Partial<Portal>): Portal => ({
  id: 'p1',
  startUrl: CLASSIC,
  region: 'eu-west-1',
  ...over,
});

describe('PortalInTab', () => {
  it('offers the tab’s portal filled in, and adds it with the region the page named', async () => {
    const { actions, addPortal } = fakeActions();
    render(
      <PortalInTab
        actions={actions}
        found={{ startUrl: CLASSIC, region: 'eu-west-1', regionFrom: 'page' }}
        portals={[]}
      />,
    );
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Start URL' }).value).toBe(CLASSIC);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Identity Center region' }).value).toBe(
      'eu-west-1',
    );
    screen.getByText('Read from the portal page.');
    screen.getByText('From the active tab.');
    fireEvent.click(screen.getByRole('button', { name: 'Add this portal' }));
    await waitFor(() => expect(addPortal).toHaveBeenCalledWith({ startUrl: CLASSIC, region: 'eu-west-1' }));
  });

  it('leaves the region to the user, focused, when nothing named it', () => {
    const { actions } = fakeActions();
    render(
      <PortalInTab
        actions={actions}
        found={{ startUrl: CLASSIC, region: null, regionFrom: null }}
        portals={[]}
      />,
    );
    const region = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Identity Center region' });
    expect(region.value).toBe('');
    expect(document.activeElement).toBe(region);
    expect(screen.queryByText('Read from the portal page.')).toBeNull();
  });

  it('recognises a portal already added by that start URL, or by a vanity address resolved to it', () => {
    const { actions } = fakeActions();
    const found = { startUrl: CLASSIC, region: 'eu-west-1', regionFrom: 'page' as const };
    for (const added of [
      portal({}),
      portal({ startUrl: 'https://aws.example-corp.com', resolvedStartUrl: CLASSIC }),
    ]) {
      render(<PortalInTab actions={actions} found={found} portals={[added]} />);
      expect(screen.getByRole('status').textContent).toContain('This portal is already added');
      expect(screen.queryByRole('button', { name: 'Add this portal' })).toBeNull();
      cleanup();
    }
    render(
      <PortalInTab
        actions={actions}
        found={found}
        portals={[portal({ startUrl: 'https://other.awsapps.com/start' })]}
      />,
    );
    screen.getByRole('button', { name: 'Add this portal' });
  });
});
