import type { CategoryRecord, ProductRecord, VendorContractRecord, VendorRecord } from '#lib/domain/catalog/schema.js';
import type { ContactRow, CustomerRow, DeploymentRow, SiteRow } from '#lib/domain/customer/projection.js';
import type { CustomerContractRecord } from '#lib/domain/contracts/schema.js';
import { noticeDeadline, renewalDate } from '#lib/domain/contracts/schedule.js';
import type { ContactExportRow, ContractExportRow, CustomerExportRow, StackExportRow } from '#lib/domain/import/export-columns.js';

/**
 * The rows of the CSV exports, built in the browser from the row index and the
 * shared documents, so an export works offline. Deleted records (and the
 * records of deleted customers) are left out: an export is what is in use.
 */

type Live = { deletedAt: string | null };
type Named = { name: string };
type Owned = { customerId: string };

const live = <R extends Live>(rows: readonly R[]) => rows.filter((row) => !row.deletedAt);
const byName = (a: Named, b: Named) => a.name.localeCompare(b.name);

/** Records by the customer they belong to, oldest first: ids are UUIDv7, so their order is the order they were made. */
function byCustomer<R extends Live & Owned & { id: string }>(rows: readonly R[]): Map<string, R[]> {
	const sorted = live(rows).sort((a, b) => a.id.localeCompare(b.id));
	return Map.groupBy(sorted, (row) => row.customerId);
}

function liveCustomers(customers: readonly CustomerRow[]): Map<string, CustomerRow> {
	return new Map(live(customers).map((customer) => [customer.id, customer]));
}

/** One row per customer with its first site and first contact, in the ITFlow clients layout. */
export function customerExportRows(
	customers: readonly CustomerRow[],
	sites: readonly SiteRow[],
	contacts: readonly ContactRow[]
): CustomerExportRow[] {
	const sitesOf = byCustomer(sites);
	const contactsOf = byCustomer(contacts);
	return live(customers)
		.sort(byName)
		.map((customer) => ({ customer, site: sitesOf.get(customer.id)?.[0] ?? null, contact: contactsOf.get(customer.id)?.[0] ?? null }));
}

export function contactExportRows(
	customers: readonly CustomerRow[],
	sites: readonly SiteRow[],
	contacts: readonly ContactRow[]
): ContactExportRow[] {
	const owners = liveCustomers(customers);
	const siteNames = new Map(sites.map((site) => [site.id, site.name]));
	return live(contacts)
		.flatMap((contact) => {
			const owner = owners.get(contact.customerId);
			return owner ? [{ ...contact, customerName: owner.name, siteName: contact.siteId ? siteNames.get(contact.siteId) : null }] : [];
		})
		.sort((a, b) => a.customerName.localeCompare(b.customerName) || byName(a, b));
}

export interface CatalogRows {
	vendors: readonly VendorRecord[];
	categories: readonly CategoryRecord[];
	products: readonly ProductRecord[];
	vendorContracts: readonly VendorContractRecord[];
}

const namesById = (rows: readonly (Named & { id: string })[]) => new Map(rows.map((row) => [row.id, row.name]));

/** Each deployment with its product, the product's vendor and category, and its customer. */
export function stackExportRows(customers: readonly CustomerRow[], deployments: readonly DeploymentRow[], catalog: CatalogRows): StackExportRow[] {
	const owners = liveCustomers(customers);
	const products = new Map(catalog.products.map((product) => [product.id, product]));
	const vendors = namesById(catalog.vendors);
	const categories = namesById(catalog.categories);
	return live(deployments)
		.flatMap((deployment) => {
			const owner = owners.get(deployment.customerId);
			const product = products.get(deployment.productId);
			if (!owner) return [];
			return [
				{
					customerName: owner.name,
					// a product deleted from the catalog keeps its name; one never synced here is named by what is known
					productName: product?.name ?? 'Unknown product',
					vendorName: product?.vendorId ? vendors.get(product.vendorId) : null,
					categoryName: product?.categoryId ? categories.get(product.categoryId) : null,
					quantity: deployment.quantity,
					since: deployment.since,
					unitPrice: product?.unitPrice
				}
			];
		})
		.sort((a, b) => a.customerName.localeCompare(b.customerName) || a.productName.localeCompare(b.productName));
}

type Term = Pick<VendorContractRecord, 'start' | 'termMonths' | 'renewalDate' | 'autoRenew' | 'noticeDays' | 'amountPerPeriod' | 'period'>;

/** The term columns, with the renewal and notice deadline as they stand on `today` (auto-renewals rolled forward). */
function termCells(contract: Term, today: string) {
	return {
		start: contract.start,
		renewalDate: renewalDate(contract, today),
		noticeDays: contract.noticeDays,
		noticeDeadline: noticeDeadline(contract, today),
		amountPerPeriod: contract.amountPerPeriod,
		period: contract.period,
		autoRenew: contract.autoRenew
	};
}

/** Customer contracts (agreements and their third-party contracts), then the MSP's own vendor contracts. */
export function contractExportRows(
	customers: readonly CustomerRow[],
	customerContracts: readonly CustomerContractRecord[],
	catalog: Pick<CatalogRows, 'vendors' | 'vendorContracts'>,
	today: string
): ContractExportRow[] {
	const owners = liveCustomers(customers);
	const vendors = namesById(catalog.vendors);
	const ofCustomers = live(customerContracts).flatMap((contract): ContractExportRow[] => {
		const owner = owners.get(contract.customerId);
		if (!owner) return [];
		return [{ customerName: owner.name, name: contract.name, party: contract.party, type: contract.type, ...termCells(contract, today) }];
	});
	const ofVendors = live(catalog.vendorContracts).map(
		(contract): ContractExportRow => ({
			vendorName: contract.vendorId ? vendors.get(contract.vendorId) : null,
			name: contract.name,
			...termCells(contract, today)
		})
	);
	const counterparty = (row: ContractExportRow) => row.customerName ?? row.vendorName ?? '';
	const order = (a: ContractExportRow, b: ContractExportRow) => counterparty(a).localeCompare(counterparty(b)) || byName(a, b);
	return [...ofCustomers.sort(order), ...ofVendors.sort(order)];
}

