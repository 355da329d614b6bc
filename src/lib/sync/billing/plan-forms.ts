import { PLAN_BASES, type PlanBasis, type ProgramRecord, type RoleRecord, type ServicePlanRecord, type TaxRateRecord } from '#lib/domain/catalog/billing-schema.js';
import { formatPercent, parsePercent, readTaxRate } from '#lib/domain/billing/units.js';
import type { PlainRecord } from '#lib/domain/documents/shape.js';
import { lines, nameError, on, result, type FormInput, type FormRead, type Named } from '#lib/domain/servicedesk/setting-forms.js';
import { moneyInput, parseMoney } from '../contracts/inputs.js';

/**
 * The Billing → Plans forms: what billing staff type (all text, checkboxes
 * "on") to the fields of a catalog record, or a message per field. Money is
 * in minor units of the company's currency, a rate template and a tax rate
 * in basis points; what reaches the document passes its schema.
 */

/** The money fields of a plan, per unit and month, by the basis that bills them. */
export const PLAN_PRICES: Record<PlanBasis, { price: keyof ServicePlanRecord & string; cost: keyof ServicePlanRecord & string; unit: string }[]> = {
	devices: [
		{ price: 'workstationPrice', cost: 'workstationCost', unit: 'workstation' },
		{ price: 'serverPrice', cost: 'serverCost', unit: 'server' },
		{ price: 'mobilePrice', cost: 'mobileCost', unit: 'mobile device' }
	],
	users: [{ price: 'userPrice', cost: 'userCost', unit: 'user' }],
	flat: [{ price: 'flatPrice', cost: 'flatCost', unit: 'month' }]
};

const MONEY_KEYS = Object.values(PLAN_PRICES).flatMap((units) => units.flatMap((u) => [u.price, u.cost]));
const MAX_RATE_TEMPLATE = 100_000;

/** Money fields typed → minor units into `fields`, or their messages into `errors`. */
function readMoney(input: FormInput, keys: readonly string[], currency: string | null, fields: PlainRecord, errors: Record<string, string | undefined>) {
	for (const key of keys) {
		const parsed = parseMoney(input[key] ?? '', currency);
		if (parsed.ok) fields[key] = parsed.value;
		else errors[key] = parsed.error;
	}
}

const moneyOf = (record: Record<string, unknown>, keys: readonly string[], currency: string | null): FormInput =>
	Object.fromEntries(keys.map((key) => [key, moneyInput(typeof record[key] === 'number' ? record[key] : null, currency)]));

export function readPlan(input: FormInput, currency: string | null, others: readonly Named[], selfId: string | null = null): FormRead {
	const basis = (PLAN_BASES as readonly string[]).includes(input.basis) ? (input.basis as PlanBasis) : null;
	const includes = lines(input.includes);
	const fields: PlainRecord = { name: (input.name ?? '').trim(), basis, includes, taxable: on(input, 'taxable') };
	const errors: Record<string, string | undefined> = {
		name: nameError(input, 'plan', others, selfId),
		basis: basis ? undefined : 'Choose how the plan is priced',
		includes: includes && includes.length > 4000 ? 'Keep what the plan includes under 4000 characters' : undefined
	};
	// every price is kept, so switching the basis back brings the old prices back
	readMoney(input, MONEY_KEYS, currency, fields, errors);
	const prices = basis ? PLAN_PRICES[basis] : [];
	if (prices.length > 0 && prices.every((u) => !errors[u.price] && !fields[u.price])) {
		errors[prices[0].price] = prices.length > 1 ? 'Give at least one kind of device a price' : 'Give the plan a price';
	}
	return result(fields, errors);
}

export function planInput(plan: ServicePlanRecord | null, currency: string | null): FormInput {
	return {
		name: plan?.name ?? '',
		basis: plan?.basis ?? 'devices',
		includes: plan?.includes ?? '',
		taxable: (plan?.taxable ?? true) ? 'on' : '',
		...moneyOf(plan ?? {}, MONEY_KEYS, currency)
	};
}

/** "Remote support, monitoring , Remote support" → "Remote support, monitoring": trimmed, repeats (any case) left out. */
export function workList(text: string): string | null {
	const seen = new Set<string>();
	const kept = text
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part && !seen.has(part.toLowerCase()) && seen.add(part.toLowerCase()));
	return kept.length > 0 ? kept.join(', ') : null;
}

export function readProgram(input: FormInput, plans: readonly Named[], others: readonly Named[], selfId: string | null = null): FormRead {
	const live = new Set(plans.filter((p) => !p.deletedAt).map((p) => p.id));
	const planIds = [...new Set((input.planIds ?? '').split(/\s+/).filter((id) => live.has(id)))];
	const rate = parsePercent(input.rate ?? '', MAX_RATE_TEMPLATE);
	const coveredWork = workList(input.coveredWork ?? '');
	const description = lines(input.description);
	return result(
		{ name: (input.name ?? '').trim(), planIds: planIds.join(' ') || null, coveredWork, rateBasisPoints: rate.ok ? (rate.value ?? 10_000) : null, description },
		{
			name: nameError(input, 'program', others, selfId),
			rate: rate.ok ? undefined : rate.error,
			coveredWork: coveredWork && coveredWork.length > 1000 ? 'Keep the covered work under 1000 characters' : undefined,
			description: description && description.length > 4000 ? 'Keep the description under 4000 characters' : undefined
		}
	);
}

export function programInput(program: ProgramRecord | null): FormInput {
	return {
		name: program?.name ?? '',
		planIds: (program?.planIds ?? []).join(' '),
		coveredWork: program?.coveredWork ?? '',
		rate: formatPercent(program?.rateBasisPoints ?? 10_000),
		description: program?.description ?? ''
	};
}

const ROLE_MONEY = ['ratePerHour', 'costPerHour'];

export function readRole(input: FormInput, currency: string | null, others: readonly Named[], selfId: string | null = null): FormRead {
	const fields: PlainRecord = { name: (input.name ?? '').trim() };
	const errors: Record<string, string | undefined> = { name: nameError(input, 'role', others, selfId) };
	readMoney(input, ROLE_MONEY, currency, fields, errors);
	if (!errors.ratePerHour && fields.ratePerHour === null) errors.ratePerHour = 'Enter what an hour of this role is billed at';
	return result(fields, errors);
}

export function roleInput(role: RoleRecord | null, currency: string | null): FormInput {
	return { name: role?.name ?? '', ...moneyOf(role ?? {}, ROLE_MONEY, currency) };
}

type RateNamed = Named & { region: string | null };

const regionKey = (region: string | null | undefined) => (region ?? '').trim().toLocaleLowerCase();

export function readTaxRateForm(input: FormInput, others: readonly RateNamed[], selfId: string | null = null): FormRead {
	const rate = readTaxRate(input.rate ?? '');
	const region = (input.region ?? '').trim() || null;
	const clash = others.find((o) => o.id !== selfId && !o.deletedAt && regionKey(o.region) === regionKey(region));
	return result(
		{ name: (input.name ?? '').trim(), basisPoints: rate.ok ? rate.value : null, region },
		{
			name: nameError(input, 'tax rate', others, selfId),
			rate: rate.ok ? undefined : rate.error,
			region: clash ? (region ? `${clash.name} already applies to ${region}` : `${clash.name} is already the default rate; give this one a region`) : undefined
		}
	);
}

export function taxRateInput(rate: TaxRateRecord | null): FormInput {
	return { name: rate?.name ?? '', rate: rate ? formatPercent(rate.basisPoints) : '', region: rate?.region ?? '' };
}
