import { NO_BILLING_TERMS } from '../contracts/billing-schema.js';
import type { ProductRecord, VendorContractRecord } from '../catalog/schema.js';
import type { CustomerContractRecord } from '../contracts/schema.js';

/** Records for the stack's specs, every field given so each test names only what it is about. */

export const product = (id: string, fields: Partial<ProductRecord> = {}): ProductRecord => ({
	id,
	name: id,
	vendorId: null,
	categoryId: null,
	sku: null,
	unitCost: null,
	unitPrice: null,
	unit: 'per-device',
	description: null,
	deletedAt: null,
	...fields
});

const term = {
	start: null,
	termMonths: null,
	renewalDate: null,
	autoRenew: false,
	noticeDays: null,
	amountPerPeriod: null,
	period: 'monthly' as const,
	reminderDays: null,
	notes: null,
	deletedAt: null
};

export const vendorContract = (id: string, fields: Partial<VendorContractRecord> = {}): VendorContractRecord => ({
	id,
	name: id,
	vendorId: null,
	productIds: [],
	...term,
	...fields
});

export const customerContract = (id: string, customerId: string, fields: Partial<CustomerContractRecord> = {}): CustomerContractRecord => ({
	id,
	customerId,
	name: id,
	party: 'msp',
	slaPolicyId: null,
	type: 'recurring',
	vendorName: null,
	...term,
	...NO_BILLING_TERMS,
	...fields
});
