import { blockBalance } from '#lib/domain/billing/block-balance.js';
import type { Invoice } from '#lib/domain/billing/invoice.js';
import type { PortalBilling } from '#lib/domain/portal/billing.js';
import { todayIn } from '#lib/domain/today.js';
import type { Db } from '../db/index.js';
import { notFound } from '../http/errors.js';
import { uuidParam } from '../http/validate.js';
import { readInvoices } from '../repositories/invoices.js';
import { asPortalCompany } from '../repositories/portal.js';
import { listPortalInvoices, portalBlocks } from '../repositories/portal-invoices.js';
import { getTenant } from '../repositories/tenants.js';
import type { PortalIdentity } from './accounts.js';

/**
 * A customer's billing in their portal: their posted invoices (each a PDF to
 * download) and what is left of their prepaid hours. Read under row-level
 * security as the company, like everything the portal shows.
 */

export async function portalBilling(db: Db, who: PortalIdentity): Promise<PortalBilling> {
	const tenant = await getTenant(db, who.tenantId);
	const today = todayIn(tenant?.timeZone ?? 'UTC');
	return asPortalCompany(db, who.tenantId, who.customerId, async (tx) => {
		const [invoices, blocks] = await Promise.all([listPortalInvoices(tx, who.tenantId, who.customerId), portalBlocks(tx, who.tenantId, who.customerId)]);
		return { invoices, blocks: blocks.map((b) => ({ id: b.id, name: b.name, type: b.type, blockMinutes: b.blockMinutes, balance: blockBalance(b, today) })) };
	});
}

/** One of the company's invoices; another company's is not found. */
export async function portalInvoice(db: Db, who: PortalIdentity, id: string | undefined): Promise<Invoice> {
	const invoiceId = uuidParam(id, 'No such invoice.');
	const [invoice] = await asPortalCompany(db, who.tenantId, who.customerId, (tx) => readInvoices(tx, who.tenantId, { ids: [invoiceId], customerId: who.customerId }));
	if (!invoice || invoice.status === 'void') throw notFound('No such invoice at your company.');
	return invoice;
}
