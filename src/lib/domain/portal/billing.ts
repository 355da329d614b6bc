import type { BlockBalance } from '../billing/block-balance.js';
import type { InvoiceStatus } from '../billing/invoice.js';

/** What a customer's portal shows of billing: their invoices, and what is left of their prepaid hours. */

export interface PortalInvoice {
	id: string;
	number: string;
	issuedOn: string;
	dueOn: string;
	currency: string;
	total: number;
	paid: number;
	credited: number;
	status: InvoiceStatus;
	creditOf: string | null;
}

export interface PortalBilling {
	invoices: PortalInvoice[];
	blocks: { id: string; name: string; type: string; blockMinutes: number; balance: BlockBalance }[];
}

/** What the company still owes on an invoice (a credit note owes nothing). */
export const balanceDue = (invoice: PortalInvoice): number => (invoice.creditOf ? 0 : invoice.total - invoice.paid - invoice.credited);
