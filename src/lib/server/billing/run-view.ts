import { TAX_ROUNDING_RULE, type TaxSummary } from '#lib/domain/billing/tax.js';
import type { Db } from '../db/index.js';
import { notFound } from '../http/errors.js';
import { draftCustomers, getRun, type BillingRun, type DraftCustomer } from '../repositories/billing-runs.js';
import { listInvoices, type InvoiceSummary } from '../repositories/invoices.js';
import { draftTax } from './post-run.js';

/** What the run page shows: a draft's pre-bill per customer with its tax by the rule, or a posted run's invoices. */
export interface RunView {
	run: BillingRun;
	customers: (Omit<DraftCustomer, 'taxable'> & { tax: TaxSummary })[];
	invoices: InvoiceSummary[];
	taxRule: string;
}

export async function runView(db: Db, tenantId: string, runId: string, today: string): Promise<RunView> {
	const run = await getRun(db, tenantId, runId);
	if (!run) throw notFound('No such billing run.');
	if (run.status === 'posted') return { run, customers: [], invoices: await listInvoices(db, tenantId, { runId, today }, 5_000), taxRule: TAX_ROUNDING_RULE };
	const customers = (await draftCustomers(db, tenantId, runId)).map(({ taxable, ...c }) => ({ ...c, tax: draftTax({ subtotal: c.subtotal, taxable }) }));
	return { run, customers, invoices: [], taxRule: TAX_ROUNDING_RULE };
}
