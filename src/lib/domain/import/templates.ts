/**
 * The CSV layouts we recognise. Column headers are ITFlow's own (from its
 * template downloads and exports in itflow-org/itflow, agent/post/*.php), so a
 * file exported from ITFlow imports without editing. Columns are matched by
 * header, not position, so their order does not matter.
 */

export interface ColumnSpec {
	/** what the row mappers read */
	readonly key: string;
	/** the header as the template writes it */
	readonly label: string;
	/** other headers that mean the same column (ITFlow's export names some columns differently from its template) */
	readonly aliases?: readonly string[];
	/** may be left out of the file */
	readonly optional?: boolean;
	/** accepted so the template's own file matches, but our records have no place for it */
	readonly ignored?: boolean;
}

export interface TemplateSpec {
	readonly id: TemplateId;
	readonly title: string;
	readonly columns: readonly ColumnSpec[];
}

export const TEMPLATE_IDS = ['names', 'itflow-clients', 'itflow-contacts', 'itflow-locations', 'itflow-assets'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** The customer a contact, location or asset belongs to; without it they go to the customer the person picked. */
const CLIENT = {
	key: 'customer',
	label: 'Client',
	aliases: ['Client Name', 'Customer', 'Customer Name'],
	optional: true
} as const;

export const NAMES_COLUMNS = [
	{
		key: 'name',
		label: 'Name',
		aliases: ['Company', 'Company Name', 'Client', 'Client Name', 'Customer', 'Customer Name', 'Organisation', 'Organization']
	}
] as const satisfies readonly ColumnSpec[];

export const CLIENT_COLUMNS = [
	{ key: 'name', label: 'Client Name' },
	{ key: 'industry', label: 'Industry' },
	{ key: 'referral', label: 'Referral' },
	{ key: 'website', label: 'Website' },
	{ key: 'siteName', label: 'Primary Location Name' },
	{ key: 'phone', label: 'Location Phone' },
	{ key: 'address', label: 'Location Address' },
	{ key: 'city', label: 'City' },
	{ key: 'region', label: 'State' },
	{ key: 'postalCode', label: 'Postal Code' },
	{ key: 'country', label: 'Country' },
	{ key: 'contactName', label: 'Primary Contact Name' },
	{ key: 'title', label: 'Title' },
	{ key: 'contactPhone', label: 'Contact Phone' },
	{ key: 'extension', label: 'Extension' },
	{ key: 'mobile', label: 'Contact Mobile' },
	{ key: 'email', label: 'Contact Email' },
	{ key: 'hourlyRate', label: 'Hourly Rate' },
	{ key: 'currency', label: 'Currency' },
	{ key: 'paymentTerms', label: 'Payment Terms' },
	{ key: 'taxId', label: 'Tax ID' },
	{ key: 'abbreviation', label: 'Abbreviation' }
] as const satisfies readonly ColumnSpec[];

/** ITFlow's contacts template; the aliases are its contacts export. */
export const CONTACT_COLUMNS = [
	CLIENT,
	{ key: 'contactName', label: 'Full Name', aliases: ['Name', 'Contact Name'] },
	{ key: 'title', label: 'Job Title', aliases: ['Title'] },
	{ key: 'department', label: 'Department Name', aliases: ['Department'], optional: true, ignored: true },
	{ key: 'email', label: 'Email Address', aliases: ['Email'] },
	{ key: 'contactPhone', label: 'Office Phone', aliases: ['Phone'] },
	{ key: 'extension', label: 'Office Extension', aliases: ['Ext', 'Extension'] },
	{ key: 'mobile', label: 'Mobile Phone', aliases: ['Mobile'] },
	{ key: 'site', label: 'Office Location', aliases: ['Location'] }
] as const satisfies readonly ColumnSpec[];

/** ITFlow's locations template (its export is the same). */
export const LOCATION_COLUMNS = [
	CLIENT,
	{ key: 'siteName', label: 'Name' },
	{ key: 'description', label: 'Description', optional: true, ignored: true },
	{ key: 'address', label: 'Address' },
	{ key: 'city', label: 'City' },
	{ key: 'region', label: 'State' },
	{ key: 'postalCode', label: 'Postal Code' },
	{ key: 'country', label: 'Country', optional: true },
	{ key: 'phone', label: 'Phone' },
	{ key: 'hours', label: 'Hours' }
] as const satisfies readonly ColumnSpec[];

/** ITFlow's assets template; older templates lack the optional columns, its export adds the aliases and warranty/install dates. */
export const ASSET_COLUMNS = [
	CLIENT,
	{ key: 'name', label: 'Name' },
	{ key: 'description', label: 'Description' },
	{ key: 'type', label: 'Type' },
	{ key: 'make', label: 'Make' },
	{ key: 'model', label: 'Model' },
	{ key: 'serial', label: 'Serial', aliases: ['Serial Number'] },
	{ key: 'os', label: 'OS', aliases: ['Operating System'] },
	{ key: 'purchaseDate', label: 'Purchase Date', optional: true },
	{ key: 'warrantyExpiry', label: 'Warranty Expire', aliases: ['Warranty Expiry', 'Warranty Expires'], optional: true },
	{ key: 'installDate', label: 'Install Date', optional: true, ignored: true },
	{ key: 'contact', label: 'Assigned To' },
	{ key: 'site', label: 'Location' },
	{ key: 'location', label: 'Physical Location', optional: true },
	{ key: 'notes', label: 'Notes', optional: true }
] as const satisfies readonly ColumnSpec[];

export type ClientKey = (typeof CLIENT_COLUMNS)[number]['key'];
export type ContactKey = (typeof CONTACT_COLUMNS)[number]['key'];
export type LocationKey = (typeof LOCATION_COLUMNS)[number]['key'];
export type AssetKey = (typeof ASSET_COLUMNS)[number]['key'];

export const TEMPLATES: Record<TemplateId, TemplateSpec> = {
	names: { id: 'names', title: 'a list of customer names', columns: NAMES_COLUMNS },
	'itflow-clients': { id: 'itflow-clients', title: 'the ITFlow clients template', columns: CLIENT_COLUMNS },
	'itflow-contacts': { id: 'itflow-contacts', title: 'the ITFlow contacts template', columns: CONTACT_COLUMNS },
	'itflow-locations': { id: 'itflow-locations', title: 'the ITFlow locations template', columns: LOCATION_COLUMNS },
	'itflow-assets': { id: 'itflow-assets', title: 'the ITFlow assets template', columns: ASSET_COLUMNS }
};
