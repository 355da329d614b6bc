import { QUANTITY_LABELS, quantityKeys } from '#lib/domain/billing/associations.js';
import type { DeviceCounts } from '#lib/domain/billing/recurring.js';
import type { PlanBasis } from '#lib/domain/catalog/billing-schema.js';
import { PERIODS } from '#lib/domain/catalog/schema.js';
import type { CustomerContractRecord } from '#lib/domain/contracts/schema.js';
import { recordChoice, type ContractField } from '../contracts/fields.js';
import type { AgreementType } from '../contracts/listing.js';

/**
 * The billing terms of an agreement, by its type (DESIGN.md §5): how it is
 * invoiced, then what its type bills by. Durations are typed as hours (or
 * minutes where the word says so), the after-hours multiplier as "1.5".
 */

type Named = { id: string; name: string };

const MAX_MINUTES = 1_000_000;
const MAX_QUANTITY = 1_000_000;

const BLOCK: Record<'block' | 'retainer', ContractField[]> = {
	block: [
		{ key: 'blockMinutes', label: 'Hours in the block', kind: 'hours', max: MAX_MINUTES, hint: 'Prepaid hours, such as 20 or 7.5.' },
		{ key: 'blockPrice', label: 'Block price', kind: 'money', hint: 'Invoiced once, in the cycle the block starts.' },
		{ key: 'blockExpiresOn', label: 'Block expires on', kind: 'date', hint: 'Hours left after this day are not carried on.' }
	],
	retainer: [{ key: 'blockMinutes', label: 'Hours each cycle', kind: 'hours', max: MAX_MINUTES, hint: 'The hours the amount above buys each cycle.' }]
};

const BALANCE: ContractField[] = [
	{ key: 'lowBalanceMinutes', label: 'Low-balance alert (hours)', kind: 'hours', max: MAX_MINUTES, hint: 'Alert when this many hours or fewer are left.' },
	{ key: 'overageRate', label: 'Overage rate per hour', kind: 'money', hint: 'For time beyond the hours.' }
];

const ENDS: ContractField = { key: 'endsOn', label: 'Service ends on', kind: 'date', hint: 'The last day billed; a cycle it ends inside is prorated. Blank: billed on.' };

const TIME_AND_MATERIALS: ContractField[] = [
	{ key: 'incrementMinutes', label: 'Rounding increment (minutes)', kind: 'count', max: 240, hint: 'Each entry rounds up to a multiple of this, such as 15.' },
	{ key: 'minimumMinutes', label: 'Minimum charge (minutes)', kind: 'count', max: 1440, hint: 'Each entry bills at least this, such as 60.' },
	{ key: 'afterHoursBasisPoints', label: 'After-hours multiplier', kind: 'multiplier', hint: 'After-hours time bills at the rate times this, such as 1.5. Blank: the rate.' }
];

export interface TermChoices {
	programs: readonly Named[];
}

/** How any agreement is invoiced: due days, bill-to, and the customer's program. */
function invoicing(contract: Pick<CustomerContractRecord, 'programId'>, choices: TermChoices): ContractField[] {
	return [
		{ key: 'dueDays', label: 'Due days', kind: 'count', max: 365, hint: 'Days from the invoice to its due date. Blank: the customer’s payment terms.' },
		{ key: 'billToEmail', label: 'Bill-to email', kind: 'text', hint: 'Where invoices go. Blank: the customer’s email.' },
		recordChoice(
			{ key: 'programId', label: 'Program', hint: 'What the customer’s plans cover, and the rate template for other work.' },
			choices.programs,
			contract.programId,
			'No program',
			'A deleted program'
		)
	];
}

/** The terms fields of an agreement of this type; none for a third-party contract or one whose type is not set. */
export function billingTermFields(contract: Pick<CustomerContractRecord, 'party' | 'type' | 'programId'>, choices: TermChoices): ContractField[] {
	if (contract.party !== 'msp' || !contract.type) return [];
	const byType: Record<AgreementType, ContractField[]> = {
		recurring: [ENDS],
		'block-hours': [...BLOCK.block, ...BALANCE],
		retainer: [ENDS, ...BLOCK.retainer, ...BALANCE],
		'time-and-materials': TIME_AND_MATERIALS,
		'fixed-price': [{ key: 'fixedPrice', label: 'Fixed price', kind: 'money', hint: 'The price its projects’ milestones divide.' }]
	};
	return [...invoicing(contract, choices), ...byType[contract.type]];
}

/** The rate overrides table: a role of the catalog and its rate under this agreement. */
export function rateOverrideFields(roles: readonly { name: string }[], current: readonly string[] = []): ContractField[] {
	const names = [...new Set([...roles.map((r) => r.name), ...current])].sort((a, b) => a.localeCompare(b));
	return [
		{ key: 'role', label: 'Role', kind: 'choice', required: true, options: [{ value: '', label: 'Choose a role' }, ...names.map((n) => ({ value: n, label: n }))] },
		{ key: 'ratePerHour', label: 'Rate per hour', kind: 'money' }
	];
}

/** Billing cycles: a plan's monthly price billed each month, 3 months at once, or 12. */
export const CYCLE_LABELS = { monthly: 'Monthly', quarterly: 'Quarterly', annual: 'Annual' } as const;

const MONTHS = { monthly: '', quarterly: ' (3 months at once)', annual: ' (12 months at once)' } as const;

export const CYCLE_OPTIONS = PERIODS.map((p) => ({ value: p, label: `${CYCLE_LABELS[p]}${MONTHS[p]}` }));

/** A customer's service item (a plan association): its cycle and dates, the quantities of its plan's basis, and this customer's price. */
export function serviceItemFields(basis: PlanBasis, counts: DeviceCounts): ContractField[] {
	const quantities = quantityKeys(basis).map(
		(key): ContractField => ({ key, label: QUANTITY_LABELS[key], kind: 'count', max: MAX_QUANTITY, hint: `Blank: counted, ${counts[key]} now.` })
	);
	return [
		{ key: 'cycle', label: 'Billing cycle', kind: 'choice', options: CYCLE_OPTIONS },
		{ key: 'start', label: 'Start date', kind: 'date', hint: 'Blank: not billed.' },
		{ key: 'end', label: 'Last day of service', kind: 'date', hint: 'Blank: ongoing.' },
		...quantities,
		{ key: 'priceOverride', label: basis === 'flat' ? 'Price a month' : 'Price per unit a month', kind: 'money', hint: 'This customer’s price. Blank: the plan’s.' },
		{ key: 'dueDays', label: 'Due days', kind: 'count', max: 365, hint: 'Blank: the customer’s payment terms.' },
		{ key: 'billToEmail', label: 'Bill-to email', kind: 'text', hint: 'Blank: the customer’s email.' }
	];
}
