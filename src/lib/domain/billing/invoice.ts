import type { TaxSummary } from './tax.js';

/**
 * An invoice as every reader of it sees it — the pre-bill, the PDF, the
 * accounting exports and the portal: a posted row in Postgres, never changed
 * after posting (a credit note corrects it). Money is in minor units.
 */

/** What a line bills, as the PDF groups them. */
export const LINE_KINDS = ['recurring', 'labour', 'block', 'milestone', 'expense', 'product', 'adjustment'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export const LINE_KIND_LABELS: Record<LineKind, string> = {
	recurring: 'Managed services',
	labour: 'Labour',
	block: 'Prepaid hours',
	milestone: 'Project milestones',
	expense: 'Expenses',
	product: 'Products',
	adjustment: 'Adjustments'
};

/** Where a line came from: the record it bills, so it never bills twice. */
export const SOURCE_KINDS = ['plan', 'contract', 'time-entry', 'milestone', 'expense', 'deployment', 'credit', 'manual'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface InvoiceLine {
	id: string;
	kind: LineKind;
	sourceKind: SourceKind;
	/** the billed record's id; a recurring line's is the association and the cycle start (`ID:2026-11-01`) */
	sourceId: string;
	description: string;
	/** the day (or the first day of the period) the line is for */
	serviceDate: string | null;
	/** hours for time, units otherwise; shown, never summed into money */
	quantity: number;
	/** per unit, minor units; amount is what counts (quantity × price rounded once) */
	unitPrice: number;
	amount: number;
	taxable: boolean;
	/** basis points (825 = 8.25 %) */
	taxBasisPoints: number;
}

export const INVOICE_STATUSES = ['posted', 'sent', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export interface BillTo {
	name: string;
	email: string | null;
	/** address lines, first line first */
	address: string[];
	taxId: string | null;
}

export interface Invoice {
	id: string;
	/** `INV-2026-00017`; a credit note's is `CN-2026-00003` */
	number: string;
	customerId: string;
	billTo: BillTo;
	issuedOn: string;
	dueOn: string;
	periodStart: string;
	periodEnd: string;
	currency: string;
	/** payment terms as printed ("Net 30") */
	terms: string;
	/** the invoice a credit note corrects, by number */
	creditOf: string | null;
	status: InvoiceStatus;
	lines: InvoiceLine[];
	tax: TaxSummary;
	/** paid so far, minor units */
	paid: number;
	/** taken off by credit notes so far, minor units (positive) */
	credited: number;
}

/** The MSP as an invoice heads it. */
export interface InvoiceIssuer {
	name: string;
	address: string[];
	email: string | null;
	phone: string | null;
	taxId: string | null;
	/** the logo as PNG or JPEG bytes, or none */
	logo: { bytes: Uint8Array; format: 'PNG' | 'JPEG' } | null;
	/** printed under the totals: how to pay */
	footer: string | null;
}

/** "Net 30" for 30 due days, "Due on receipt" for 0. */
export function termsLabel(dueDays: number): string {
	return dueDays > 0 ? `Net ${dueDays}` : 'Due on receipt';
}

