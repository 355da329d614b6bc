import { parseDate } from './dates.js';
import { ownedKey } from './keys.js';
import { deviceFields, validated, type DeviceFields } from './records.js';
import { requireName, type TemplateMapper } from './reader.js';
import type { AssetKey } from './templates.js';
import { deviceType } from './values.js';

/** ITFlow assets template rows → devices of one customer. */

export interface DeviceImport {
	/** from a Client column; null: the customer the person importing picked */
	customerName: string | null;
	device: DeviceFields;
	/** "Assigned To": a contact by name, for the importer to look up */
	contactName: string | null;
	/** "Location": a site by name, for the importer to look up */
	siteName: string | null;
}

const DEVICE_FIELDS = {
	name: 'name',
	type: 'type',
	make: 'make',
	model: 'model',
	serial: 'serial',
	os: 'os',
	purchaseDate: 'purchaseDate',
	warrantyExpiry: 'warrantyExpiry',
	location: 'location',
	notes: 'notes'
} as const satisfies Partial<Record<keyof DeviceFields, AssetKey>>;

/** Devices have no description field; ITFlow's is a short line worth keeping, so it heads the notes. */
function notes(description: string | null, more: string | null): string | null {
	return description && more ? `${description}\n\n${more}` : (description ?? more);
}

export const assetMapper: TemplateMapper<DeviceImport, AssetKey> = {
	map(row) {
		const fields = {
			type: deviceType(row.text('type')),
			make: row.text('make'),
			model: row.text('model'),
			serial: row.text('serial'),
			os: row.text('os'),
			purchaseDate: row.parse('purchaseDate', parseDate),
			warrantyExpiry: row.parse('warrantyExpiry', parseDate),
			location: row.text('location'),
			notes: notes(row.text('description'), row.text('notes'))
		};
		const name = requireName(row, 'name', 'asset');
		const device = name === null ? null : validated(deviceFields, { name, ...fields }, row, DEVICE_FIELDS);
		return device && { customerName: row.text('customer'), device, contactName: row.text('contact'), siteName: row.text('site') };
	},
	// two rows with one name are the same asset unless their serial numbers differ
	key: (mapped) => ownedKey(mapped.customerName, mapped.device.name, mapped.device.serial),
	name: (mapped) => mapped.device.name
};
