import { taxSummary, type TaxableLine, type TaxSummary } from './tax.js';

/**
 * A credit note corrects a posted invoice, which never changes: it repeats the
 * lines credited with their amounts negated (all of them, or some, or part of
 * one), and its tax is worked out by the same rule as the invoice's, so a full
 * credit takes back exactly the invoice's tax and total.
 */

export interface InvoiceLine extends TaxableLine {
	id: string;
	description: string;
}

export interface CreditLine extends TaxableLine {
	/** the invoice line it credits */
	creditsLineId: string;
	description: string;
}

export type CreditRequest = { lineId: string; amount?: number };

/** The credit note's lines and tax; throws on a line not on the invoice or a credit beyond what the line billed. */
export function creditNote(invoice: readonly InvoiceLine[], credit: 'all' | readonly CreditRequest[]): { lines: CreditLine[]; summary: TaxSummary } {
	const requests: readonly CreditRequest[] = credit === 'all' ? invoice.map((l) => ({ lineId: l.id })) : credit;
	const lines = requests.map(({ lineId, amount }) => {
		const line = invoice.find((l) => l.id === lineId);
		if (!line) throw new RangeError(`line ${lineId} is not on this invoice`);
		const credited = amount ?? line.amount;
		if (credited <= 0 || credited > line.amount) throw new RangeError(`a credit of ${line.description} is more than zero and at most what it billed`);
		return { creditsLineId: line.id, description: `Credit: ${line.description}`, amount: -credited, taxable: line.taxable, taxBasisPoints: line.taxBasisPoints };
	});
	return { lines, summary: taxSummary(lines) };
}
