import type { SearchMatch } from '../../shared/directory/search';
import { visibleText } from '../../shared/text/visible-text';

/** The text with matched ranges in <mark>. Text nodes only: names from AWS are never parsed as HTML. */
export function Highlight({
  text: stored,
  field,
  matches,
}: {
  text: string;
  field: SearchMatch['field'];
  matches: readonly SearchMatch[];
}) {
  // Same length as the stored text, so the match ranges still apply.
  const text = visibleText(stored);
  const ranges = matches.filter((m) => m.field === field);
  if (ranges.length === 0) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const { start, end } of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
