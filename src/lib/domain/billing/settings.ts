import { z } from 'zod';
import { optionalId, optionalText } from '../documents/fields.js';

/**
 * The tenant's invoice settings, kept in the catalog document's
 * `billingSettings` collection as the record `invoice` (the accounting
 * mapping is the record `accounting`, exports.ts): what heads an invoice and
 * what is printed under its totals. Missing fields fall back to none.
 */

export const BILLING_SETTINGS = 'billingSettings';
export const INVOICE_SETTINGS_ID = 'invoice';
export const ACCOUNTING_SETTINGS_ID = 'accounting';

export const invoiceSettingsRecord = z.object({
	/** the MSP's address, one line per line */
	address: optionalText(600).catch(null),
	email: optionalText(254).catch(null),
	phone: optionalText(60).catch(null),
	taxId: optionalText(60).catch(null),
	/** how to pay, printed under the totals */
	footer: optionalText(1000).catch(null),
	/** a PNG or JPEG in the file store */
	logoFileId: optionalId.catch(null)
});

export type InvoiceSettings = z.infer<typeof invoiceSettingsRecord>;
