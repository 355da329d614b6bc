import { formatDay, requireDay, type Day } from './days.js';
import type { CalendarEvent } from './ical.js';
import { renewalDay, type ContractTerm } from './schedule.js';

/** Contracts → the events of the renewals calendar feed (see ical.ts). */

export interface FeedContract extends ContractTerm {
	id: string;
	name: string;
	deletedAt?: string | null;
}

export interface FeedItem {
	contract: FeedContract;
	/** the customer (customer contracts) or vendor (vendor contracts); null when unknown */
	counterparty: string | null;
	/** the contract's page in the app */
	url?: string | null;
}

/**
 * Each contract's next renewal and its notice deadline, and for auto-renewing
 * contracts the renewal after that as well, so a deadline soon after this renewal
 * is already in the calendar. A contract with no notice period gets no deadline
 * event: its last day to cancel is the renewal itself, already an event.
 */
export function renewalEvents(items: Iterable<FeedItem>, today: string): CalendarEvent[] {
	const day = requireDay(today);
	const events: CalendarEvent[] = [];
	for (const item of items) {
		if (!item.contract.deletedAt) events.push(...contractEvents(item, day));
	}
	return events;
}

function contractEvents(item: FeedItem, today: Day): CalendarEvent[] {
	const next = renewalDay(item.contract, today);
	if (next === null) return [];
	const following = item.contract.autoRenew ? renewalDay(item.contract, next + 1) : null;
	const renewals = following === null ? [next] : [next, following];
	return renewals.flatMap((renewal) => renewalAndDeadline(item, renewal));
}

function renewalAndDeadline(item: FeedItem, renewal: Day): CalendarEvent[] {
	const notice = item.contract.noticeDays ?? 0;
	const events = [renewalEvent(item, formatDay(renewal))];
	if (notice > 0) events.push(deadlineEvent(item, formatDay(renewal - notice), formatDay(renewal), notice));
	return events;
}

function label({ contract, counterparty }: FeedItem): string {
	return counterparty ? `${contract.name} (${counterparty})` : contract.name;
}

function renewalEvent(item: FeedItem, date: string): CalendarEvent {
	const { id, autoRenew, termMonths } = item.contract;
	return {
		uid: `${id}-renewal-${date}@stackdesk`,
		date,
		summary: `Renewal: ${label(item)}`,
		description: autoRenew
			? `Renews automatically${termMonths ? ` for ${plural(termMonths, 'month')}` : ''}.`
			: 'The term ends; the contract does not renew automatically.',
		url: item.url
	};
}

function deadlineEvent(item: FeedItem, date: string, renewal: string, notice: number): CalendarEvent {
	return {
		uid: `${item.contract.id}-notice-${date}@stackdesk`,
		date,
		summary: `Notice deadline: ${label(item)}`,
		description: `Last day to give notice (${plural(notice, 'day')}) before the renewal on ${renewal}.`,
		url: item.url,
		alarm: true
	};
}

function plural(count: number, unit: string): string {
	return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
