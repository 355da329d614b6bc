import type { PortalContact, PortalContract, PortalDevice, PortalProduct, PortalProfile, PortalProposal, PortalSite } from '#lib/domain/portal/company.js';
import { one, type Db } from '../db/index.js';
import { asPortalCompany } from './portal.js';

/**
 * What a portal user sees of their company, from the projections only, inside
 * the row-level-security transaction of `asPortalCompany`; every query also
 * names the tenant and the customer itself (DESIGN.md §4).
 */

const LIVE = 'tenant_id = $1 AND deleted_at IS NULL';

const profile = (tx: Db, tenantId: string, customerId: string) =>
	one<PortalProfile>(tx, `SELECT id, name, status, industry, website, phone, email FROM customers WHERE ${LIVE} AND id = $2`, [tenantId, customerId]);

const sites = (tx: Db, tenantId: string, customerId: string) =>
	tx.query<PortalSite>(
		`SELECT id, name, address1, address2, city, region, postal_code AS "postalCode", country, phone, hours
		 FROM sites WHERE ${LIVE} AND customer_id = $2 ORDER BY name, id`,
		[tenantId, customerId]
	);

const contacts = (tx: Db, tenantId: string, customerId: string) =>
	tx.query<PortalContact>(
		`SELECT id, name, title, email, phone, mobile, site_id AS "siteId" FROM contacts WHERE ${LIVE} AND customer_id = $2 ORDER BY name, id`,
		[tenantId, customerId]
	);

async function contracts(tx: Db, tenantId: string, customerId: string): Promise<PortalContract[]> {
	const rows = await tx.query<Omit<PortalContract, 'attachments'>>(
		`SELECT id, name, party, type, vendor_name AS "vendorName", to_char(start_date, 'YYYY-MM-DD') AS start, term_months AS "termMonths",
		        to_char(renewal_date, 'YYYY-MM-DD') AS "renewalDate", notice_days AS "noticeDays", auto_renew AS "autoRenew"
		 FROM customer_contracts WHERE ${LIVE} AND customer_id = $2 ORDER BY name, id`,
		[tenantId, customerId]
	);
	const files = await tx.query<PortalContract['attachments'][number] & { contractId: string }>(
		`SELECT a.contract_id AS "contractId", a.file_id AS "fileId", a.name, a.size, a.mime
		 FROM attachments a JOIN customer_contracts c ON c.tenant_id = a.tenant_id AND c.id = a.contract_id AND c.customer_id = $2
		 WHERE a.tenant_id = $1 AND a.deleted_at IS NULL ORDER BY a.name, a.file_id`,
		[tenantId, customerId]
	);
	return rows.map((c) => ({ ...c, attachments: files.filter((f) => f.contractId === c.id).map(({ contractId: _, ...file }) => file) }));
}

/** The products the company runs, with how many; names only, never the MSP's costs or prices. */
const products = (tx: Db, tenantId: string, customerId: string) =>
	tx.query<PortalProduct>(
		`SELECT d.id, p.name AS "productName", v.name AS "vendorName", c.name AS "categoryName", p.unit, d.quantity,
		        to_char(d.since, 'YYYY-MM-DD') AS since, d.site_id AS "siteId"
		 FROM deployments d
		 JOIN products p ON p.tenant_id = d.tenant_id AND p.id = d.product_id AND p.deleted_at IS NULL
		 LEFT JOIN vendors v ON v.tenant_id = p.tenant_id AND v.id = p.vendor_id AND v.deleted_at IS NULL
		 LEFT JOIN categories c ON c.tenant_id = p.tenant_id AND c.id = p.category_id AND c.deleted_at IS NULL
		 WHERE d.tenant_id = $1 AND d.customer_id = $2 AND d.deleted_at IS NULL
		 ORDER BY p.name, d.id`,
		[tenantId, customerId]
	);

const devices = (tx: Db, tenantId: string, customerId: string) =>
	tx.query<PortalDevice>(
		`SELECT id, name, type, make, model, serial, os, to_char(purchase_date, 'YYYY-MM-DD') AS "purchaseDate",
		        to_char(warranty_expiry, 'YYYY-MM-DD') AS "warrantyExpiry", contact_id AS "contactId", site_id AS "siteId", location
		 FROM devices WHERE ${LIVE} AND customer_id = $2 ORDER BY type, name, id`,
		[tenantId, customerId]
	);

/** The company's own proposals, newest first (who decided and why, not who at the MSP is who). */
const proposals = (tx: Db, tenantId: string, customerId: string) =>
	tx.query<PortalProposal>(
		`SELECT id, proposed_by AS "proposedBy", kind, contact_id AS "contactId", subject, changes, note, status,
		        created_at AS "createdAt", decided_at AS "decidedAt", decision_note AS "decisionNote"
		 FROM portal_proposals WHERE tenant_id = $1 AND customer_id = $2 ORDER BY created_at DESC, id DESC LIMIT 50`,
		[tenantId, customerId]
	);

export async function readPortalCompany(db: Db, tenantId: string, customerId: string) {
	return asPortalCompany(db, tenantId, customerId, async (tx) => ({
		customer: (await profile(tx, tenantId, customerId)) ?? null,
		sites: await sites(tx, tenantId, customerId),
		contacts: await contacts(tx, tenantId, customerId),
		contracts: await contracts(tx, tenantId, customerId),
		products: await products(tx, tenantId, customerId),
		devices: await devices(tx, tenantId, customerId),
		proposals: await proposals(tx, tenantId, customerId)
	}));
}

/** The profile or one contact of the company, as the portal shows it: what a proposal is made against. */
export function readPortalRecord(db: Db, tenantId: string, customerId: string, what: { contactId: string } | 'profile') {
	return asPortalCompany(db, tenantId, customerId, async (tx): Promise<PortalProfile | PortalContact | null> => {
		if (what === 'profile') return (await profile(tx, tenantId, customerId)) ?? null;
		const row = await one<PortalContact>(
			tx,
			`SELECT id, name, title, email, phone, mobile, site_id AS "siteId" FROM contacts WHERE ${LIVE} AND customer_id = $2 AND id = $3`,
			[tenantId, customerId, what.contactId]
		);
		return row ?? null;
	});
}

/** Whether a site is one of the company's own (a contact's site must be). */
export function isPortalSite(db: Db, tenantId: string, customerId: string, siteId: string): Promise<boolean> {
	return asPortalCompany(db, tenantId, customerId, async (tx) =>
		Boolean(await one(tx, `SELECT 1 FROM sites WHERE ${LIVE} AND customer_id = $2 AND id = $3`, [tenantId, customerId, siteId]))
	);
}
