import type { VendorContractRecord } from '#lib/domain/catalog/schema.js';
import { parseDay } from '#lib/domain/contracts/days.js';
import type { ReminderSettings } from '#lib/domain/contracts/lead-days.js';
import { noticeDeadline, renewalDate, status, type ContractStatus, type ContractTerm } from '#lib/domain/contracts/schedule.js';
import { AGREEMENT_LABELS, AGREEMENT_TYPES, type CustomerContractRecord } from '#lib/domain/contracts/schema.js';

/** Contracts as lists show them: with their next renewal, notice deadline and status, filtered and sorted. */

export type AgreementType = (typeof AGREEMENT_TYPES)[number];

export { AGREEMENT_LABELS };

export const STATUS_LABELS: Record<ContractStatus, string> = {
	ok: 'OK',
	'notice-soon': 'Notice soon',
	'notice-passed': 'Notice passed',
	expired: 'Expired',
	'no-dates': 'No dates'
};

export const STATUS_BADGES: Record<ContractStatus, string> = {
	ok: 'badge-success',
	'notice-soon': 'badge-warning',
	'notice-passed': 'badge-danger',
	expired: '',
	'no-dates': ''
};

export const PERIOD_LABELS = { monthly: 'per month', quarterly: 'per quarter', annual: 'per year' } as const;

export interface Schedule {
	/** the next renewal (or the end of a contract that does not renew), YYYY-MM-DD */
	renewal: string | null;
	/** the last day to give notice before that renewal */
	deadline: string | null;
	status: ContractStatus;
}

export function scheduleOf(contract: ContractTerm & { reminderDays: string | null }, today: string, settings: ReminderSettings): Schedule {
	return {
		renewal: renewalDate(contract, today),
		deadline: noticeDeadline(contract, today),
		status: status(contract, today, settings)
	};
}

/** One contract of a list. `party` is the customer (customer contracts) or the vendor (vendor contracts). */
export interface Listed {
	id: string;
	name: string;
	/** filter key: 'msp:TYPE' for agreements, 'third-party', 'vendor' */
	kind: string;
	kindLabel: string;
	partyId: string | null;
	partyName: string | null;
	/** a third-party contract's vendor, typed by hand */
	vendorName: string | null;
	amountPerPeriod: number | null;
	period: keyof typeof PERIOD_LABELS;
	schedule: Schedule;
	deletedAt: string | null;
}

export function kindOf(contract: Pick<CustomerContractRecord, 'party' | 'type'>): { kind: string; kindLabel: string } {
	if (contract.party === 'third-party') return { kind: 'third-party', kindLabel: 'Third-party' };
	return { kind: `msp:${contract.type ?? 'other'}`, kindLabel: contract.type ? AGREEMENT_LABELS[contract.type] : 'Agreement' };
}

interface Context {
	today: string;
	settings: ReminderSettings;
	/** id → name of customers (or vendors) */
	names: ReadonlyMap<string, string>;
}

function listed(c: CustomerContractRecord | VendorContractRecord, partyId: string | null, context: Context) {
	return {
		id: c.id,
		name: c.name,
		partyId,
		partyName: partyId ? (context.names.get(partyId) ?? null) : null,
		amountPerPeriod: c.amountPerPeriod,
		period: c.period,
		schedule: scheduleOf(c, context.today, context.settings),
		deletedAt: c.deletedAt
	};
}

export function listCustomerContract(c: CustomerContractRecord, context: Context): Listed {
	return { ...listed(c, c.customerId, context), ...kindOf(c), vendorName: c.vendorName };
}

export function listVendorContract(c: VendorContractRecord, context: Context): Listed {
	return { ...listed(c, c.vendorId, context), kind: 'vendor', kindLabel: 'Vendor contract', vendorName: null };
}

export type ContractSort = 'deadline' | 'renewal' | 'name';

export interface ContractFilter {
	search: string;
	/** a customer's or vendor's id; '' for all */
	partyId: string;
	/** 'msp' (every agreement), 'msp:TYPE', 'third-party'; '' for all */
	kind: string;
	status: ContractStatus | '';
	sort: ContractSort;
	deleted: boolean;
}

function matches(row: Listed, filter: ContractFilter, words: string[]): boolean {
	if (!!row.deletedAt !== filter.deleted) return false;
	if (filter.partyId && row.partyId !== filter.partyId) return false;
	if (filter.kind && row.kind !== filter.kind && !row.kind.startsWith(`${filter.kind}:`)) return false;
	if (filter.status && row.schedule.status !== filter.status) return false;
	const text = `${row.name} ${row.partyName ?? ''} ${row.vendorName ?? ''}`.toLowerCase();
	return words.every((word) => text.includes(word));
}

// dates as YYYY-MM-DD compare as text; a contract without one goes last
function byDate(a: string | null, b: string | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return a < b ? -1 : 1;
}

export function filterContracts(rows: Listed[], filter: ContractFilter): Listed[] {
	const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
	const byName = (a: Listed, b: Listed) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
	const order: Record<ContractSort, (a: Listed, b: Listed) => number> = {
		name: byName,
		deadline: (a, b) => byDate(a.schedule.deadline, b.schedule.deadline) || byName(a, b),
		renewal: (a, b) => byDate(a.schedule.renewal, b.schedule.renewal) || byName(a, b)
	};
	return rows.filter((row) => matches(row, filter, words)).sort(order[filter.sort]);
}

/** "today", "in 12 days", "3 days ago": how far a date is from today. */
export function fromToday(date: string, today: string): string {
	const days = (parseDay(date) ?? 0) - (parseDay(today) ?? 0);
	if (days === 0) return 'today';
	if (days === 1) return 'tomorrow';
	if (days === -1) return 'yesterday';
	return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
