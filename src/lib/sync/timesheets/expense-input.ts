import type { ExpenseFields } from '#lib/domain/timesheet/edits.js';
import { parseMoney } from '../contracts/inputs.js';

/** What the expense form holds, as typed. */
export interface ExpenseInput {
	date: string;
	category: string;
	amount: string;
	billable: boolean;
	markup: string;
	customerId: string | null;
	ticketId: string | null;
	projectId?: string | null;
	notes: string;
}

export type ExpenseRead = { ok: true; fields: ExpenseFields } | { ok: false; fields: Partial<Record<'category' | 'amount' | 'markup', string>> };

const PERCENT = /^(\d{1,4})(?:\.(\d{1,2}))?$/;

/**
 * The expense form → an expense's fields: the amount typed in the company's
 * currency becomes minor units, a markup in percent ("12.5") basis points.
 */
export function readExpenseInput(input: ExpenseInput, currency: string | null): ExpenseRead {
	const problems: Partial<Record<'category' | 'amount' | 'markup', string>> = {};
	if (!input.category.trim()) problems.category = 'Say what the expense was for (mileage, parking, parts…)';
	const amount = parseMoney(input.amount, currency);
	if (!amount.ok) problems.amount = amount.error;
	else if (amount.value === null) problems.amount = 'An expense needs an amount';
	else if (amount.value === 0) problems.amount = 'An expense amount must be more than zero';
	const markup = input.markup.trim().replace(/%$/, '').trim();
	const percent = PERCENT.exec(markup);
	if (markup && !percent) problems.markup = 'Enter a markup in percent, such as 15 or 12.5';
	if (Object.keys(problems).length > 0 || !amount.ok) return { ok: false, fields: problems };
	const markupBasisPoints = percent ? Number(percent[1]) * 100 + Number((percent[2] ?? '').padEnd(2, '0')) : 0;
	return {
		ok: true,
		fields: {
			date: input.date,
			category: input.category.trim(),
			amount: amount.value,
			billable: input.billable,
			markupBasisPoints,
			customerId: input.customerId,
			ticketId: input.ticketId,
			projectId: input.projectId ?? null,
			notes: input.notes.trim() || null
		}
	};
}
