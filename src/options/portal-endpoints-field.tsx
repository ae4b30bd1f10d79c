import { startUrlStack } from '../shared/aws/start-url';
import type { Portal } from '../shared/portals/portal';
import type { Actions } from '../ui/actions';

interface Props {
  actions: Actions;
  portal: Portal;
  locked: boolean;
  /** id of the text that says why it is locked. */
  lockedNote: string;
}

const STACK_NAMES = { ipv4: 'IPv4', dualstack: 'dual-stack (IPv4 and IPv6)' } as const;

/**
 * Which endpoints a portal's sign-in and calls use (docs/aws-protocol.md §1). Automatic follows the start URL; a
 * person forces dual-stack when their instance moved but they kept its old start URL (AWS's approval then fails
 * with "Something doesn't compute"), or IPv4 when their network cannot reach the dual-stack hosts.
 */
export function PortalEndpointsField({ actions, portal, locked, lockedNote }: Props) {
  const id = `endpoints-${portal.id}`;
  return (
    <p class="portal-endpoints">
      <label for={id}>Endpoints</label>{' '}
      <select
        id={id}
        value={portal.ipStack ?? 'auto'}
        disabled={locked}
        aria-describedby={locked ? lockedNote : undefined}
        onChange={(e) => {
          const value = e.currentTarget.value as 'auto' | 'ipv4' | 'dualstack';
          actions.setPortalIpStack(portal.id, value).catch(() => undefined);
        }}
      >
        <option value="auto">
          Automatic: {STACK_NAMES[startUrlStack(portal.startUrl)]}, from the start URL
        </option>
        <option value="ipv4">IPv4</option>
        <option value="dualstack">Dual-stack (IPv4 and IPv6)</option>
      </select>
    </p>
  );
}
