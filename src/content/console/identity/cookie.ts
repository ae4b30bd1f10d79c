import { validRegion } from './host';
import { parseArn } from './names';
import { NO_SIGNAL, type Signal } from './types';

/**
 * Console cookies readable by page script (protocol doc §5): `aws-userInfo` = URL-encoded JSON whose `arn`
 * names account, partition and role (`username` is percent-encoded twice and adds nothing the ARN lacks), and
 * `noflush_Region` = the console region. Values come from `document.cookie`, passed in for testability.
 */

/** A real `aws-userInfo` is about 600 bytes; browsers cap a cookie at 4 kB anyway. */
const MAX_VALUE = 8192;

function cookieValues(cookie: string, name: string): string[] {
  if (typeof cookie !== 'string') return [];
  const prefix = `${name}=`;
  return cookie
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith(prefix) && entry.length <= prefix.length + MAX_VALUE)
    .map((entry) => entry.slice(prefix.length));
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function userInfoSignal(value: string): Signal | null {
  const json = decode(value);
  if (!json) return null;
  try {
    const info: unknown = JSON.parse(json);
    if (!info || typeof info !== 'object') return null;
    const arn = parseArn((info as { arn?: unknown }).arn);
    return arn ? { ...NO_SIGNAL, ...arn } : null;
  } catch {
    return null;
  }
}

/**
 * One signal per `aws-userInfo` cookie, in `document.cookie` order. There can be two with one name: a
 * multi-session host sees its own host-only cookie and the single-session one set on the console apex
 * (the emulator does this), so the caller picks the one whose account fits the host.
 */
export function readUserInfoCookies(cookie: string): Signal[] {
  return cookieValues(cookie, 'aws-userInfo')
    .map(userInfoSignal)
    .filter((signal): signal is Signal => signal !== null);
}

export function readRegionCookie(cookie: string): string | null {
  for (const value of cookieValues(cookie, 'noflush_Region')) {
    const region = validRegion(decode(value));
    if (region) return region;
  }
  return null;
}
