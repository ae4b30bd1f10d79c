import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

interface Props<Row> {
  rows: readonly Row[];
  /** Pixel height of a row; rows of one kind share a height, so offsets are a cheap prefix sum. */
  rowHeight(row: Row): number;
  renderRow(row: Row, index: number): ComponentChildren;
  /** Height of the scrolling viewport in px. */
  height: number;
  /** Keep this row in view (keyboard navigation). */
  activeIndex?: number;
  /** Rows rendered beyond the viewport on each side, so fast scrolling shows no gaps. */
  overscan?: number;
  id?: string;
  /** Accessible name of the grid. */
  label: string;
  /** More rows are on their way (aria-busy): assistive technology waits before announcing the list. */
  busy?: boolean;
}

/**
 * A grid that renders only the rows in view: `renderRow` draws each one as a `role="row"` with its cells, and
 * says where it stands with aria-rowindex, since the grid knows its full length (aria-rowcount) but holds only a
 * few dozen rows. With 10,000 accounts × 3 roles the list has ~40,000 rows; rendering them all takes seconds,
 * rendering the ~30 in view takes a millisecond. Why a grid: docs/accessibility.md.
 */
export function VirtualList<Row>(props: Props<Row>) {
  const { rows, rowHeight, renderRow, height, activeIndex, overscan = 8 } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // The viewport's scroll position as last seen in a scroll event or set here. Reading `scrollTop` from the
  // element instead would force a style and layout pass in the middle of every render (2-5 ms of each
  // keystroke in the search box at 10,000 accounts), a pass the frame that follows does anyway.
  const position = useRef(0);
  const scrollViewport = (top: number) => {
    position.current = top;
    if (viewport.current) viewport.current.scrollTop = top;
  };

  const offsets = useMemo(() => {
    const result = new Float64Array(rows.length + 1);
    for (let i = 0; i < rows.length; i++) result[i + 1] = (result[i] ?? 0) + rowHeight(rows[i] as Row);
    return result;
  }, [rows, rowHeight]);
  const total = offsets[rows.length] ?? 0;

  useLayoutEffect(() => {
    if (activeIndex === undefined || activeIndex < 0) return;
    const top = offsets[activeIndex] ?? 0;
    const bottom = offsets[activeIndex + 1] ?? top;
    if (top < position.current) scrollViewport(top);
    else if (bottom > position.current + height) scrollViewport(bottom - height);
  }, [activeIndex, offsets, height]);

  // A new result set starts at the top.
  useEffect(() => {
    if (position.current !== 0) scrollViewport(0);
    setScrollTop(0);
  }, [rows]);

  const inViewFirst = findRow(offsets, scrollTop);
  const inViewLast = findRow(offsets, scrollTop + height);
  const first = Math.max(0, inViewFirst - overscan);
  const last = Math.min(rows.length, inViewLast + 1 + overscan);
  const visible: ComponentChildren[] = [];
  for (let i = first; i < last; i++) {
    visible.push(
      <div
        key={i}
        class="virtual-row"
        // Rows scrolled out of view are left out of the popup's first paint (src/popup/first-paint): half the
        // elements it draws before the app has loaded.
        data-snapshot={i < inViewFirst || i > inViewLast ? 'skip' : undefined}
        style={{ top: `${offsets[i]}px`, height: `${rowHeight(rows[i] as Row)}px` }}
      >
        {renderRow(rows[i] as Row, i)}
      </div>,
    );
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a <table> cannot hold the absolutely placed rows of a virtual list
    <div
      ref={viewport}
      id={props.id}
      class="virtual-list"
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length}
      aria-readonly="true"
      aria-busy={props.busy ? 'true' : undefined}
      style={{ height: `${height}px` }}
      onScroll={(e) => {
        position.current = e.currentTarget.scrollTop;
        setScrollTop(position.current);
      }}
    >
      <div class="virtual-spacer" style={{ height: `${total}px` }}>
        {visible}
      </div>
    </div>
  );
}

/** Index of the row containing pixel `y` (binary search over the prefix sums). */
function findRow(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] ?? 0) <= y) low = mid;
    else high = mid - 1;
  }
  return Math.min(low, Math.max(0, offsets.length - 2));
}
