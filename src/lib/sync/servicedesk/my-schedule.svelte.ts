import { mySchedule, type ScheduleDay } from '#lib/domain/servicedesk/dispatch.js';
import { todayIn } from '#lib/domain/today.js';
import type { LocalTicket, LocalTicketVisit } from '../db.js';
import { DeskLink, type DeskData } from '../tickets/desk-data.svelte.js';
import { pullOften } from './board-session.svelte.js';

/** how far ahead a tech's schedule looks */
export const SCHEDULE_DAYS = 14;

/**
 * A tech's own visits by day (My schedule), read from the row index: the
 * visits and tickets are on the device (their tickets are kept offline by
 * keep-mine), so the page works with no signal, after a reload too.
 */
export class MySchedule {
	private readonly link = new DeskLink();
	readonly today: string;

	constructor(timeZone: string) {
		this.today = todayIn(timeZone);
	}

	get data(): DeskData | null {
		return this.link.data;
	}

	readonly days: ScheduleDay<LocalTicket, LocalTicketVisit>[] = $derived.by(() => {
		const data = this.data;
		if (!data) return [];
		const tickets = new Map(data.tickets.rows.map((t) => [t.id, t]));
		return mySchedule(data.me, tickets, data.visits.rows, this.today, SCHEDULE_DAYS);
	});

	readonly loaded = $derived(!!this.data?.tickets.loaded && !!this.data.visits.loaded);

	/** Follows the rows, and asks the server for new visits often (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		let stop = () => {};
		const unlink = this.link.start((data) => {
			stop = pullOften(data.engine);
		});
		return () => {
			unlink();
			stop();
		};
	}
}
