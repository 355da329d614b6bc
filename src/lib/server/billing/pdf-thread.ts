import { Worker } from 'node:worker_threads';
import type { Invoice, InvoiceIssuer } from '#lib/domain/billing/invoice.js';
import { runPdf } from './invoice-pdf.js';

/**
 * A whole run's PDF takes seconds (1,000 invoices ≈ 4 s): made on a thread of
 * its own, so the event loop that relays live edits never waits on it, with
 * its heap capped so a huge run cannot starve the server. The server entry
 * names the thread's script at boot (`usePdfThread`); without one (tests,
 * the CLI), it is made here.
 */

let script: string | null = null;

export function usePdfThread(path: string): void {
	script = path;
}

/** The heap a run's PDF may use: 1,000 invoices peak near 360 MB. */
const HEAP_MB = 512;

export function runPdfOffThread(issuer: InvoiceIssuer, invoices: readonly Invoice[]): Promise<Uint8Array> {
	if (!script) return Promise.resolve(runPdf(issuer, invoices));
	const worker = new Worker(script, { workerData: { issuer, invoices }, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
	return new Promise((resolve, reject) => {
		worker.once('message', (bytes: Uint8Array) => resolve(bytes));
		worker.once('error', reject);
		worker.once('exit', (code) => code !== 0 && reject(new Error(`the PDF thread stopped (${code})`)));
	});
}
