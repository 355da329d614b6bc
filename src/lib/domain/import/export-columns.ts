import { asDate, asMoney, asYesNo, type Column, type Format } from './export.js';
import { minorUnits, type MoneyValue } from './money.js';
import { CLIENT_COLUMNS, CONTACT_COLUMNS, type ClientKey, type ContactKey } from './templates.js';
import { splitExtension } from './values.js';

/**
 * The column lists of our CSV exports, over the rows the rows feed serves
 * (camelCase fields; money as minor units, which node-postgres may hand over
 * as a string). Customers and contacts are written in the ITFlow import
 * templates' layout, so an export imports again unchanged.
 */

type Text = string | null | undefined;

export interface CustomerRow {
	name: string;
	industry?: Text;
	referral?: Text;
	website?: Text;
	phone?: Text;
	hourlyRate?: MoneyValue;
	currency?: Text;
	paymentTermsDays?: number | null;
	taxId?: Text;
	abbreviation?: Text;
}

export interface SiteRow {
	name: string;
	address1?: Text;
	address2?: Text;
	city?: Text;
	region?: Text;
	postalCode?: Text;
	country?: Text;
	phone?: Text;
}

export interface ContactRow {
	name: string;
	title?: Text;
	email?: Text;
	phone?: Text;
	mobile?: Text;
}

/** A customer with the site and contact written as its primary location and contact. */
export interface CustomerExportRow {
	customer: CustomerRow;
	site?: SiteRow | null;
	contact?: ContactRow | null;
}

export interface ContactExportRow extends ContactRow {
	customerName: string;
	siteName?: Text;
}

/** A deployment joined with its product (and the product's vendor and category) and customer. */
export interface StackExportRow {
	customerName: string;
	productName: string;
	vendorName?: Text;
	categoryName?: Text;
	quantity: number;
	since?: Text | Date;
	/** the product's price per unit per month, minor units */
	unitPrice?: MoneyValue;
}

/** A customer contract, or a vendor contract (no customer, no party). */
export interface ContractExportRow {
	customerName?: Text;
	vendorName?: Text;
	name: string;
	party?: 'msp' | 'third-party' | null;
	type?: Text;
	start?: Text | Date;
	renewalDate?: Text | Date;
	noticeDays?: number | null;
	/** worked out by the caller, who knows the contract rules */
	noticeDeadline?: Text | Date;
	amountPerPeriod?: MoneyValue;
	period?: Text;
	autoRenew?: boolean | null;
}

type Cell<R> = readonly [value: (row: R) => unknown, format?: Format];

/** The template's headers with our values under them; a template column we have no value for is left out. */
function templateColumns<K extends string, R>(
	template: readonly { key: K; label: string }[],
	cells: Partial<Record<K, Cell<R>>>
): Column<R>[] {
	return template.flatMap(({ key, label }): Column<R>[] => {
		const cell = cells[key];
		return cell ? [[label, cell[0], cell[1]]] : [];
	});
}

/** A two-line cell, which the import reads back as address lines 1 and 2. */
const address = (site: SiteRow | null | undefined) => [site?.address1, site?.address2].filter(Boolean).join('\n');

const CLIENT_CELLS: Record<ClientKey, Cell<CustomerExportRow>> = {
	name: [(r) => r.customer.name],
	industry: [(r) => r.customer.industry],
	referral: [(r) => r.customer.referral],
	website: [(r) => r.customer.website],
	siteName: [(r) => r.site?.name],
	phone: [(r) => r.customer.phone ?? r.site?.phone],
	address: [(r) => address(r.site)],
	city: [(r) => r.site?.city],
	region: [(r) => r.site?.region],
	postalCode: [(r) => r.site?.postalCode],
	country: [(r) => r.site?.country],
	contactName: [(r) => r.contact?.name],
	title: [(r) => r.contact?.title],
	contactPhone: [(r) => splitExtension(r.contact?.phone)[0]],
	extension: [(r) => splitExtension(r.contact?.phone)[1]],
	mobile: [(r) => r.contact?.mobile],
	email: [(r) => r.contact?.email],
	hourlyRate: [(r) => r.customer.hourlyRate, asMoney],
	currency: [(r) => r.customer.currency],
	paymentTerms: [(r) => r.customer.paymentTermsDays],
	taxId: [(r) => r.customer.taxId],
	abbreviation: [(r) => r.customer.abbreviation]
};

/** The ITFlow clients template's 22 columns. */
export const CUSTOMER_EXPORT_COLUMNS = templateColumns(CLIENT_COLUMNS, CLIENT_CELLS);

const CONTACT_CELLS: Partial<Record<ContactKey, Cell<ContactExportRow>>> = {
	customer: [(r) => r.customerName],
	contactName: [(r) => r.name],
	title: [(r) => r.title],
	email: [(r) => r.email],
	contactPhone: [(r) => splitExtension(r.phone)[0]],
	extension: [(r) => splitExtension(r.phone)[1]],
	mobile: [(r) => r.mobile],
	site: [(r) => r.siteName]
};

/** The ITFlow contacts template with its Client column (and without Department, which we do not keep). */
export const CONTACT_EXPORT_COLUMNS = templateColumns(CONTACT_COLUMNS, CONTACT_CELLS);

/** Quantity × unit price, in minor units. */
export function monthlyValue(row: StackExportRow): bigint | null {
	const price = minorUnits(row.unitPrice);
	return price === null ? null : BigInt(row.quantity) * price;
}

export const STACK_EXPORT_COLUMNS: Column<StackExportRow>[] = [
	['Customer', 'customerName'],
	['Product', 'productName'],
	['Vendor', 'vendorName'],
	['Category', 'categoryName'],
	['Quantity', 'quantity'],
	['Since', 'since', asDate],
	['Unit price', 'unitPrice', asMoney],
	['Monthly value', monthlyValue, asMoney]
];

const PARTIES: Record<string, string> = { msp: 'MSP agreement', 'third-party': 'Third-party' };

export const CONTRACT_EXPORT_COLUMNS: Column<ContractExportRow>[] = [
	['Customer or vendor', (r) => r.customerName ?? r.vendorName],
	['Name', 'name'],
	['Party', (r) => (r.party ? PARTIES[r.party] : 'Vendor contract')],
	['Type', 'type'],
	['Start', 'start', asDate],
	['Renewal date', 'renewalDate', asDate],
	['Notice days', 'noticeDays'],
	['Notice deadline', 'noticeDeadline', asDate],
	['Amount per period', 'amountPerPeriod', asMoney],
	['Period', 'period'],
	['Auto-renew', 'autoRenew', asYesNo]
];
