import { z } from 'zod';
import { count, currency, date, flag, id, instant, money, optionalId, optionalText, text } from '../documents/fields.js';

/** Validation of each record of a customer document, shared by the materializer and the browser. */

export const CUSTOMER_STATUSES = ['active', 'prospect', 'inactive'] as const;
export const PORTAL_ACCESS = ['none', 'view'] as const;

export const customerRecord = z.object({
	id,
	name: text(200).min(1, 'a customer needs a name'),
	status: z.enum(CUSTOMER_STATUSES).catch('active'),
	industry: optionalText(120),
	website: optionalText(300),
	phone: optionalText(60),
	email: optionalText(254),
	referral: optionalText(200),
	abbreviation: optionalText(20),
	/** the customer's labour rate, minor units per hour */
	hourlyRate: money,
	currency,
	paymentTermsDays: count(365),
	taxId: optionalText(60),
	/** the region whose tax rate applies to the customer's invoices (catalog tax rates); none: the tenant's default */
	taxRegion: optionalText(120),
	/** the customer's class (e.g. "Premier"), which workflow rules can look at */
	classification: optionalText(60),
	/** the account's lead technician (a user id): rules can assign to them */
	leadTechId: optionalId,
	createdAt: instant,
	deletedAt: instant
});

export const siteRecord = z.object({
	id,
	name: text(200).min(1, 'a site needs a name'),
	address1: optionalText(200),
	address2: optionalText(200),
	city: optionalText(120),
	region: optionalText(120),
	postalCode: optionalText(30),
	country: optionalText(120),
	phone: optionalText(60),
	hours: optionalText(200),
	deletedAt: instant
});

export const contactRecord = z.object({
	id,
	name: text(200).min(1, 'a contact needs a name'),
	title: optionalText(120),
	email: optionalText(254),
	phone: optionalText(60),
	mobile: optionalText(60),
	siteId: optionalId,
	portalAccess: z.enum(PORTAL_ACCESS).catch('none'),
	deletedAt: instant
});

/** A product from the catalog this customer runs (the stack). */
export const deploymentRecord = z.object({
	id,
	productId: id,
	quantity: z.number().int().min(0).max(1_000_000),
	since: date,
	siteId: optionalId,
	notes: optionalText(2000),
	deletedAt: instant
});

export const DEVICE_TYPES = ['workstation', 'server', 'mobile', 'network', 'other'] as const;

export const deviceRecord = z.object({
	id,
	name: text(200).min(1, 'a device needs a name'),
	type: z.enum(DEVICE_TYPES).catch('other'),
	make: optionalText(120),
	model: optionalText(120),
	serial: optionalText(120),
	os: optionalText(120),
	purchaseDate: date,
	warrantyExpiry: date,
	contactId: optionalId,
	siteId: optionalId,
	/** where in the site (room, rack) */
	location: optionalText(200),
	notes: optionalText(4000),
	deletedAt: instant
});

export const noteRecord = z.object({
	id,
	body: text(20_000).min(1, 'a note needs text'),
	by: optionalText(200),
	at: instant,
	pinned: flag,
	deletedAt: instant
});

/** A field value as records hold it: text, number, flag or nothing. */
const scalar = z.union([z.string().max(2000), z.number(), z.boolean()]).nullish().transform((v) => v ?? null);

/** A user-defined field's value on this customer; the record id is the field definition's id. */
export const customValueRecord = z.object({
	id,
	value: scalar
});

/**
 * One entry of a customer's history (the `changes` collection): who changed
 * which field of which record, from what to what. Append-only, so offline edits
 * merge as more entries; `field` null means the record was added. Kept in the
 * document only (not projected to Postgres).
 */
export const changeRecord = z.object({
	id,
	at: z.iso.datetime({ offset: true }),
	by: optionalText(200),
	/** 'customer' for the profile, else the collection (sites, contacts …) */
	collection: text(40).min(1),
	recordId: id,
	field: optionalText(120),
	from: scalar,
	to: scalar
});

export type CustomerRecord = z.infer<typeof customerRecord>;
export type SiteRecord = z.infer<typeof siteRecord>;
export type ContactRecord = z.infer<typeof contactRecord>;
export type DeploymentRecord = z.infer<typeof deploymentRecord>;
export type DeviceRecord = z.infer<typeof deviceRecord>;
export type NoteRecord = z.infer<typeof noteRecord>;
export type CustomValueRecord = z.infer<typeof customValueRecord>;
export type ChangeRecord = z.infer<typeof changeRecord>;
