import { z } from 'zod';
import type { DeviceRecord } from '../customer/schema.js';
import type { Parsed } from './reader.js';

/** The smaller value rules of an import: emails, payment terms, phone extensions, device types. */

const EMAIL = z.email();

export function parseEmail(raw: string): Parsed<string> {
	return EMAIL.safeParse(raw).success ? { value: raw } : { reason: 'is not an email address' };
}

const NET_DAYS = /^(?:net\s*)?(\d{1,4})(?:\s*days?)?$/i;
const ON_RECEIPT = /^(?:due\s+)?(?:on|upon)\s+receipt$|^immediate(?:ly)?$|^cod$/i;
const MAX_TERMS_DAYS = 365;

/** "30", "Net 30", "30 days", "Due on receipt" → days. */
export function parsePaymentTerms(raw: string): Parsed<number> {
	if (ON_RECEIPT.test(raw)) return { value: 0 };
	const days = NET_DAYS.exec(raw);
	if (!days) return { reason: 'is not a number of days (write it like 30 or Net 30)' };
	const value = Number(days[1]);
	return value > MAX_TERMS_DAYS ? { reason: `is more than ${MAX_TERMS_DAYS} days` } : { value };
}

const EXTENSION_PREFIX = /^(?:ext\.?|x)\s*/i;
const WITH_EXTENSION = /^(.*), ext\. (.+)$/;

/** Our records keep one phone string: "555 0100, ext. 12". */
export function withExtension(phone: string | null, extension: string | null): string | null {
	const ext = extension?.replace(EXTENSION_PREFIX, '');
	if (!ext) return phone;
	return phone ? `${phone}, ext. ${ext}` : `ext. ${ext}`;
}

/** The reverse of withExtension, for export: [phone, extension]. */
export function splitExtension(phone: string | null | undefined): [string | null, string | null] {
	const parts = phone ? WITH_EXTENSION.exec(phone) : null;
	return parts ? [parts[1], parts[2]] : [phone ?? null, null];
}

type DeviceType = DeviceRecord['type'];

/** Checked in order: "Mobile Workstation" is a workstation, "Virtual Machine" a server. */
const TYPE_WORDS: [string, DeviceType][] = [
	['desktop', 'workstation'],
	['laptop', 'workstation'],
	['workstation', 'workstation'],
	['server', 'server'],
	['virtual machine', 'server'],
	['phone', 'mobile'],
	['mobile', 'mobile'],
	['tablet', 'mobile'],
	['firewall', 'network'],
	['switch', 'network'],
	['router', 'network'],
	['access point', 'network'],
	['network', 'network']
];

/** A free-text asset type (ITFlow's "Laptop", "Firewall/Router" …) → our device type. */
export function deviceType(raw: string | null): DeviceType {
	const type = raw?.toLowerCase() ?? '';
	return TYPE_WORDS.find(([word]) => type.includes(word))?.[1] ?? 'other';
}
