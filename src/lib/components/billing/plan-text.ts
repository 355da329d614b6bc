import type { ServicePlanRecord } from '#lib/domain/catalog/billing-schema.js';
import { formatPercent } from '#lib/domain/billing/units.js';
import { PLAN_PRICES } from '#lib/sync/billing/plan-forms.js';

/** How billing records read in lists: "Workstation $45.00 · Server $150.00 a month", "8.25 %". */

/** The plan's prices for its basis, those set; "No price" when none is. */
export function planPrices(plan: ServicePlanRecord, money: (minor: number | null) => string): string {
	const set = PLAN_PRICES[plan.basis].filter((u) => plan[u.price] !== null);
	if (set.length === 0) return 'No price';
	if (plan.basis === 'flat') return `${money(plan.flatPrice)} a month`;
	const unit = (text: string) => text[0].toUpperCase() + text.slice(1);
	return `${set.map((u) => `${unit(u.unit)} ${money(plan[u.price] as number)}`).join(' · ')} a month`;
}

/** 825 → "8.25 %" */
export const percentText = (basisPoints: number): string => `${formatPercent(basisPoints)} %`;

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
