import { PRODUCT_UNITS, type ProductRecord } from '#lib/domain/catalog/schema.js';
import type { PlainRecord } from '#lib/domain/documents/shape.js';
import { moneyInput, parseMoney } from '../contracts/inputs.js';

/** The product form: what people type (all text) to a catalog record and back. */

export interface ProductInput {
	name: string;
	vendorId: string;
	categoryId: string;
	sku: string;
	unitCost: string;
	unitPrice: string;
	unit: string;
	description: string;
}

export type FormResult = { ok: true; fields: PlainRecord } | { ok: false; errors: Record<string, string> };

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function parseProduct(input: ProductInput, currency: string | null): FormResult {
	const errors: Record<string, string> = {};
	const name = input.name.trim();
	if (!name) errors.name = 'Give the product a name';
	else if (name.length > 200) errors.name = 'At most 200 characters';
	const money: Record<string, number | null> = {};
	for (const key of ['unitCost', 'unitPrice'] as const) {
		const parsed = parseMoney(input[key], currency);
		if (parsed.ok) money[key] = parsed.value;
		else errors[key] = parsed.error;
	}
	if (!(PRODUCT_UNITS as readonly string[]).includes(input.unit)) errors.unit = 'Choose how the product is counted';
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		fields: {
			name,
			vendorId: orNull(input.vendorId),
			categoryId: orNull(input.categoryId),
			sku: orNull(input.sku),
			unitCost: money.unitCost,
			unitPrice: money.unitPrice,
			unit: input.unit,
			description: orNull(input.description)
		}
	};
}

/** The form's values for an existing product, or a new one (counted per device, the usual MSP unit). */
export function productInput(product: ProductRecord | null, currency: string | null): ProductInput {
	return {
		name: product?.name ?? '',
		vendorId: product?.vendorId ?? '',
		categoryId: product?.categoryId ?? '',
		sku: product?.sku ?? '',
		unitCost: moneyInput(product?.unitCost ?? null, currency),
		unitPrice: moneyInput(product?.unitPrice ?? null, currency),
		unit: product?.unit ?? 'per-device',
		description: product?.description ?? ''
	};
}
