import { z } from 'zod';
import { id, instant, optionalId, optionalText, text } from '../documents/fields.js';
import { termFields } from '../catalog/schema.js';
import { billingTermFields } from './billing-schema.js';

/** Validation of the records of the tenant's contracts document (`T:contracts`). */

/** What an agreement between the MSP and the customer is; its billing terms are in billing-schema.ts. */
export const AGREEMENT_TYPES = ['recurring', 'block-hours', 'retainer', 'time-and-materials', 'fixed-price'] as const;

/** Each agreement type as people call it. */
export const AGREEMENT_LABELS: Record<(typeof AGREEMENT_TYPES)[number], string> = {
	recurring: 'Recurring service',
	'block-hours': 'Block hours',
	retainer: 'Retainer',
	'time-and-materials': 'Time and materials',
	'fixed-price': 'Fixed price'
};

export const customerContractRecord = z.object({
	id,
	customerId: id,
	name: text(200).min(1, 'a contract needs a name'),
	/** 'msp': an agreement between the MSP and the customer; 'third-party': the customer's own contract with a vendor, tracked for them */
	party: z.enum(['msp', 'third-party']).catch('msp'),
	/** agreements only */
	type: z.enum(AGREEMENT_TYPES).nullish().catch(null).transform((v) => v ?? null),
	/** third-party contracts: who the customer contracts with */
	vendorName: optionalText(200),
	/** agreements: the SLA policy the customer's tickets are held to (the tenant's default when none) */
	slaPolicyId: optionalId,
	...termFields,
	...billingTermFields
});

/** A stored file attached to a contract (vendor or customer); the bytes live on the server, addressed by fileId. */
export const attachmentRecord = z.object({
	id,
	contractId: id,
	fileId: id,
	name: text(255).min(1),
	size: z.number().int().min(0),
	mime: text(120),
	uploadedAt: instant,
	uploadedBy: optionalId,
	deletedAt: instant
});

export type CustomerContractRecord = z.infer<typeof customerContractRecord>;
export type AttachmentRecord = z.infer<typeof attachmentRecord>;
