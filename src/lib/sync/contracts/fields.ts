import { PERIODS } from '#lib/domain/catalog/schema.js';
import { parseLeadDays } from '#lib/domain/contracts/lead-days.js';
import { AGREEMENT_TYPES } from '#lib/domain/contracts/schema.js';
import type { Scalar } from '#lib/domain/documents/shape.js';
import { formatHours, formatMultiplier, parseHours, parseMultiplier } from '#lib/domain/billing/units.js';
import { moneyInput, parseCount, parseMoney, type Parsed } from './inputs.js';
import { AGREEMENT_LABELS, PERIOD_LABELS } from './listing.js';

/**
 * The fields of a contract form, and how what a person types becomes a record
 * value: each kind of field knows its parser, so a contract page writes only
 * values the schema accepts (money in minor units, whole days, real dates).
 */

/** `hours`: whole minutes shown and typed as hours ("1.5"); `multiplier`: basis points shown as "1.5" */
export type FieldKind = 'text' | 'notes' | 'choice' | 'date' | 'count' | 'money' | 'flag' | 'leadDays' | 'hours' | 'multiplier';

export interface ContractField {
	key: string;
	label: string;
	kind: FieldKind;
	required?: boolean;
	/** counts: the largest value; hours: the most minutes */
	max?: number;
	options?: readonly { value: string; label: string }[];
	hint?: string;
	/** spans the whole row */
	wide?: boolean;
}

export const PARTY_OPTIONS = [
	{ value: 'msp', label: 'Our agreement' },
	{ value: 'third-party', label: 'Customer’s vendor contract' }
];

const TYPE_OPTIONS = [{ value: '', label: 'Not set' }, ...AGREEMENT_TYPES.map((type) => ({ value: type, label: AGREEMENT_LABELS[type] }))];

const TERM_FIELDS: ContractField[] = [
	{ key: 'start', label: 'Start date', kind: 'date' },
	{ key: 'termMonths', label: 'Term (months)', kind: 'count', max: 600, hint: 'How long each term runs, e.g. 12.' },
	{ key: 'renewalDate', label: 'Renewal or end date', kind: 'date', hint: 'Blank: start date plus the term.' },
	{ key: 'noticeDays', label: 'Notice period (days)', kind: 'count', max: 3650 },
	{ key: 'autoRenew', label: 'Renews automatically for another term', kind: 'flag', wide: true },
	{ key: 'amountPerPeriod', label: 'Amount', kind: 'money' },
	{ key: 'period', label: 'Billed', kind: 'choice', options: PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] })) },
	{ key: 'reminderDays', label: 'Reminder lead days', kind: 'leadDays', hint: 'Days before the notice deadline, e.g. 90 30 7. Blank: the company’s default.' },
	{ key: 'notes', label: 'Notes', kind: 'notes', wide: true }
];

const NAME: ContractField = { key: 'name', label: 'Contract name', kind: 'text', required: true, wide: true };

/**
 * A field choosing one of `records` by id, `none` first; a current id no
 * longer among them stays selectable as `gone` ("A deleted policy").
 */
export function recordChoice(
	field: Omit<ContractField, 'kind' | 'options'>,
	records: readonly { id: string; name: string }[],
	current: string | null,
	none: string,
	gone: string
): ContractField {
	const missing = current && !records.some((r) => r.id === current) ? [{ value: current, label: gone }] : [];
	return { ...field, kind: 'choice', options: [{ value: '', label: none }, ...records.map((r) => ({ value: r.id, label: r.name })), ...missing] };
}

/** The SLA policy an agreement holds the customer's tickets to; blank: the company's default policy. */
function policyField(policies: readonly { id: string; name: string }[], current: string | null): ContractField {
	const field = { key: 'slaPolicyId', label: 'SLA policy', hint: 'Response and resolution targets for this customer’s tickets.' };
	return recordChoice(field, policies, current, 'The default policy', 'A deleted policy');
}

/**
 * An agreement has a type and the SLA policy of the customer's tickets; a
 * third-party contract names its vendor instead.
 */
export function customerContractFields(party: string, policies: readonly { id: string; name: string }[] = [], policyId: string | null = null): ContractField[] {
	const which: ContractField[] =
		party === 'third-party'
			? [{ key: 'vendorName', label: 'Vendor', kind: 'text', hint: 'Who the customer contracts with, e.g. Comcast Business.' }]
			: [{ key: 'type', label: 'Agreement type', kind: 'choice', options: TYPE_OPTIONS }, policyField(policies, policyId)];
	return [NAME, { key: 'party', label: 'Kind', kind: 'choice', options: PARTY_OPTIONS }, ...which, ...TERM_FIELDS];
}

export function vendorContractFields(vendors: readonly { id: string; name: string }[]): ContractField[] {
	const options = [{ value: '', label: 'No vendor' }, ...vendors.map((v) => ({ value: v.id, label: v.name }))];
	return [NAME, { key: 'vendorId', label: 'Vendor', kind: 'choice', options }, ...TERM_FIELDS];
}

/** The input's value for a stored value: text for inputs, a boolean for checkboxes. */
export function inputValue(field: ContractField, stored: Scalar | string[] | undefined, currency: string | null): string | boolean {
	if (field.kind === 'flag') return stored === true;
	const number = typeof stored === 'number' ? stored : null;
	if (field.kind === 'money') return moneyInput(number, currency);
	if (field.kind === 'hours') return formatHours(number);
	if (field.kind === 'multiplier') return formatMultiplier(number);
	return stored === null || stored === undefined ? '' : String(stored);
}

function readText(field: ContractField, raw: string, final: boolean): Parsed<Scalar> {
	// as typed while typing (trimming would make the caret jump), trimmed when the field is left
	const text = final ? raw.trim() : raw;
	if (text.trim() === '') return field.required ? { ok: false, error: `${field.label} is required` } : { ok: true, value: null };
	return { ok: true, value: text };
}

/** What a field's input means as a record value, or why it cannot be saved. `final`: the person left the field. */
export function readInput(field: ContractField, raw: string | boolean, currency: string | null, final = true): Parsed<Scalar> {
	if (typeof raw === 'boolean') return { ok: true, value: raw };
	switch (field.kind) {
		case 'money':
			return parseMoney(raw, currency);
		case 'count':
			return parseCount(raw, field.max ?? Number.MAX_SAFE_INTEGER);
		case 'hours':
			return parseHours(raw, field.max ?? Number.MAX_SAFE_INTEGER);
		case 'multiplier':
			return parseMultiplier(raw);
		case 'date':
			return /^\d{4}-\d{2}-\d{2}$/.test(raw) || raw === '' ? { ok: true, value: raw || null } : { ok: false, error: 'Enter a date' };
		case 'leadDays':
			return raw.trim() !== '' && parseLeadDays(raw).length === 0
				? { ok: false, error: 'Whole numbers of days, e.g. 90 30 7' }
				: readText(field, raw, final);
		case 'choice':
			return { ok: true, value: raw || null };
		default:
			return readText(field, raw, final);
	}
}

/** The keyboard a phone shows for the field: digits for counts, a decimal point for amounts, hours and multipliers. */
export function inputMode(field: ContractField): 'numeric' | 'decimal' | undefined {
	if (field.kind === 'count') return 'numeric';
	return field.kind === 'money' || field.kind === 'hours' || field.kind === 'multiplier' ? 'decimal' : undefined;
}

/** Which fields write while the person types; the rest when they leave the field (a half-typed amount is not an amount). */
export function writesWhileTyping(field: ContractField): boolean {
	return field.kind === 'text' || field.kind === 'notes';
}
