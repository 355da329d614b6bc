import { buffer } from 'node:stream/consumers';
import { docName } from '#lib/domain/documents/names.js';
import { plain } from '#lib/domain/documents/shape.js';
import { DEFAULT_EXPORT_MAPPING, exportMappingRecord, type ExportMapping } from '#lib/domain/billing/exports.js';
import type { InvoiceIssuer } from '#lib/domain/billing/invoice.js';
import { ACCOUNTING_SETTINGS_ID, BILLING_SETTINGS, INVOICE_SETTINGS_ID, invoiceSettingsRecord } from '#lib/domain/billing/settings.js';
import * as Y from 'yjs';
import { config } from '../config.js';
import type { Db } from '../db/index.js';
import { applyStored } from '../documents/stored-doc.js';
import { readStored } from '../files/storage.js';
import { findFile } from '../repositories/files.js';
import { getTenant } from '../repositories/tenants.js';
import { loadStoredDoc } from '../repositories/ydocs.js';

/**
 * The tenant's billing settings, read from its catalog document as stored
 * (state and log: everything the server acknowledged): who the invoices are
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
