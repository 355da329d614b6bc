import type { PlainRecord } from '#lib/domain/documents/shape.js';
import { MAX_QUANTITY } from '#lib/domain/stack/rollout.js';
import { parseCount } from '../contracts/inputs.js';
import type { FormResult } from './product-form.js';

/** The form of one deployment on a customer's stack: what people type to a record and back. */

// a type, not an interface: it passes as the Values of a form (an interface has no index signature)
export type DeploymentInput = {
	productId: string;
	quantity: string;
	since: string;
	siteId: string;
	notes: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseDeployment(input: DeploymentInput): FormResult {
	const errors: Record<string, string> = {};
	if (!input.productId) errors.productId = 'Choose a product';
	const quantity = parseCount(input.quantity, MAX_QUANTITY);
	if (!quantity.ok) errors.quantity = quantity.error;
	else if (quantity.value === null) errors.quantity = 'Enter a quantity';
	if (input.since && !DATE.test(input.since)) errors.since = 'Use a date such as 2026-03-01';
	if (input.notes.length > 2000) errors.notes = 'At most 2,000 characters';
	if (Object.keys(errors).length > 0 || !quantity.ok) return { ok: false, errors };
	return {
		ok: true,
		fields: {
			productId: input.productId,
			quantity: quantity.value,
			since: input.since || null,
			siteId: input.siteId || null,
			notes: input.notes.trim() || null
		}
	};
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The form's values for a deployment record, or a new one (one unit from today). */
export function deploymentInput(record: PlainRecord | null, today: string): DeploymentInput {
	return {
		productId: text(record?.productId),
		quantity: typeof record?.quantity === 'number' ? String(record.quantity) : '1',
		since: record ? text(record.since) : today,
		siteId: text(record?.siteId),
		notes: text(record?.notes)
	};
}
