import { z } from 'zod';

/** Validation of each record of a customer document, shared by the materializer and the browser. */

const text = (max: number) => z.string().trim().max(max);
// optional text: missing, null and blank all project as null; overlong text is cut, not refused
const optionalText = (max: number) =>
	z
		.string()
		.nullish()
		.transform((v) => (v && v.trim() !== '' ? v.trim().slice(0, max) : null));
const instant = z.iso
	.datetime({ offset: true })
	.nullish()
	.transform((v) => v ?? null);
const id = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'id must be 1–64 letters, digits or dashes');

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
	siteId: id.nullish().transform((v) => v ?? null),
	portalAccess: z.enum(PORTAL_ACCESS).catch('none'),
	deletedAt: instant
});

export type CustomerRecord = z.infer<typeof customerRecord>;
export type SiteRecord = z.infer<typeof siteRecord>;
export type ContactRecord = z.infer<typeof contactRecord>;
