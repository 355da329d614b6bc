/**
 * A ticket's (or task's) logged time: the server's sums per person and week,
 * from the projected entries, with the signed-in person's own weeks that this
 * device holds counted from the device instead. An entry logged offline then
 * counts at once, and an entry the server already has is not counted twice:
 * for those weeks the local sum replaces the server's.
 */

export interface WeekMinutes {
	userId: string;
	week: string;
	minutes: number;
}

export interface LoggedTotals {
	total: number;
	/** per person, the most first */
	people: { userId: string; minutes: number }[];
}

/** Merges the server's figures with the local sums of `me`'s weeks held here (week → minutes). */
export function mergeLogged(server: readonly WeekMinutes[], me: string, local: ReadonlyMap<string, number>): LoggedTotals {
	const byPerson = new Map<string, number>();
	const add = (userId: string, minutes: number) => minutes > 0 && byPerson.set(userId, (byPerson.get(userId) ?? 0) + minutes);
	for (const row of server) if (!(row.userId === me && local.has(row.week))) add(row.userId, row.minutes);
	for (const minutes of local.values()) add(me, minutes);
	const people = [...byPerson].map(([userId, minutes]) => ({ userId, minutes })).sort((a, b) => b.minutes - a.minutes || a.userId.localeCompare(b.userId));
	return { total: people.reduce((sum, p) => sum + p.minutes, 0), people };
}
