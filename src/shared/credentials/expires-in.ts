/**
 * "expires in 58 min" for the popup. Rounds down so it never promises more time than is left, and says
 * "expired" once the moment has passed (the CLI would refuse the credentials then).
 */
export function expiresInText(expiration: number, now: number): string {
  const minutesLeft = Math.floor((expiration - now) / 60_000);
  if (expiration <= now) return 'expired';
  if (minutesLeft < 1) return 'expires in less than 1 min';
  if (minutesLeft < 60) return `expires in ${minutesLeft} min`;
  const hours = Math.floor(minutesLeft / 60);
  const minutes = minutesLeft % 60;
  return minutes === 0 ? `expires in ${hours} h` : `expires in ${hours} h ${minutes} min`;
}
