/** `1234-5678-9012`, as the console's account menu shows an account id. */
export function formatId(id: string): string {
  return /^\d{12}$/.test(id) ? `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}` : id;
}

/** "42 min left", "3 h 5 min left", "expired". */
export function timeLeft(ms: number): string {
  if (ms <= 0) return 'session expired';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min left`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}
