import { ownedKey } from './keys.js';
import { siteFields, validated, type SiteFields } from './records.js';
import { anyValue, requireName, type RowReader, type TemplateMapper } from './reader.js';
import type { LocationKey } from './templates.js';

/** ITFlow locations template rows → sites of one customer. */

export interface SiteImport {
	/** from a Client column; null: the customer the person importing picked */
	customerName: string | null;
	site: SiteFields;
}

type PlaceKey = 'siteName' | 'address' | 'city' | 'region' | 'postalCode' | 'country' | 'phone';

const SITE_FIELDS = {
	name: 'siteName',
	address1: 'address',
	address2: 'address',
	city: 'city',
	region: 'region',
	postalCode: 'postalCode',
	country: 'country',
	phone: 'phone'
} as const satisfies Partial<Record<keyof SiteFields, PlaceKey>>;

const LINE_BREAK = /\r?\n/;

/**
 * A site from the row's location columns (shared with the clients template's
 * primary location). An optional site is null when its name and address are
 * empty, and is called "Main" when only the address is filled in.
 */
export function readSite(row: RowReader<PlaceKey>, optional: boolean, hours: string | null = null): SiteFields | null {
	// a two-line address cell is address lines 1 and 2 (export.ts writes it so)
	const [address1 = null, ...more] = row.text('address')?.split(LINE_BREAK) ?? [];
	const place = {
		address1,
		address2: more.join(', ') || null,
		city: row.text('city'),
		region: row.text('region'),
		postalCode: row.text('postalCode'),
		country: row.text('country')
	};
	const named = row.text('siteName');
	if (optional && named === null && !anyValue(place)) return null;
	const name = optional ? (named ?? 'Main') : requireName(row, 'siteName', 'location');
	const site = { name, ...place, phone: row.text('phone'), hours };
	return name === null ? null : validated(siteFields, site, row, SITE_FIELDS);
}

export const locationMapper: TemplateMapper<SiteImport, LocationKey> = {
	map(row) {
		const site = readSite(row, false, row.text('hours'));
		return site && { customerName: row.text('customer'), site };
	},
	key: (mapped) => ownedKey(mapped.customerName, mapped.site.name),
	name: (mapped) => mapped.site.name
};
