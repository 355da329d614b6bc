import { nextWeek, previousWeek, weekDays, weekOfDate, type IsoWeek } from '../timesheet/weeks.js';
import { availabilityOver, DEFAULT_CAPACITY, splitMinutes, workingDays, type TimeOffSpan, type WeekCapacity } from './capacity.js';

/**
 * The workload view's arithmetic: per person and ISO week, the time they have
 * (capacity less approved time off), the time booked for them (project task
 * estimates and ticket visits) and the time they logged. All in minutes.
 */

/** A visit booked for a day with no length counts as an hour: booked is booked, even if nobody said how long. */
export const UNTIMED_VISIT_MINUTES = 60;

export interface Person {
	userId: string;
	name: string;
}

/** One assignee's part of an open task with an estimate. */
export interface TaskLoad {
	userId: string;
	estimateMinutes: number;
	start: string | null;
	due: string | null;
	/** this assignee's place among the task's assignees (0 first) and how many share it */
	position: number;
	assignees: number;
}

export interface DayMinutes {
	userId: string;
	date: string;
	minutes: number;
}

/** A person's visits on a day: the minutes of those with a length, and how many have none. */
export interface VisitDay extends DayMinutes {
	untimed: number;
}

export interface WorkloadSources {
	weeks: readonly IsoWeek[];
	people: readonly Person[];
	/** people with no entry work the default week */
	capacity: ReadonlyMap<string, WeekCapacity>;
	/** approved time off only */
	timeOff: readonly (TimeOffSpan & { userId: string })[];
	tasks: readonly TaskLoad[];
	visits: readonly VisitDay[];
	logged: readonly DayMinutes[];
}

export interface WorkloadCell {
	week: IsoWeek;
	capacity: number;
	timeOff: number;
	available: number;
	tasks: number;
	visits: number;
	/** tasks + visits */
	scheduled: number;
	logged: number;
	/** more booked than the person has that week */
	over: boolean;
}

export interface WorkloadRow extends Person {
	cells: WorkloadCell[];
}

/**
 * The minutes of one assignee's part of a task on each of its days: spread
 * evenly over the days from its start to its due date that the person works.
 * A task with one of the two dates sits on that day; one whose days are all
 * off (a weekend) sits on its last day, so its hours still show somewhere.
 */
export function taskDays(task: TaskLoad, capacity: WeekCapacity): Map<string, number> {
	const days = new Map<string, number>();
	const dates = [task.start, task.due].filter((d): d is string => d !== null).sort();
	if (dates.length === 0 || task.estimateMinutes <= 0 || task.assignees <= 0) return days;
	const [first, last] = [dates[0], dates[dates.length - 1]];
	const share = splitMinutes(task.estimateMinutes, task.assignees)[task.position] ?? 0;
	const worked = workingDays(capacity, first, last);
	const on = worked.length > 0 ? worked : [last];
	splitMinutes(share, on.length).forEach((minutes, i) => days.set(on[i], minutes));
	return days;
}

const emptyCell = (week: IsoWeek): WorkloadCell => ({ week, capacity: 0, timeOff: 0, available: 0, tasks: 0, visits: 0, scheduled: 0, logged: 0, over: false });

/** A row per person (in the order given) with a cell per week. */
export function workload(sources: WorkloadSources): WorkloadRow[] {
	const weekIndex = new Map(sources.weeks.map((week, i) => [week as string, i]));
	const rows = new Map<string, WorkloadRow>(
		sources.people.map((person) => {
			const capacity = sources.capacity.get(person.userId) ?? DEFAULT_CAPACITY;
			const spans = sources.timeOff.filter((t) => t.userId === person.userId);
			const cells = sources.weeks.map((week) => ({ ...emptyCell(week), ...availabilityOver(capacity, spans, weekDays(week)) }));
			return [person.userId, { ...person, cells }];
		})
	);
	const cellOf = (userId: string, date: string) => {
		const i = weekIndex.get(weekOfDate(date));
		return i === undefined ? undefined : rows.get(userId)?.cells[i];
	};
	for (const task of sources.tasks) {
		for (const [date, minutes] of taskDays(task, sources.capacity.get(task.userId) ?? DEFAULT_CAPACITY)) {
			const cell = cellOf(task.userId, date);
			if (cell) cell.tasks += minutes;
		}
	}
	for (const visit of sources.visits) {
		const cell = cellOf(visit.userId, visit.date);
		if (cell) cell.visits += visit.minutes + visit.untimed * UNTIMED_VISIT_MINUTES;
	}
	for (const entry of sources.logged) {
		const cell = cellOf(entry.userId, entry.date);
		if (cell) cell.logged += entry.minutes;
	}
	for (const row of rows.values()) {
		for (const cell of row.cells) {
			cell.scheduled = cell.tasks + cell.visits;
			cell.over = cell.scheduled > cell.available;
		}
	}
	return [...rows.values()];
}

/** The weeks the view shows: `back` before the week of `today`, that week, and `ahead` after it. */
export function workloadWeeks(today: string, back = 2, ahead = 5): IsoWeek[] {
	let week = weekOfDate(today);
	for (let i = 0; i < back; i++) week = previousWeek(week);
	const weeks = [week];
	while (weeks.length < back + 1 + ahead) weeks.push(nextWeek(weeks[weeks.length - 1]));
	return weeks;
}
