import type { SearchMatch } from '../../shared/directory/search';

/** The text with matched ranges in <mark>. Text nodes only: names from AWS are never parsed as HTML. */
export function Highlight({
  text,
  field,
  matches,
}: {
  text: string;
  field: SearchMatch['field'];
  matches: readonly SearchMatch[];
}) {
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
