import { useRef } from 'preact/hooks';
import { queryKey } from '../../shared/directory/search';

/**
 * The query the list shows results for: the typed text, except that while its words stay the same (a trailing
 * space, a doubled space, a repeated word) it stays the text that was last searched. The list then keeps its
 * rows as they are instead of searching, building rows and redrawing them for an identical result.
 */
export function useSearchedQuery(query: string): string {
  const key = queryKey(query);
  const last = useRef({ query, key });
  if (last.current.key !== key) last.current = { query, key };
  return last.current.query;
}
