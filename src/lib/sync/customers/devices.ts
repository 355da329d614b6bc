import { DEVICE_TYPES } from '#lib/domain/customer/schema.js';
import { parseDay, requireDay } from '#lib/domain/contracts/days.js';
import type { PlainRecord } from '#lib/domain/documents/shape.js';

export type DeviceType = (typeof DEVICE_TYPES)[number];

/** A warranty ending this many days ahead or fewer shows as expiring (the usual lead time to quote a replacement). */
export const WARRANTY_SOON_DAYS = 90;

/** 'none': no expiry date recorded. */
export type WarrantyStatus = 'expired' | 'expiring' | 'covered' | 'none';

export function warrantyStatus(expiry: unknown, today: string): WarrantyStatus {
	const end = typeof expiry === 'string' ? parseDay(expiry) : null;
	if (end === null) return 'none';
	const left = end - requireDay(today);
	if (left < 0) return 'expired';
	return left <= WARRANTY_SOON_DAYS ? 'expiring' : 'covered';
}

/** How many devices (not deleted) of each type: what per-device billing counts. */
export function countByType(devices: PlainRecord[]): Record<DeviceType, number> {
	const counts = Object.fromEntries(DEVICE_TYPES.map((type) => [type, 0])) as Record<DeviceType, number>;
	for (const device of devices) {
		if (device.deletedAt) continue;
		const type = (DEVICE_TYPES as readonly unknown[]).includes(device.type) ? (device.type as DeviceType) : 'other';
		counts[type]++;
	}
	return counts;
}
