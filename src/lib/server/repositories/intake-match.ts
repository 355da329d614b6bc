import type { ContactCandidate, CustomerCandidate, DeviceCandidate, DomainCandidate } from '#lib/domain/intake/match.js';
import { websiteDomain } from '#lib/domain/intake/match.js';
import { one, type Db } from '../db/index.js';

/**
 * The candidates intake chooses a customer from (src/lib/domain/intake/match.ts
 * decides): customers and devices by name, contacts by address, customers by
 * domain — all from the projections, never deleted records.
 */

export async function alertCandidates(db: Db, tenantId: string, customer: string | null, device: string | null): Promise<{ customers: CustomerCandidate[]; devices: DeviceCandidate[] }> {
	const [customers, devices] = await Promise.all([
		customer
			? db.query<CustomerCandidate>(`SELECT id, name FROM customers WHERE tenant_id = $1 AND lower(name) = lower($2) AND deleted_at IS NULL LIMIT 10`, [tenantId, customer.trim()])
			: [],
		device
			? db.query<DeviceCandidate>(
					`SELECT d.customer_id AS "customerId", d.site_id AS "siteId", d.name FROM devices d
					 JOIN customers c ON c.tenant_id = d.tenant_id AND c.id = d.customer_id AND c.deleted_at IS NULL
					 WHERE d.tenant_id = $1 AND lower(d.name) = lower($2) AND d.deleted_at IS NULL LIMIT 50`,
					[tenantId, device.trim()]
				)
			: []
	]);
	return { customers, devices };
}

/** Contacts with the address or a domain among `domains`, and customers whose website or address has one of them. */
export async function senderCandidates(db: Db, tenantId: string, address: string, domains: string[]): Promise<{ contacts: ContactCandidate[]; domains: DomainCandidate[] }> {
	const [contacts, customers] = await Promise.all([
		db.query<ContactCandidate>(
			`SELECT k.id, k.customer_id AS "customerId", k.email FROM contacts k
			 JOIN customers c ON c.tenant_id = k.tenant_id AND c.id = k.customer_id AND c.deleted_at IS NULL
			 WHERE k.tenant_id = $1 AND k.deleted_at IS NULL AND k.email IS NOT NULL
			   AND (lower(k.email) = $2 OR split_part(lower(k.email), '@', 2) = ANY($3::text[]))
			 LIMIT 500`,
			[tenantId, address, domains]
		),
		db.query<{ id: string; website: string | null; email: string | null }>(
			`SELECT id, website, email FROM customers
			 WHERE tenant_id = $1 AND deleted_at IS NULL
			   AND (split_part(lower(email), '@', 2) = ANY($2::text[]) OR lower(website) LIKE ANY($3::text[]))
			 LIMIT 500`,
			[tenantId, domains, domains.map((d) => `%${d.replace(/[\\%_]/g, '\\$&')}%`)]
		)
	]);
	const known: DomainCandidate[] = [];
	for (const c of customers) {
		const site = websiteDomain(c.website);
		const mail = c.email?.split('@')[1]?.trim().toLowerCase();
		if (site) known.push({ customerId: c.id, domain: site });
		if (mail) known.push({ customerId: c.id, domain: mail });
	}
	return { contacts, domains: known };
}

/** A staff member of the tenant with this address (a tech answering a ticket from their mailbox). */
export function memberByEmail(db: Db, tenantId: string, address: string): Promise<{ name: string } | undefined> {
	return one(db, `SELECT u.name FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.tenant_id = $1 AND lower(u.email) = $2`, [tenantId, address]);
}
