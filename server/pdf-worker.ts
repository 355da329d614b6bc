// Entry of the thread that makes a billing run's consolidated PDF (pdf-thread.ts): one run
// per thread, which exits when the bytes are sent.
import { parentPort, workerData } from 'node:worker_threads';
import { runPdf } from '#lib/server/billing/invoice-pdf.js';

const bytes = runPdf(workerData.issuer, workerData.invoices);
parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
