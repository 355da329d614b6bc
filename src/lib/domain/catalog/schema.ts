import { z } from 'zod';
import { count, date, flag, id, idList, instant, money, optionalId, optionalText, text } from '../documents/fields.js';

/** Validation of the records of the tenant's catalog document (`T:catalog`): the stack, vendors and vendor contracts. */

export const vendorRecord = z.object({
	id,
	name: text(200).min(1, 'a vendor needs a name'),
	website: optionalText(300),
	phone: optionalText(60),
	email: optionalText(254),
	accountNumber: optionalText(120),
	notes: optionalText(4000),
	deletedAt: instant
});

export const categoryRecord = z.object({
	id,
	name: text(120).min(1, 'a category needs a name'),
	deletedAt: instant
});

/** The categories a new tenant starts with (MSPs' usual stack headings). */
export const DEFAULT_CATEGORIES = [
	'Cyber Security',
	'Backup',
	'Remote Monitoring',
	'Email & Productivity',
	'Networking',
	'Hardware',
	'Licensing',
	'Telephony'
] as const;

export const PRODUCT_UNITS = ['per-device', 'per-user', 'flat'] as const;

export const productRecord = z.object({
	id,
	name: text(200).min(1, 'a product needs a name'),
	vendorId: optionalId,
	categoryId: optionalId,
	sku: optionalText(120),
	/** what the MSP pays the vendor per unit, minor units */
	unitCost: money,
	/** what the MSP charges per unit, minor units */
	unitPrice: money,
	unit: z.enum(PRODUCT_UNITS).catch('per-device'),
	description: optionalText(4000),
	deletedAt: instant
});

export const PERIODS = ['monthly', 'quarterly', 'annual'] as const;

/** A contract shared by vendor and customer contracts: term, renewal and notice. */
export const termFields = {
	start: date,
	termMonths: count(600),
	renewalDate: date,
	autoRenew: flag,
	noticeDays: count(3650),
	/** cost (vendor) or price (agreement) per period, minor units */
	amountPerPeriod: money,
	period: z.enum(PERIODS).catch('monthly'),
	/** lead times before the notice deadline, e.g. "90 30 7"; empty → the tenant's default */
	reminderDays: optionalText(60),
	notes: optionalText(4000),
	deletedAt: instant
};

/** The MSP's own contract with a vendor. */
export const vendorContractRecord = z.object({
	id,
	name: text(200).min(1, 'a contract needs a name'),
	vendorId: optionalId,
	productIds: idList,
	...termFields
});

export const FIELD_TYPES = ['text', 'number', 'date', 'choice'] as const;

/** A user-defined field on customers, defined by the tenant. */
export const customFieldRecord = z.object({
	id,
	label: text(120).min(1, 'a field needs a label'),
	type: z.enum(FIELD_TYPES).catch('text'),
	/** choices, one per line (type choice) */
	choices: optionalText(4000),
	rank: optionalText(64),
	deletedAt: instant
});

/** The catalog's own settings (the `catalog` entity map). */
export const catalogSettings = z.object({
	/** default reminder lead times before a notice deadline, days, space-separated */
	reminderDays: optionalText(60).transform((v) => v ?? '90 30 7')
});

export type VendorRecord = z.infer<typeof vendorRecord>;
export type CategoryRecord = z.infer<typeof categoryRecord>;
export type ProductRecord = z.infer<typeof productRecord>;
export type VendorContractRecord = z.infer<typeof vendorContractRecord>;
export type CustomFieldRecord = z.infer<typeof customFieldRecord>;
