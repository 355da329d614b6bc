import type { Invoice } from '#lib/domain/billing/invoice.js';
import type { Db } from '../db/index.js';
import { invalid } from '../http/errors.js';
import { invoiceIssuer } from './billing-settings.js';
import { invoicePdf } from './invoice-pdf.js';
import { runPdfOffThread } from './pdf-thread.js';

/** Invoice PDFs as downloads: one invoice (≈ 5 ms, made here) or a whole run in one document (on its own thread). */

function download(bytes: Uint8Array, filename: string): Response {
	return new Response(bytes as BodyInit, {
		headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'private, no-store' }
	});
}

export async function invoicePdfResponse(db: Db, tenantId: string, invoice: Invoice): Promise<Response> {
	return download(invoicePdf(await invoiceIssuer(db, tenantId), invoice), `${invoice.number}.pdf`);
}

export async function runPdfResponse(db: Db, tenantId: string, invoices: Invoice[], name: string): Promise<Response> {
	if (invoices.length === 0) throw invalid('There are no posted invoices in this run to print.');
	return download(await runPdfOffThread(await invoiceIssuer(db, tenantId), invoices), `${name}.pdf`);
}
