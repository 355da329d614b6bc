import { addMonths, formatDay, requireDay } from '#lib/domain/contracts/days.js';
import { parseMoney } from '#lib/sync/contracts/inputs.js';
import { invalid } from '../http/errors.js';
import { parseInput } from '../http/validate.js';
import { creditInput, paymentInput } from './invoice-actions.js';
import { runInput } from './runs.js';

/**
 * The staff billing pages' forms → the inputs the billing services take:
 * money typed as people type it ("1,250.50") into minor units, each problem
 * under the field it belongs to, so the page marks that field.
 */

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The calendar month before `today`'s: a run's usual period. */
export function lastMonth(today: string): { periodStart: string; periodEnd: string } {
	const day = requireDay(today);
	const firstOfThis = day - (Number(today.slice(8, 10)) - 1);
	return { periodStart: formatDay(addMonths(firstOfThis, -1)), periodEnd: formatDay(firstOfThis - 1) };
}

export function runFromForm(form: FormData) {
	return parseInput(runInput, { periodStart: text(form, 'periodStart'), periodEnd: text(form, 'periodEnd'), issuedOn: text(form, 'issuedOn') || undefined });
}

/** Money a field must hold: blank or unreadable is that field's problem. */
function money(form: FormData, name: string, currency: string, problems: Record<string, string>): number {
	const parsed = parseMoney(text(form, name), currency);
	if (!parsed.ok) problems[name] = parsed.error;
	else if (parsed.value === null) problems[name] = 'Enter an amount, such as 1250.00';
	return parsed.ok && parsed.value !== null ? parsed.value : 0;
}

function settle<T>(problems: Record<string, string>, value: T, message: string): T {
	if (Object.keys(problems).length > 0) throw invalid(message, problems);
	return value;
}

/** A draft line's change: its number, quantity, unit price (money) and the reason; the service checks the rest. */
export function adjustmentFromForm(form: FormData, currency: string) {
	const problems: Record<string, string> = {};
	const lineNo = Number(text(form, 'lineNo'));
	if (!Number.isSafeInteger(lineNo) || lineNo < 1) problems.lineNo = 'Choose a line of this run.';
	const quantityText = text(form, 'quantity');
	const quantity = quantityText === '' ? NaN : Number(quantityText);
	if (!Number.isFinite(quantity)) problems.quantity = 'Enter a quantity, such as 2 or 1.5';
	const unitPrice = money(form, 'unitPrice', currency, problems);
	return settle(problems, { lineNo, change: { quantity, unitPrice, reason: text(form, 'reason') } }, 'The line was not changed.');
}

export function paymentFromForm(form: FormData, currency: string) {
	const problems: Record<string, string> = {};
	const amount = money(form, 'amount', currency, problems);
	settle(problems, null, 'The payment was not recorded.');
	return parseInput(paymentInput, { amount, paidOn: text(form, 'paidOn'), method: text(form, 'method') || undefined, reference: text(form, 'reference') || undefined });
}

/** Every line (`scope=all`) or the lines ticked (`line`, each an invoice line's id), and why. */
export function creditFromForm(form: FormData) {
	const lines = text(form, 'scope') === 'all' ? ('all' as const) : form.getAll('line').map((id) => ({ lineId: String(id) }));
	return parseInput(creditInput.omit({ issuedOn: true }), { lines, reason: text(form, 'reason') });
}
