import { PLAN_BASES, type PlanBasis } from '#lib/domain/catalog/billing-schema.js';
import { PLAN_PRICES } from '#lib/sync/billing/plan-forms.js';
import type { SettingField } from '../servicedesk/setting-fields.js';

/** The fields of the Billing → Plans forms (see SettingForm.svelte). */

export const BASIS_LABELS: Record<PlanBasis, string> = { devices: 'Per device', users: 'Per user', flat: 'Flat monthly price' };

const cap = (text: string) => text[0].toUpperCase() + text.slice(1);
const money = (label: string, currency: string | null) => (currency ? `${label} (${currency})` : label);

/** A plan's form: its price and cost fields show for the basis chosen, per unit a month. */
export function planFields(currency: string | null): SettingField[] {
	const prices = PLAN_BASES.flatMap((basis) =>
		PLAN_PRICES[basis].flatMap(({ price, cost, unit }): SettingField[] => {
			const per = basis === 'flat' ? 'a month' : `per ${unit} a month`;
			const when = { key: 'basis', is: [basis] };
			return [
				{ key: price, label: money(basis === 'flat' ? 'Monthly price' : `${cap(unit)} price`, currency), kind: 'text', inputmode: 'decimal', hint: `What you charge ${per}`, when },
				{ key: cost, label: money(basis === 'flat' ? 'Monthly cost' : `${cap(unit)} cost`, currency), kind: 'text', inputmode: 'decimal', hint: `What it costs you ${per}`, when }
			];
		})
	);
	return [
		{ key: 'name', label: 'Plan name', kind: 'text', placeholder: 'Managed workstation' },
		{ key: 'basis', label: 'Priced', kind: 'select', options: PLAN_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] })), hint: 'A quarterly or annual cycle bills 3 or 12 months at once.' },
		...prices,
		{ key: 'includes', label: 'What the plan includes', kind: 'lines', hint: 'As the customer reads it, one item per line.', placeholder: 'Patching\nAntivirus\nHelp desk 8–6' },
		{ key: 'taxable', label: 'Taxable', kind: 'flag', hint: 'Taxed at the customer’s regional rate.' }
	];
}

/** A program's form: the plans it brings are chosen among the live plans. */
export function programFields(plans: readonly { id: string; name: string }[], roles: readonly { name: string }[]): SettingField[] {
	const known = roles.map((r) => r.name).join(', ');
	return [
		{ key: 'name', label: 'Program name', kind: 'text', placeholder: 'Fully managed' },
		{ key: 'planIds', label: 'Plans in this program', kind: 'choices', options: plans.map((p) => ({ value: p.id, label: p.name })), placeholder: 'No plans yet: add one under Service plans.' },
		{
			key: 'coveredWork',
			label: 'Covered work',
			kind: 'text',
			placeholder: 'Remote support, Monitoring',
			hint: `Work roles included at no charge, separated by commas${known ? ` (your roles: ${known})` : ''}.`
		},
		{ key: 'rate', label: 'Rate template (%)', kind: 'text', inputmode: 'decimal', hint: 'Other work is billed at this share of each role’s rate: 100 is the full rate, 90 a 10 % discount.' },
		{ key: 'description', label: 'Description', kind: 'lines' }
	];
}

export function roleFields(currency: string | null): SettingField[] {
	return [
		{ key: 'name', label: 'Role name', kind: 'text', placeholder: 'Engineer', hint: 'As time entries name their work role.' },
		{ key: 'ratePerHour', label: money('Rate per hour', currency), kind: 'text', inputmode: 'decimal', hint: 'What an hour is billed at.' },
		{ key: 'costPerHour', label: money('Cost per hour', currency), kind: 'text', inputmode: 'decimal', hint: 'What an hour costs you, for profitability.' }
	];
}

export const TAX_RATE_FIELDS: SettingField[] = [
	{ key: 'name', label: 'Tax rate name', kind: 'text', placeholder: 'Texas sales tax' },
	{ key: 'rate', label: 'Rate (%)', kind: 'text', inputmode: 'decimal', placeholder: '8.25', hint: 'A percentage with at most two decimals, from 0 to 100.' },
	{ key: 'region', label: 'Region', kind: 'text', placeholder: 'TX', hint: 'Customers whose tax region is this pay this rate. Blank: your default rate.' }
];
