import { formatDay, parseDay, type Day } from '../contracts/days.js';
import { ganttOrder } from './dependencies.js';

/**
 * The Gantt chart's layout as plain numbers, so the component only draws:
 * rows (a heading per phase, then its tasks in dependency order), bars in
 * days from the window's first day, dependency arrows, milestones, the
 * window and the today line. Every bar covers whole days, its start and due
 * day included, so a drag moves it by whole days.
 */

export interface GanttTaskInput {
	id: string;
	title: string;
	start: string | null;
	due: string | null;
	estimateMinutes: number | null;
	dependencies: readonly string[];
	phaseId: string | null;
	milestone: boolean;
	rank: string | null;
	done?: boolean;
}

export interface GanttPhaseInput {
	id: string;
	name: string;
	rank: string | null;
	start: string | null;
	due: string | null;
}

export type GanttRow = { kind: 'phase'; id: string; name: string } | { kind: 'task'; id: string; title: string; phaseId: string | null };

/**
 * One task's bar. `estimated`: only one of start and due is set and the other
 * end comes from the estimate (a day per eight hours); such a bar still drags.
 */
export interface GanttBar {
	id: string;
	row: number;
	/** days from the window's first day */
	x: number;
	width: number;
	start: string;
	end: string;
	milestone: boolean;
	estimated: boolean;
	done: boolean;
}

/** A phase's span: its own dates, else those of its tasks. */
export interface GanttSpan {
	id: string;
	row: number;
	x: number;
	width: number;
}

export interface GanttArrow {
	from: string;
	to: string;
	fromRow: number;
	toRow: number;
	/** the end of the predecessor's bar */
	fromX: number;
	/** the start of the successor's bar */
	toX: number;
	/** the successor starts before its predecessor ends */
	violated: boolean;
}

export interface GanttLayout {
	/** first and last day shown (inclusive) and how many */
	window: { start: string; end: string; days: number };
	rows: GanttRow[];
	bars: GanttBar[];
	spans: GanttSpan[];
	arrows: GanttArrow[];
	/** the first day of each week (Monday) in the window */
	weeks: { x: number; date: string }[];
	/** today's x, or null when outside the window */
	today: number | null;
	/** tasks without a date, listed but with no bar */
	unscheduled: number;
}

export const WORKDAY_MINUTES = 8 * 60;
/** days shown before the first bar and after the last, so neither sits on the edge */
const PAD_DAYS = 3;
/** the window of a project with nothing dated yet: two weeks from today */
const EMPTY_DAYS = 14;
const NO_PHASE = '';

/** How many days a task with only one date spans: a day per working day of estimate, at least one. */
export function estimateDays(estimateMinutes: number | null): number {
	return Math.max(1, Math.ceil((estimateMinutes ?? 0) / WORKDAY_MINUTES));
}

interface Span {
	first: Day;
	last: Day;
	estimated: boolean;
}

/** A task's first and last day, or null when it has no date. A due before its start counts as the start. */
function spanOf(task: GanttTaskInput): Span | null {
	const start = parseDay(task.start);
	const due = parseDay(task.due);
	if (task.milestone) {
		const day = due ?? start;
		return day === null ? null : { first: day, last: day, estimated: false };
	}
	if (start !== null && due !== null) return { first: start, last: Math.max(start, due), estimated: false };
	const days = estimateDays(task.estimateMinutes);
	if (start !== null) return { first: start, last: start + days - 1, estimated: true };
	if (due !== null) return { first: due - days + 1, last: due, estimated: true };
	return null;
}

const compare = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

/** Monday on or before `day` (day 0, 1970-01-01, was a Thursday). */
const mondayOf = (day: Day) => day - ((((day + 3) % 7) + 7) % 7);

export function ganttLayout(tasks: readonly GanttTaskInput[], phases: readonly GanttPhaseInput[], today: string): GanttLayout {
	const spans = new Map<string, Span>();
	for (const task of tasks) {
		const span = spanOf(task);
		if (span) spans.set(task.id, span);
	}
	const todayDay = parseDay(today);
	if (todayDay === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${today}`);

	// phases in rank order, then the tasks of no (or of a removed) phase
	const ordered = [...phases].sort((a, b) => compare(a.rank, b.rank) || compare(a.id, b.id));
	const known = new Set(ordered.map((p) => p.id));
	const groups = new Map<string, GanttTaskInput[]>([...ordered.map((p) => [p.id, []] as [string, GanttTaskInput[]]), [NO_PHASE, []]]);
	for (const task of ganttOrder(tasks)) groups.get(task.phaseId && known.has(task.phaseId) ? task.phaseId : NO_PHASE)!.push(task);

	const phaseDays = new Map<string, Span>();
	for (const phase of ordered) {
		const [start, due] = [parseDay(phase.start), parseDay(phase.due)];
		const own = start !== null && due !== null ? { first: start, last: Math.max(start, due), estimated: false } : null;
		const children = groups.get(phase.id)!.flatMap((t) => spans.get(t.id) ?? []);
		const span = own ?? (children.length ? { first: Math.min(...children.map((s) => s.first)), last: Math.max(...children.map((s) => s.last)), estimated: false } : null);
		if (span) phaseDays.set(phase.id, span);
	}

	const dated = [...spans.values(), ...phaseDays.values()];
	const first = dated.length ? Math.min(...dated.map((s) => s.first)) - PAD_DAYS : todayDay;
	const last = dated.length ? Math.max(...dated.map((s) => s.last)) + PAD_DAYS : todayDay + EMPTY_DAYS - 1;
	const origin = mondayOf(first);

	const rows: GanttRow[] = [];
	const bars: GanttBar[] = [];
	const phaseSpans: GanttSpan[] = [];
	for (const phase of [...ordered, null]) {
		const members = groups.get(phase?.id ?? NO_PHASE)!;
		if (phase) {
			const span = phaseDays.get(phase.id);
			if (span) phaseSpans.push({ id: phase.id, row: rows.length, x: span.first - origin, width: span.last - span.first + 1 });
			rows.push({ kind: 'phase', id: phase.id, name: phase.name });
		} else if (members.length && ordered.length) rows.push({ kind: 'phase', id: NO_PHASE, name: 'No phase' });
		for (const task of members) {
			const row = rows.length;
			rows.push({ kind: 'task', id: task.id, title: task.title, phaseId: phase?.id ?? null });
			const span = spans.get(task.id);
			if (!span) continue;
			bars.push({
				id: task.id,
				row,
				x: span.first - origin,
				width: span.last - span.first + 1,
				start: formatDay(span.first),
				end: formatDay(span.last),
				milestone: task.milestone,
				estimated: span.estimated,
				done: task.done ?? false
			});
		}
	}

	const barOf = new Map(bars.map((b) => [b.id, b]));
	const taskOf = new Map(tasks.map((t) => [t.id, t]));
	const arrows: GanttArrow[] = [];
	for (const bar of bars) {
		for (const dependency of new Set(taskOf.get(bar.id)?.dependencies ?? [])) {
			const before = barOf.get(dependency);
			if (!before) continue;
			const fromX = before.x + before.width;
			arrows.push({ from: before.id, to: bar.id, fromRow: before.row, toRow: bar.row, fromX, toX: bar.x, violated: bar.x < fromX });
		}
	}

	const weeks: GanttLayout['weeks'] = [];
	for (let day = origin; day <= last; day += 7) weeks.push({ x: day - origin, date: formatDay(day) });
	const days = last - origin + 1;
	return {
		window: { start: formatDay(origin), end: formatDay(last), days },
		rows,
		bars,
		spans: phaseSpans,
		arrows,
		weeks,
		today: todayDay >= origin && todayDay <= last ? todayDay - origin : null,
		unscheduled: tasks.length - spans.size
	};
}

/** The new start and due of a bar dragged `days` along: both move together. */
export function shiftDates(task: Pick<GanttTaskInput, 'start' | 'due'>, bar: Pick<GanttBar, 'start' | 'end'>, days: number): { start: string; due: string } {
	const start = parseDay(task.start ?? bar.start)!;
	const due = parseDay(task.due ?? bar.end)!;
	return { start: formatDay(start + days), due: formatDay(due + days) };
}

/** The due date after dragging a bar's end `days` along; never before its start. */
export function stretchDue(bar: Pick<GanttBar, 'start' | 'end'>, days: number): { due: string } {
	return { due: formatDay(Math.max(parseDay(bar.start)!, parseDay(bar.end)! + days)) };
}
