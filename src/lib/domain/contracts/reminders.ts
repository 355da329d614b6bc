import type { VendorContractRecord } from '../catalog/schema.js';
import { formatDay, requireDay, type Day } from './days.js';
import { leadDaysOr, tenantLeadDays, type ReminderSettings } from './lead-days.js';
import { upcomingDeadlineDay, type ContractTerm } from './schedule.js';

/**
 * Which notice-deadline reminders the server should send now. The server keeps the
 * keys it has sent; each key names the contract, the deadline and the lead time, so
 * a reminder goes out once, and the next cycle of an auto-renewing contract (a new
 * deadline) gets new keys.
 */

export type RemindableContract = ContractTerm &
	Pick<VendorContractRecord, 'id' | 'reminderDays'> & { deletedAt?: string | null };

export interface DueReminder {
	/** `${contractId}:${deadline}:${lead}`: record it once sent */
	key: string;
	contractId: string;
	/** days before the deadline this reminder was planned for */
	lead: number;
	/** the day it fell due, YYYY-MM-DD (before today when catching up) */
	date: string;
	/** the notice deadline, YYYY-MM-DD */
	deadline: string;
	/** the renewal that notice is for, YYYY-MM-DD */
	renewal: string;
}

export function reminderKey(contractId: string, deadline: string, lead: number): string {
	return `${contractId}:${deadline}:${lead}`;
}

/**
 * The reminders due today, or overdue and not yet sent (the server was down on the
 * day), for each contract's upcoming notice deadline; none for a deadline already passed.
 *
 * Only the latest reminder whose day has come is due: after downtime that spans the
 * 30- and 7-day reminders, one "7 days left" goes out, not two at once, and the
 * 30-day one is never sent (it would say less than the one already sent). O(n), one
 * key built per contract at most.
 */
export function dueReminders(
	contracts: Iterable<RemindableContract>,
	settings: ReminderSettings,
	today: string,
	alreadySent: ReadonlySet<string>
): DueReminder[] {
	const day = requireDay(today);
	const leadDaysOf = leadDaysCache(tenantLeadDays(settings));
	const due: DueReminder[] = [];
	for (const contract of contracts) {
		if (contract.deletedAt) continue;
		const reminder = currentReminder(contract, leadDaysOf(contract.reminderDays), day);
		if (reminder !== null && !alreadySent.has(reminder.key)) due.push(reminder);
	}
	return due;
}

function currentReminder(contract: RemindableContract, leadDays: readonly number[], today: Day): DueReminder | null {
	const deadline = upcomingDeadlineDay(contract, today);
	if (deadline === null) return null;
	const lead = smallestLeadReached(leadDays, deadline - today);
	if (lead === null) return null;
	const deadlineText = formatDay(deadline);
	return {
		key: reminderKey(contract.id, deadlineText, lead),
		contractId: contract.id,
		lead,
		date: formatDay(deadline - lead),
		deadline: deadlineText,
		renewal: formatDay(deadline + (contract.noticeDays ?? 0))
	};
}

/** The smallest lead time whose day has come (lead ≥ days left), from leads sorted largest first. */
function smallestLeadReached(leadDays: readonly number[], daysLeft: number): number | null {
	for (let i = leadDays.length - 1; i >= 0; i--) {
		if (leadDays[i] >= daysLeft) return leadDays[i];
	}
	return null;
}

/** Most contracts leave reminderDays blank or share a few values: parse each text once per scan. */
function leadDaysCache(tenant: readonly number[]): (text: string | null) => readonly number[] {
	const parsed = new Map<string, readonly number[]>();
	return (text) => {
		if (!text) return tenant;
		let leadDays = parsed.get(text);
		if (leadDays === undefined) parsed.set(text, (leadDays = leadDaysOr(text, tenant)));
		return leadDays;
	};
}
