import { NO_BILLING_TERMS } from '#lib/domain/contracts/billing-schema.js';
import { describe, expect, it } from 'vitest';
import { productRecord, vendorRecord, type VendorContractRecord } from '#lib/domain/catalog/schema.js';
import type { ContactRow, CustomerRow, DeploymentRow, SiteRow } from '#lib/domain/customer/projection.js';
import { contactRecord, customerRecord, deploymentRecord, siteRecord } from '#lib/domain/customer/schema.js';
import type { CustomerContractRecord } from '#lib/domain/contracts/schema.js';
import { toCsv } from '#lib/domain/import/export.js';
import { CUSTOMER_EXPORT_COLUMNS } from '#lib/domain/import/export-columns.js';
import { contactExportRows, contractExportRows, customerExportRows, stackExportRows } from './export-rows.js';

// the schemas fill every field left out with its empty value, as a projection does
const customer = (id: string, name: string, deletedAt: string | null = null): CustomerRow =>
	customerRecord.parse({ id, name, hourlyRate: 12500, currency: 'USD', paymentTermsDays: 30, deletedAt });
const site = (id: string, customerId: string, name: string, deletedAt: string | null = null): SiteRow => ({
	...siteRecord.parse({ id, name, address1: '1 Main St', city: 'Springfield', deletedAt }),
	customerId
});
const contact = (id: string, customerId: string, name: string, siteId: string | null = null, deletedAt: string | null = null): ContactRow => ({
	...contactRecord.parse({ id, name, email: `${name.toLowerCase()}@example.test`, siteId, deletedAt }),
	customerId
});

const customers = [customer('c2', 'Globex'), customer('c1', 'Acme'), customer('c3', 'Gone Ltd', '2026-01-01T00:00:00Z')];

describe('the customers export', () => {
	it('writes one row per customer in use, by name, with its first site and first contact', () => {
		const sites = [site('s2', 'c1', 'Branch'), site('s1', 'c1', 'Head office'), site('s0', 'c2', 'Old', '2026-01-01T00:00:00Z')];
		const contacts = [contact('p2', 'c1', 'Zed'), contact('p1', 'c1', 'Amy'), contact('p3', 'c3', 'Ghost')];
		const rows = customerExportRows(customers, sites, contacts);
		expect(rows.map((row) => [row.customer.name, row.site?.name ?? null, row.contact?.name ?? null])).toEqual([
			['Acme', 'Head office', 'Amy'],
			['Globex', null, null]
		]);
		const [header, acme] = toCsv(rows, CUSTOMER_EXPORT_COLUMNS).slice(1).split('\r\n');
		expect(header.split(',').slice(0, 3)).toEqual(['Client Name', 'Industry', 'Referral']);
		expect(acme).toContain('Acme,,,,Head office,,1 Main St,Springfield');
	});
});

describe('the contacts export', () => {
	it('names each contact’s customer and site, and leaves out deleted contacts and those of deleted customers', () => {
		const sites = [site('s1', 'c1', 'Head office')];
		const contacts = [contact('p1', 'c2', 'Hank'), contact('p2', 'c1', 'Amy', 's1'), contact('p3', 'c3', 'Ghost'), contact('p4', 'c1', 'Old', null, '2026-01-01T00:00:00Z')];
		expect(contactExportRows(customers, sites, contacts).map((row) => [row.customerName, row.name, row.siteName])).toEqual([
			['Acme', 'Amy', 'Head office'],
			['Globex', 'Hank', null]
		]);
	});
});

const product = (id: string, name: string, vendorId: string | null, categoryId: string | null, unitPrice: number | null) =>
	productRecord.parse({ id, name, vendorId, categoryId, unitPrice });
const deployment = (id: string, customerId: string, productId: string, quantity: number): DeploymentRow => ({
	...deploymentRecord.parse({ id, productId, quantity, since: '2025-06-01' }),
	customerId
});
const vendors = [vendorRecord.parse({ id: 'v1', name: 'SentinelOne' })];

describe('the stack export', () => {
	it('joins each deployment with its product, vendor, category and customer', () => {
		const catalog = {
			vendors,
			categories: [{ id: 'k1', name: 'Cyber Security', deletedAt: null }],
			products: [product('pr1', 'EDR Complete', 'v1', 'k1', 650), product('pr2', 'Backup', null, null, null)],
			vendorContracts: []
		};
		const deployments = [deployment('d1', 'c2', 'pr2', 3), deployment('d2', 'c1', 'pr1', 25), deployment('d3', 'c3', 'pr1', 9), deployment('d4', 'c1', 'gone', 1)];
		expect(stackExportRows(customers, deployments, catalog)).toEqual([
			{ customerName: 'Acme', productName: 'EDR Complete', vendorName: 'SentinelOne', categoryName: 'Cyber Security', quantity: 25, since: '2025-06-01', unitPrice: 650 },
			{ customerName: 'Acme', productName: 'Unknown product', vendorName: null, categoryName: null, quantity: 1, since: '2025-06-01', unitPrice: undefined },
			{ customerName: 'Globex', productName: 'Backup', vendorName: null, categoryName: null, quantity: 3, since: '2025-06-01', unitPrice: null }
		]);
	});
});

const term = { start: '2025-01-01', termMonths: 12, renewalDate: null, autoRenew: true, noticeDays: 30, amountPerPeriod: 50000, period: 'monthly' as const, reminderDays: null, notes: null, deletedAt: null };

describe('the contracts export', () => {
	it('writes customer contracts, then vendor contracts, with the notice deadline of the next renewal', () => {
		const agreement: CustomerContractRecord = { id: 'a1', customerId: 'c1', name: 'Managed services', party: 'msp', type: 'recurring', vendorName: null, slaPolicyId: null, ...term, ...NO_BILLING_TERMS };
		const ofDeleted: CustomerContractRecord = { ...agreement, id: 'a2', customerId: 'c3' };
		const vendorContract: VendorContractRecord = { id: 'vc1', name: 'EDR licences', vendorId: 'v1', productIds: [], ...term };
		const rows = contractExportRows(customers, [agreement, ofDeleted], { vendors, vendorContracts: [vendorContract] }, '2026-03-10');
		expect(rows).toEqual([
			{ customerName: 'Acme', name: 'Managed services', party: 'msp', type: 'recurring', start: '2025-01-01', renewalDate: '2027-01-01', noticeDays: 30, noticeDeadline: '2026-12-02', amountPerPeriod: 50000, period: 'monthly', autoRenew: true },
			{ vendorName: 'SentinelOne', name: 'EDR licences', start: '2025-01-01', renewalDate: '2027-01-01', noticeDays: 30, noticeDeadline: '2026-12-02', amountPerPeriod: 50000, period: 'monthly', autoRenew: true }
		]);
	});
});
