import type { VendorContractRecord } from '../catalog/schema.js';
import { addMonths, formatDay, requireDay } from '../contracts/days.js';
import type { ReminderSettings } from '../contracts/lead-days.js';
import { noticeDeadline, renewalDate, status, type ContractStatus } from '../contracts/schedule.js';
import type { CustomerContractRecord } from '../contracts/schema.js';
import { monthlyAmount } from './spend.js';

/** The renewals ahead, vendor and customer contracts together, for the spend dashboard's timeline. */

export interface UpcomingRenewal {
	id: string;
	kind: 'vendor' | 'customer';
	name: string;
	/** the vendor (vendor contracts) or the customer (customer contracts) */
	partyName: string | null;
	/** YYYY-MM-DD */
	renewal: string;
	/** the last day to give notice, YYYY-MM-DD */
	deadline: string;
	autoRenew: boolean;
	/** minor units per month */
	monthly: number;
	status: ContractStatus;
}

export interface RenewalInput {
	vendorContracts: readonly VendorContractRecord[];
	customerContracts: readonly CustomerContractRecord[];
	vendorNames: ReadonlyMap<string, string>;
	customerNames: ReadonlyMap<string, string>;
	/** customers whose contracts count (deleted customers' do not) */
	counts: (customerId: string) => boolean;
	today: string;
	settings: ReminderSettings;
	/** only this customer's contracts (and no vendor contract); '' for all */
	customerId: string;
	months?: number;
}

function upcoming(
	contract: VendorContractRecord | CustomerContractRecord,
	kind: UpcomingRenewal['kind'],
	partyName: string | null,
	input: RenewalInput,
	last: string
): UpcomingRenewal | null {
	if (contract.deletedAt) return null;
	const renewal = renewalDate(contract, input.today);
	if (renewal === null || renewal < input.today || renewal > last) return null;
	return {
		id: contract.id,
		kind,
		name: contract.name,
		partyName,
		renewal,
		deadline: noticeDeadline(contract, input.today) ?? renewal,
		autoRenew: contract.autoRenew,
		monthly: monthlyAmount(contract.amountPerPeriod, contract.period),
		status: status(contract, input.today, input.settings)
	};
}

/** Contracts whose next renewal (or end) falls within the next `months` months, soonest first. */
export function upcomingRenewals(input: RenewalInput): UpcomingRenewal[] {
	const last = formatDay(addMonths(requireDay(input.today), input.months ?? 12));
	const name = (names: ReadonlyMap<string, string>, id: string | null) => (id ? (names.get(id) ?? null) : null);
	const vendors = input.customerId
		? []
		: input.vendorContracts.map((c) => upcoming(c, 'vendor', name(input.vendorNames, c.vendorId), input, last));
	const customers = input.customerContracts
		.filter((c) => (input.customerId ? c.customerId === input.customerId : input.counts(c.customerId)))
		.map((c) => upcoming(c, 'customer', name(input.customerNames, c.customerId), input, last));
	return [...vendors, ...customers]
		.filter((r): r is UpcomingRenewal => r !== null)
		.sort((a, b) => a.renewal.localeCompare(b.renewal) || a.name.localeCompare(b.name));
}

export interface RenewalMonth {
	/** YYYY-MM */
	month: string;
	renewals: UpcomingRenewal[];
}

/** The timeline's months: renewals (already soonest first) under the month they fall in, empty months left out. */
export function renewalsByMonth(renewals: readonly UpcomingRenewal[]): RenewalMonth[] {
	const months: RenewalMonth[] = [];
	for (const renewal of renewals) {
		const month = renewal.renewal.slice(0, 7);
		const last = months.at(-1);
		if (last?.month === month) last.renewals.push(renewal);
		else months.push({ month, renewals: [renewal] });
	}
	return months;
}
