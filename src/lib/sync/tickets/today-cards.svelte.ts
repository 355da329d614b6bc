import { dayCards, type DayCards } from '#lib/domain/servicedesk/day-cards.js';
import type { LocalTicket } from '../db.js';
import type { DeskData } from './desk-data.svelte.js';

// the cards move on as clocks run: re-read this often
const TICK_MS = 60_000;

export type CardTicket = LocalTicket & { customerName: string | null };

/**
 * The dashboard's service desk cards: what is due, overdue, at risk and done
 * today, for the signed-in person's tickets or everyone's.
 */
export class TodayCards {
	/** only the tickets assigned to me */
	mine = $state(true);
	private now = $state(new Date());

	constructor(
		private readonly timeZone: () => string,
		/** the service desk's data, once loaded (DeskLink) */
		private readonly data: () => DeskData | null
	) {}

	/** Keeps the cards moving with the clock; returns the function that stops. */
	start(): () => void {
		const timer = setInterval(() => (this.now = new Date()), TICK_MS);
		return () => clearInterval(timer);
	}

	get ready(): boolean {
		const data = this.data();
		return !!data?.tickets.loaded && !!data.desk;
	}

	readonly cards: DayCards<CardTicket> = $derived.by(() => {
		const data = this.data();
		if (!data?.desk) return { due: [], overdue: [], atRisk: [], done: [] };
		const me = data.me;
		const rows = data.tickets.rows.filter((t) => !t.deletedAt && (!this.mine || t.assignee === me));
		const named = rows.map((t) => ({ ...t, customerName: data.customerNames.get(t.customerId ?? '') ?? null }));
		return dayCards(named, { desk: data.desk, policyOf: data.policyOf, timeZone: this.timeZone(), now: this.now });
	});
}
