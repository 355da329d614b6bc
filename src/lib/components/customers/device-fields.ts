import type { DeviceType } from '#lib/sync/customers/devices.js';
import { recordChoices, type FieldSpec, type Values } from './fields.js';

export const DEVICE_TYPE_LABELS: Record<DeviceType, { one: string; many: string }> = {
	workstation: { one: 'Workstation', many: 'Workstations' },
	server: { one: 'Server', many: 'Servers' },
	mobile: { one: 'Mobile', many: 'Mobiles' },
	network: { one: 'Network device', many: 'Network devices' },
	other: { one: 'Other', many: 'Other' }
};

const TYPE_OPTIONS = Object.entries(DEVICE_TYPE_LABELS).map(([value, label]) => ({ value, label: label.one }));

/** The device form: what an MSP records about an asset (ITFlow's asset columns). */
export function deviceFields(sites: Values[], contacts: Values[]): FieldSpec[] {
	return [
		{ key: 'name', label: 'Device name', required: true, autocomplete: 'off' },
		{ key: 'type', label: 'Type', options: TYPE_OPTIONS },
		{ key: 'make', label: 'Make', autocomplete: 'off' },
		{ key: 'model', label: 'Model', autocomplete: 'off' },
		{ key: 'serial', label: 'Serial number', autocomplete: 'off' },
		{ key: 'os', label: 'Operating system', autocomplete: 'off' },
		{ key: 'siteId', label: 'Site', options: recordChoices(sites, 'No site') },
		{ key: 'location', label: 'Location (room, rack)', autocomplete: 'off' },
		{ key: 'contactId', label: 'Assigned to', options: recordChoices(contacts, 'Nobody') },
		{ key: 'purchaseDate', label: 'Purchase date', type: 'date' },
		{ key: 'warrantyExpiry', label: 'Warranty expires', type: 'date' },
		{ key: 'notes', label: 'Device notes', wide: true, autocomplete: 'off' }
	];
}
