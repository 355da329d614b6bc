import { z } from 'zod';
import { id } from '../documents/fields.js';

/**
 * What a customer's contact may propose from the portal: a change to the
 * company profile, a change to a contact, a new contact, or that a contact has
 * left. Staff accept or decline; the portal never writes a document itself
 * (docs/decisions/016).
 */

export const PROPOSAL_KINDS = ['profile', 'contact', 'new-contact', 'contact-left'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** The profile fields a contact may propose; status, rates and billing stay with the MSP. */
export const PROFILE_PROPOSABLE = ['name', 'industry', 'website', 'phone', 'email'] as const;
/** The contact fields a contact may propose; portal access stays with the MSP. */
export const CONTACT_PROPOSABLE = ['name', 'title', 'email', 'phone', 'mobile', 'siteId'] as const;

export const PROPOSAL_FIELD_LABELS: Record<string, string> = {
	name: 'Name',
	industry: 'Industry',
	website: 'Website',
	phone: 'Phone',
	email: 'Email',
	title: 'Title',
	mobile: 'Mobile',
	siteId: 'Site'
};

/** Blank means "clear it": null, like an emptied field in the app. */
const value = (max: number) =>
	z
		.string()
		.trim()
		.max(max, `Use at most ${max} characters.`)
		.nullish()
		.transform((v) => (v ? v : null));

const email = value(254).refine((v) => v === null || z.email().safeParse(v).success, 'This is not an email address.');
const requiredName = z.string().trim().min(1, 'A name is needed.').max(200, 'Use at most 200 characters.');

const profileFields = z.strictObject({
	name: requiredName.optional(),
	industry: value(120).optional(),
	website: value(300).optional(),
	phone: value(60).optional(),
	email: email.optional()
});

const contactFields = z.strictObject({
	name: requiredName.optional(),
	title: value(120).optional(),
	email: email.optional(),
	phone: value(60).optional(),
	mobile: value(60).optional(),
	// a form's "No site" sends ''
	siteId: z.union([z.literal(''), id]).nullish().transform((v) => v || null).optional()
});

const note = value(2000).optional();

export const proposalInput = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('profile'), fields: profileFields, note }),
	z.object({ kind: z.literal('contact'), contactId: id, fields: contactFields, note }),
	z.object({ kind: z.literal('new-contact'), fields: contactFields.required({ name: true }), note }),
	z.object({ kind: z.literal('contact-left'), contactId: id, note })
]);
export type ProposalInput = z.infer<typeof proposalInput>;

export type ProposedValue = string | null;
/** field → what the contact saw, and what they propose */
export type ProposedChanges = Record<string, { from: ProposedValue; to: ProposedValue }>;

const asText = (v: unknown): ProposedValue => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

/**
 * The fields a proposal changes, against the values the contact saw. A field
 * given with the value it already has is no change; a new contact changes every
 * field it fills in.
 */
export function proposedChanges(current: Record<string, unknown>, fields: Record<string, ProposedValue | undefined>): ProposedChanges {
	const out: ProposedChanges = {};
	for (const [field, to] of Object.entries(fields)) {
		if (to === undefined) continue;
		const from = asText(current[field]);
		if (from !== to) out[field] = { from, to };
	}
	return out;
}

/** The values to write when a proposal is accepted: each changed field's proposed value. */
export function acceptedFields(changes: ProposedChanges): Record<string, ProposedValue> {
	return Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.to]));
}

/**
 * Whether a field changed in the document since the contact proposed: staff
 * then see that the proposal was made against an older value.
 */
export function changedSince(change: { from: ProposedValue }, now: unknown): boolean {
	return asText(now) !== change.from;
}

/** One line saying what a proposal is, for notifications, mail and lists. */
export function describeProposal(p: { kind: ProposalKind; subject: string; changes: ProposedChanges }): string {
	const fields = Object.keys(p.changes).map((field) => PROPOSAL_FIELD_LABELS[field] ?? field).join(', ');
	switch (p.kind) {
		case 'profile':
			return `Company profile of ${p.subject}: ${fields}`;
		case 'contact':
			return `Contact ${p.subject}: ${fields}`;
		case 'new-contact':
			return `New contact ${p.subject}`;
		case 'contact-left':
			return `${p.subject} has left the company`;
	}
}

/**
 * A portal form's fields as a proposal to validate: inputs named `fields.<field>`
 * (so a validation message finds its input by the same path), `kind`,
 * `contactId` and `note`.
 */
export function proposalFromForm(form: Record<string, string>): unknown {
	const fields: Record<string, string> = {};
	for (const [key, value] of Object.entries(form)) if (key.startsWith('fields.')) fields[key.slice('fields.'.length)] = value;
	return { kind: form.kind, contactId: form.contactId || undefined, fields, note: form.note };
}
