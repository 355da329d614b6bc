import type { GanttLayout } from './gantt.js';

/**
 * The part of a Gantt chart on screen: only the rows in view (and a few on
 * either side) are drawn, so a plan of 500 tasks costs the DOM of a screenful.
 * The chart keeps its full size, so the scroll bar and scrolling stay true.
 * A bar focused with Tab at the edge scrolls into view, which moves the
 * window on, so every bar is still reached by keyboard.
 */

/** rows drawn beyond each edge of the view */
export const OVERSCAN_ROWS = 8;

export interface RowWindow {
	/** first and last row drawn (inclusive) */
	first: number;
	last: number;
}

/** The rows drawn for a scroll position; `head` is the height of the week header above row 0. */
export function rowWindow(scrollTop: number, viewHeight: number, rowCount: number, row: number, head: number): RowWindow {
	const first = Math.max(0, Math.floor((scrollTop - head) / row) - OVERSCAN_ROWS);
	const last = Math.min(rowCount - 1, Math.ceil((scrollTop + viewHeight - head) / row) + OVERSCAN_ROWS);
	return { first, last: Math.max(first - 1, last) };
}

const within = (window: RowWindow, row: number) => row >= window.first && row <= window.last;

/** What of the layout is drawn in the window: its rows, bars, phase spans, and the arrows that cross it. */
export function inWindow(layout: GanttLayout, window: RowWindow) {
	return {
		rows: layout.rows.slice(window.first, window.last + 1).map((row, i) => ({ row, index: window.first + i })),
		bars: layout.bars.filter((b) => within(window, b.row)),
		spans: layout.spans.filter((s) => within(window, s.row)),
		arrows: layout.arrows.filter((a) => Math.min(a.fromRow, a.toRow) <= window.last && Math.max(a.fromRow, a.toRow) >= window.first)
	};
}
