import { judgeStartUrlHost } from '../../shared/aws/host-trust';

/**
 * A start URL as the import preview shows it: the host, which decides who runs the site, in bold, and a note
 * saying whose host it is. The note names the host in words too, so a screen reader hears it, not just a bold
 * run inside a URL.
 */

function parts(url: string): { before: string; host: string; after: string } {
  if (!URL.canParse(url)) return { before: '', host: url, after: '' };
  const { protocol, hostname } = new URL(url);
  const start = url.indexOf(hostname);
  if (start < 0) return { before: `${protocol}//`, host: hostname, after: '' };
  return { before: url.slice(0, start), host: hostname, after: url.slice(start + hostname.length) };
}

export function StartUrl({ url }: { url: string }) {
  const { before, host, after } = parts(url);
  return (
    <span class="start-url">
      {before}
      <strong class="start-url-host">{host}</strong>
      {after}
    </span>
  );
}

interface HostNoteProps {
  startUrl: string;
  resolvedStartUrl?: string | undefined;
  id?: string;
}

/** Whose host this is: an AWS portal (quiet), a company address and where it leads, or a look-alike (danger). */
export function HostNote({ startUrl, resolvedStartUrl, id }: HostNoteProps) {
  const trust = judgeStartUrlHost(startUrl, resolvedStartUrl);
  const host = <strong>{trust.host}</strong>;
  if (trust.kind === 'aws') {
    return (
      <p id={id} class="host-note host-aws">
        {host} is an AWS access portal address.
      </p>
    );
  }
  if (trust.kind === 'company') {
    return (
      <p id={id} class="host-note host-company">
        {host} is not an AWS address: it is a company address (a vanity domain) that must lead to an AWS
        access portal.{' '}
        {trust.landsOn ? (
          <>
            The file says it leads to <StartUrl url={trust.landsOn} />, an AWS access portal: sign-ins go
            there.
          </>
        ) : (
          'Where it leads is checked at the first sign-in.'
        )}
      </p>
    );
  }
  return (
    <p id={id} class="host-note host-look-alike">
      <span aria-hidden="true">⚠ </span>
      <strong class="host-note-title">Warning: not an AWS address.</strong> {host} only looks like one:{' '}
      {trust.owner ? (
        <>
          it begins with <strong>{trust.imitates}</strong>, but the site belongs to{' '}
          <strong>{trust.owner}</strong>.
        </>
      ) : (
        <>
          it contains “<strong>{trust.imitates}</strong>” but is not on an AWS domain.
        </>
      )}{' '}
      Do not import it unless your administrator gave you this address.
    </p>
  );
}
