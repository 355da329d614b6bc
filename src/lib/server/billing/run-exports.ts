import iconv from 'iconv-lite';
import { invoicesCsv, quickBooksDesktopIif, quickBooksOnlineCsv } from '#lib/domain/billing/exports.js';
import type { Invoice } from '#lib/domain/billing/invoice.js';
import type { Db } from '../db/index.js';
import { invalid } from '../http/errors.js';
import { exportMapping } from './billing-settings.js';

/**
 * Posted invoices as the accounting package takes them: QuickBooks Online's
 * invoice CSV, QuickBooks Desktop's IIF (which it reads as Windows-1252), or
 * plain CSV; each a download named after what it holds.
 */

export const EXPORT_FORMATS = ['qbo', 'iif', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string | null): value is ExportFormat {
	return (EXPORT_FORMATS as readonly string[]).includes(value ?? '');
}

export async function exportResponse(db: Db, tenantId: string, invoices: Invoice[], format: ExportFormat, name: string): Promise<Response> {
	if (invoices.length === 0) throw invalid('There are no posted invoices to export here.');
	const posted = invoices.filter((i) => i.status !== 'void');
	const body =
		format === 'csv' ? invoicesCsv(invoices)
		: format === 'qbo' ? quickBooksOnlineCsv(posted, await exportMapping(db, tenantId))
		: iconv.encode(quickBooksDesktopIif(posted, await exportMapping(db, tenantId)), 'win1252');
	const [extension, type] = format === 'iif' ? ['iif', 'application/octet-stream'] : ['csv', 'text/csv; charset=utf-8'];
	return new Response(body as BodyInit, {
		headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}${format === 'qbo' ? '-quickbooks-online' : ''}.${extension}"`, 'cache-control': 'no-store' }
	});
}
