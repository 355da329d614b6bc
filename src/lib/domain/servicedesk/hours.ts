import { ALWAYS_OPEN, type BusinessCalendar, type OpeningSpan } from '../sla/business-time.js';
import type { SlaPolicy } from '../sla/clock.js';
import type { CalendarRecord, SlaPolicyRecord, StatusRecord } from './settings.js';

/**
 * Opening hours as people write them: "Mon-Fri 09:00-17:00", several parts
 * separated by ";" or new lines ("Mon-Fri 08:00-12:00, 13:00-17:00; Sat
 * 09:00-12:00"), or "24x7". Parsed into the weekly spans of a business calendar.
 */

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export type ParsedHours = { week: OpeningSpan[][] } | { error: string };

function dayIndex(name: string): number {
	return DAYS.indexOf(name.slice(0, 3).toLowerCase());
}

function days(text: string): number[] | null {
	const out: number[] = [];
	for (const part of text.split(',')) {
		const [from, to] = part.split('-').map((d) => dayIndex(d.trim()));
		if (from < 0 || (to !== undefined && to < 0)) return null;
		if (to === undefined) out.push(from);
		// Fri-Mon wraps over the weekend
		else for (let d = from; ; d = (d + 1) % 7) {
			out.push(d);
			if (d === to) break;
		}
	}
	return out;
}

function minutesOf(clock: string): number | null {
	const match = /^(\d{1,2}):(\d{2})$/.exec(clock.trim());
	if (!match) return null;
	const [h, m] = [Number(match[1]), Number(match[2])];
	return h <= 24 && m < 60 && h * 60 + m <= 1440 ? h * 60 + m : null;
}

export function parseHours(text: string): ParsedHours {
	const week: OpeningSpan[][] = Array.from({ length: 7 }, () => []);
	if (text.trim().toLowerCase() === '24x7') return { week: ALWAYS_OPEN.week.map((d) => [...d]) };
	for (const part of text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
		const match = /^([A-Za-z,\s-]+?)\s+(\d.*)$/.exec(part);
		const which = match && days(match[1].replace(/\s/g, ''));
		if (!match || !which) return { error: `“${part}” does not start with days such as Mon-Fri` };
		for (const span of match[2].split(',')) {
			const [open, close] = span.split('-').map((c) => minutesOf(c ?? ''));
			if (open === null || close === null || open === undefined || close === undefined || close <= open) {
				return { error: `“${span.trim()}” is not a span such as 09:00-17:00` };
			}
			for (const d of which) week[d].push([open, close]);
		}
	}
	for (const day of week) day.sort((a, b) => a[0] - b[0]);
	return { week };
}

/** The closed days of a calendar: every YYYY-MM-DD in the text. */
export function parseHolidays(text: string | null): Set<string> {
	return new Set(text?.match(/\d{4}-\d{2}-\d{2}/g) ?? []);
}

/** Whether the runtime knows the IANA zone (a calendar typed elsewhere may name one that does not exist). */
export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** A calendar record as a business calendar; round the clock when its hours or its zone cannot be read. */
export function businessCalendar(record: CalendarRecord | undefined): BusinessCalendar {
	if (!record || !isTimeZone(record.timeZone)) return ALWAYS_OPEN;
	const hours = parseHours(record.hours);
	return 'error' in hours ? ALWAYS_OPEN : { timeZone: record.timeZone, week: hours.week, holidays: parseHolidays(record.holidays) };
}

const PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;
const cap = (p: string) => p[0].toUpperCase() + p.slice(1);

/** A policy record with its calendar and the tenant's statuses, as the SLA clock reads it. */
export function slaPolicy(record: SlaPolicyRecord, calendar: CalendarRecord | undefined, statuses: readonly Pick<StatusRecord, 'id' | 'pausesSla' | 'done' | 'deletedAt'>[]): SlaPolicy {
	const live = statuses.filter((s) => !s.deletedAt);
	const field = (kind: 'firstResponse' | 'resolution', p: string) => record[`${kind}${cap(p)}` as keyof SlaPolicyRecord] as number | null;
	return {
		calendar: businessCalendar(calendar),
		targets: Object.fromEntries(PRIORITIES.map((p) => [p, { firstResponse: field('firstResponse', p), resolution: field('resolution', p) }])),
		pausedStatuses: new Set(live.filter((s) => s.pausesSla).map((s) => s.id)),
		doneStatuses: new Set(live.filter((s) => s.done).map((s) => s.id)),
		atRiskShare: 0.25
	};
}
