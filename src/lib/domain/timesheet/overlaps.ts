/**
 * Entries of one person that take the same time twice: a pure check over a
 * week's entries. Only entries with a time of day can overlap; "90 minutes on
 * Tuesday" has no place on the clock. Touching entries (9:00–10:00, 10:00–11:00)
 * do not overlap.
 */

export interface TimedEntry {
	id: string;
	date: string;
	startMinute: number | null;
	endMinute: number | null;
	deletedAt?: string | null;
}

export interface Overlap {
	a: string;
	b: string;
	date: string;
	message: string;
}

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const span = (e: Timed) => `${clock(e.startMinute)}–${clock(e.endMinute)}`;

type Timed = TimedEntry & { startMinute: number; endMinute: number };

const timed = (e: TimedEntry): e is Timed => !e.deletedAt && e.startMinute !== null && e.endMinute !== null;

export function findOverlaps(entries: readonly TimedEntry[]): Overlap[] {
	const sorted = entries.filter(timed).sort((x, y) => x.date.localeCompare(y.date) || x.startMinute - y.startMinute || x.id.localeCompare(y.id));
	const overlaps: Overlap[] = [];
	for (let i = 0; i < sorted.length; i++) {
		for (let j = i + 1; j < sorted.length && sorted[j].date === sorted[i].date && sorted[j].startMinute < sorted[i].endMinute; j++) {
			const [a, b] = [sorted[i], sorted[j]];
			overlaps.push({ a: a.id, b: b.id, date: a.date, message: `on ${a.date}, ${span(a)} overlaps ${span(b)}` });
		}
	}
	return overlaps;
}
