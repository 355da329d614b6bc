/** What deciding "my tickets" needs of a ticket row and a visit row. */
export interface MineTicket {
	docName: string;
	assignee: string | null;
	status: string | null;
	deletedAt: string | null;
}

export interface MineVisit {
	docName: string;
	userId: string;
	day: string;
	deletedAt: string | null;
}

/**
 * The ticket documents a person keeps on their device without asking (a tech
 * on a site with no signal): open tickets assigned to them, and open tickets
 * on their days on the dispatch board from `sinceDay` on. `tickets` holds the
 * rows of both (a visit's ticket may be assigned to someone else).
 */
export function myTicketDocs(
	userId: string,
	tickets: readonly MineTicket[],
	visits: readonly MineVisit[],
	done: ReadonlySet<string>,
	sinceDay: string
): string[] {
	const open = new Map(tickets.filter((t) => !t.deletedAt && !(t.status !== null && done.has(t.status))).map((t) => [t.docName, t]));
	const mine = new Set<string>();
	for (const ticket of open.values()) if (ticket.assignee === userId) mine.add(ticket.docName);
	for (const visit of visits) {
		if (visit.userId === userId && !visit.deletedAt && visit.day >= sinceDay && open.has(visit.docName)) mine.add(visit.docName);
	}
	return [...mine].sort();
}

/** The day before `now` in UTC: no time zone's today is earlier, so a visit today anywhere counts. */
export function dayBefore(now: Date): string {
	return new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
