import { buffer } from 'node:stream/consumers';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { docName } from '#lib/domain/documents/names.js';
import { plain, upsertRecord, type PlainRecord } from '#lib/domain/documents/shape.js';
import { DEFAULT_EXPORT_MAPPING, exportMappingFields, exportMappingRecord, type ExportMapping } from '#lib/domain/billing/exports.js';
import type { InvoiceIssuer } from '#lib/domain/billing/invoice.js';
import { ACCOUNTING_SETTINGS_ID, BILLING_SETTINGS, INVOICE_SETTINGS_ID, invoiceSettingsRecord } from '#lib/domain/billing/settings.js';
import * as Y from 'yjs';
import type { Identity } from '../auth/sessions.js';
import { config } from '../config.js';
import type { Db } from '../db/index.js';
import { editStoredDocs } from '../documents/edit-stored.js';
import { applyStored } from '../documents/stored-doc.js';
import { storeFile } from '../files/service.js';
import { readStored } from '../files/storage.js';
import { invalid } from '../http/errors.js';
import { appendAudit } from '../repositories/audit.js';
import { findFile } from '../repositories/files.js';
import { getTenant } from '../repositories/tenants.js';
import { loadStoredDoc } from '../repositories/ydocs.js';

/**
 * The tenant's billing settings, in its catalog document (read as stored:
 * state and log, everything the server acknowledged): who the invoices are
 * from, with the logo's bytes, and how lines map to accounting items.
 */

async function settingsRecords(db: Db, tenantId: string): Promise<{ invoice: unknown; accounting: unknown }> {
	const doc = applyStored(await loadStoredDoc(db, tenantId, docName(tenantId, 'catalog')));
	try {
		const settings = doc.getMap<Y.Map<unknown>>(BILLING_SETTINGS);
		const record = (id: string) => (settings.get(id) instanceof Y.Map ? plain(settings.get(id)!) : {});
		return { invoice: record(INVOICE_SETTINGS_ID), accounting: record(ACCOUNTING_SETTINGS_ID) };
	} finally {
		doc.destroy();
	}
}

export async function exportMapping(db: Db, tenantId: string): Promise<ExportMapping> {
	const parsed = exportMappingRecord.safeParse((await settingsRecords(db, tenantId)).accounting);
	return parsed.success ? parsed.data : DEFAULT_EXPORT_MAPPING;
}

const LOGO_FORMATS: Record<string, 'PNG' | 'JPEG'> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

async function logo(db: Db, tenantId: string, fileId: string | null): Promise<InvoiceIssuer['logo']> {
	const file = fileId ? await findFile(db, tenantId, fileId) : undefined;
	const format = file && LOGO_FORMATS[file.mime];
	const stream = format ? await readStored(config().dataDir, tenantId, file.id) : null;
	return stream && format ? { bytes: new Uint8Array(await buffer(stream as unknown as AsyncIterable<Uint8Array>)), format } : null;
}

export async function invoiceIssuer(db: Db, tenantId: string): Promise<InvoiceIssuer> {
	const [tenant, records] = await Promise.all([getTenant(db, tenantId), settingsRecords(db, tenantId)]);
	const parsed = invoiceSettingsRecord.safeParse(records.invoice);
	const settings = parsed.success ? parsed.data : invoiceSettingsRecord.parse({});
	return {
		name: tenant?.name ?? 'Invoice',
		address: (settings.address ?? '').split('\n').map((l) => l.trim()).filter(Boolean),
		email: settings.email,
		phone: settings.phone,
		taxId: settings.taxId,
		footer: settings.footer,
		logo: await logo(db, tenantId, settings.logoFileId)
	};
}

const MAX_LOGO_BYTES = 1024 * 1024;

export const billingSettingsInput = z.object({
	address: z.string().max(600, 'Keep the address under 600 characters.').default(''),
	email: z.union([z.literal(''), z.email('An email address, or leave it empty.')]).default(''),
	phone: z.string().max(60).default(''),
	taxId: z.string().max(60).default(''),
	footer: z.string().max(1000, 'Keep the payment details under 1,000 characters.').default(''),
	mapping: z.record(z.string(), z.string().max(100, 'At most 100 characters (QuickBooks’ limit).')).default({})
});

/** What the settings form shows: the invoice details as stored, and the mapping with its defaults filled in. */
export async function billingSettingsForm(db: Db, tenantId: string) {
	const records = await settingsRecords(db, tenantId);
	const invoice = invoiceSettingsRecord.safeParse(records.invoice);
	return { invoice: invoice.success ? invoice.data : invoiceSettingsRecord.parse({}), mapping: exportMappingFields(await exportMapping(db, tenantId)) };
}

/** Keeps a new logo in the file store: a PNG or JPEG of at most 1 MB. */
async function storeLogo(db: Db, actor: Identity, logo: File): Promise<string> {
	if (logo.size > MAX_LOGO_BYTES) throw invalid('The logo is too large.', { logo: 'A logo is at most 1 MB.' });
	const { file } = await storeFile(db, config().dataDir, actor.tenantId, actor.userId, { id: uuidv7(), name: logo.name || 'logo.png', declaredBytes: logo.size, body: logo.stream() });
	if (!LOGO_FORMATS[file.mime]) throw invalid('The logo must be a PNG or JPEG image.', { logo: 'A PNG or JPEG image.' });
	return file.id;
}

/**
 * Saves the invoice details and the accounting mapping into the catalog
 * document (its `billingSettings` records), written as a client's edit would
 * be; a logo given is stored first, and `removeLogo` takes it off invoices.
 */
export async function saveBillingSettings(db: Db, actor: Identity, input: z.infer<typeof billingSettingsInput>, logo: { file: File | null; remove: boolean }): Promise<void> {
	const logoFileId = logo.file && logo.file.size > 0 ? await storeLogo(db, actor, logo.file) : undefined;
	const mappingKeys = new Set(Object.keys(exportMappingFields(DEFAULT_EXPORT_MAPPING)));
	const mapping = Object.fromEntries(Object.entries(input.mapping).filter(([key]) => mappingKeys.has(key)).map(([key, value]) => [key, value.trim()]));
	const invoice: PlainRecord = { id: INVOICE_SETTINGS_ID, address: input.address.trim(), email: input.email.trim(), phone: input.phone.trim(), taxId: input.taxId.trim(), footer: input.footer.trim() };
	if (logoFileId) invoice.logoFileId = logoFileId;
	else if (logo.remove) invoice.logoFileId = null;
	await editStoredDocs(db, actor.tenantId, [docName(actor.tenantId, 'catalog')], (_, doc) => {
		doc.transact(() => {
			upsertRecord(doc, BILLING_SETTINGS, INVOICE_SETTINGS_ID, invoice);
			upsertRecord(doc, BILLING_SETTINGS, ACCOUNTING_SETTINGS_ID, { id: ACCOUNTING_SETTINGS_ID, ...mapping });
		});
	});
	await appendAudit(db, { tenantId: actor.tenantId, actorId: actor.userId, action: 'billing.settings', data: { logo: logoFileId ? 'new' : logo.remove ? 'removed' : 'kept' } });
}
