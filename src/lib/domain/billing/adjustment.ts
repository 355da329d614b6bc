import { divideRounded } from './rounding.js';

/**
 * A person's change to a draft line before posting: a new quantity or unit
 * price, and always a reason (the audit shows who changed what and why). The
 * amount is quantity × price, rounded once by the rule; quantities carry up
 * to three decimals (hours to the minute's nearest thousandth).
 */

export interface Adjustment {
	quantity: number;
	unitPrice: number;
	reason: string;
}

export const MAX_REASON = 500;

/** Why the adjustment cannot be made, per field, or null. */
export function adjustmentProblems(change: Adjustment): Record<string, string> | null {
	const problems: Record<string, string> = {};
	if (!Number.isFinite(change.quantity) || change.quantity < 0) problems.quantity = 'A quantity cannot be negative.';
	else if (Math.abs(change.quantity * 1000 - Math.round(change.quantity * 1000)) > 1e-6) problems.quantity = 'A quantity has at most three decimals.';
	if (!Number.isSafeInteger(change.unitPrice) || change.unitPrice < 0) problems.unitPrice = 'A price is zero or more, in whole cents.';
	if (change.reason.trim() === '') problems.reason = 'Say why the line changes: the audit keeps it.';
	else if (change.reason.length > MAX_REASON) problems.reason = `Keep the reason under ${MAX_REASON} characters.`;
	return Object.keys(problems).length > 0 ? problems : null;
}

/** quantity × unit price, in minor units, rounded half away from zero. */
export function lineAmount(quantity: number, unitPrice: number): number {
	return divideRounded(Math.round(quantity * 1000) * unitPrice, 1000);
}
