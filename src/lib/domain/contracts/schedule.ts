import type { VendorContractRecord } from '../catalog/schema.js';
import { addMonths, formatDay, monthIndex, parseDay, requireDay, type Day } from './days.js';
import { DEFAULT_REMINDER_DAYS, leadDaysOr, tenantLeadDays, type ReminderSettings } from './lead-days.js';

/**
 * A contract's renewal, notice deadline and status on a given day. Vendor and
 * customer contracts share these term fields (`termFields`), so either fits.
 */
export type ContractTerm = Pick<VendorContractRecord, 'start' | 'termMonths' | 'renewalDate' | 'autoRenew' | 'noticeDays'>;

export type ContractStatus = 'ok' | 'notice-soon' | 'notice-passed' | 'expired' | 'no-dates';

export interface ReminderDate {
	/** days before the deadline */
	lead: number;
	/** when the reminder falls due, YYYY-MM-DD */
	date: string;
	/** the notice deadline it reminds of, YYYY-MM-DD */
	deadline: string;
}

/** An auto-renewing contract whose term is unknown renews yearly, the usual MSP term. */
const DEFAULT_TERM_MONTHS = 12;

/** Renewal k falls `k × step` months after `anchor`, for k ≥ first. */
interface Series {
	anchor: Day;
	first: number;
	step: number;
}

function seriesOf(contract: ContractTerm): Series | null {
	const start = parseDay(contract.start);
	const stored = parseDay(contract.renewalDate);
	const step = contract.termMonths || DEFAULT_TERM_MONTHS;
	if (stored !== null) return alignedToStart(stored, start, step) ?? { anchor: stored, first: 0, step };
	return start !== null && contract.termMonths ? { anchor: start, first: 1, step } : null;
}

/**
 * A stored renewal date that is the start plus whole terms rolls on from the start,
 * so a clamped month end recovers its day: start Jan 31 with renewal Feb 29 goes on
 * to Mar 31, where rolling from Feb 29 would stick at the 29th for good.
 */
function alignedToStart(stored: Day, start: Day | null, step: number): Series | null {
	if (start === null) return null;
	const months = monthIndex(stored) - monthIndex(start);
	if (months <= 0 || months % step !== 0 || addMonths(start, months) !== stored) return null;
	return { anchor: start, first: months / step, step };
}

/**
 * The contract's renewal: for auto-renewing contracts the first one on or after
 * `notBefore`, rolled forward by whole terms; otherwise the one renewal (or end) date.
 * Each renewal is computed from the anchor, never from the previous (clamped) one.
 */
export function renewalDay(contract: ContractTerm, notBefore: Day): Day | null {
	const series = seriesOf(contract);
	if (series === null) return null;
	const { anchor, first, step } = series;
	const firstRenewal = addMonths(anchor, first * step);
	if (!contract.autoRenew || firstRenewal >= notBefore) return firstRenewal;
	// Jump to the term in notBefore's month rather than walk decades of monthly terms;
	// at most one more term is then needed.
	let term = Math.max(first, Math.floor((monthIndex(notBefore) - monthIndex(anchor)) / step));
	let renewal = addMonths(anchor, term * step);
	while (renewal < notBefore) renewal = addMonths(anchor, ++term * step);
	return renewal;
}

function noticeOf(contract: ContractTerm): number {
	return contract.noticeDays ?? 0;
}

/**
 * The first notice deadline on or after `today`: for an auto-renewing contract whose
 * current deadline has passed, that of a later renewal; null when none is ahead.
 */
export function upcomingDeadlineDay(contract: ContractTerm, today: Day): Day | null {
	const notice = noticeOf(contract);
	const renewal = renewalDay(contract, today + notice);
	return renewal !== null && renewal - notice >= today ? renewal - notice : null;
}

/** The effective next renewal date (YYYY-MM-DD), or null when the contract has no dates to go on. */
export function renewalDate(contract: ContractTerm, today: string): string | null {
	const renewal = renewalDay(contract, requireDay(today));
	return renewal === null ? null : formatDay(renewal);
}

/** The last day to give notice before the effective next renewal: that renewal less `noticeDays`. */
export function noticeDeadline(contract: ContractTerm, today: string): string | null {
	const renewal = renewalDay(contract, requireDay(today));
	return renewal === null ? null : formatDay(renewal - noticeOf(contract));
}

/**
 * Where the contract stands today. 'notice-soon' starts at the largest reminder lead
 * time (the contract's own, else the tenant's), so the badge and the first reminder agree.
 */
export function status(
	contract: ContractTerm & { reminderDays?: string | null },
	today: string,
	settings: ReminderSettings = { reminderDays: DEFAULT_REMINDER_DAYS }
): ContractStatus {
	const day = requireDay(today);
	const renewal = renewalDay(contract, day);
	if (renewal === null) return 'no-dates';
	if (!contract.autoRenew && renewal < day) return 'expired';
	const deadline = renewal - noticeOf(contract);
	if (deadline < day) return 'notice-passed';
	const [largestLead = 0] = leadDaysOr(contract.reminderDays, tenantLeadDays(settings));
	return deadline - day <= largestLead ? 'notice-soon' : 'ok';
}

/**
 * When the reminders for the upcoming notice deadline fall due, earliest first
 * (past ones included); empty when no deadline is ahead.
 */
export function reminderDates(contract: ContractTerm, leadDays: readonly number[], today: string): ReminderDate[] {
	const deadline = upcomingDeadlineDay(contract, requireDay(today));
	if (deadline === null) return [];
	const deadlineText = formatDay(deadline);
	return [...leadDays]
		.sort((a, b) => b - a)
		.map((lead) => ({ lead, date: formatDay(deadline - lead), deadline: deadlineText }));
}
