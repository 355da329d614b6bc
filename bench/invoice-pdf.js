// Invoice PDFs: `invoicePdf` and `runPdf` (src/lib/server/billing/invoice-pdf.ts, jsPDF drawn by
// hand) on invoices with lines of every kind at two tax rates and a 360×120 PNG logo. Measured
// in this process: one 2-page invoice, rendered to bytes, many times (median). Then a billing
// run — 1,000 invoices of 8 to 60 lines in one consolidated PDF — in a child process held to a
// 512 MB heap (--max-old-space-size=512), which reports its time and peak RSS
// (process.resourceUsage().maxRSS). The project's TypeScript is built into plain ESM first
// (support/bundle.js), so neither process carries Vite.
import { spawnSync } from 'node:child_process';
import { crc32, deflateSync } from 'node:zlib';
import { jsPDF } from 'jspdf';
import { noteLoad, percentiles, verdict, writeResult } from './support/clients.js';

const SAMPLES = Number(process.env.BENCH_PDF_SAMPLES ?? 200);
const WARMUP = 30;
const RUN_INVOICES = Number(process.env.BENCH_PDF_RUN_INVOICES ?? 1_000);
/** lines that make the single invoice exactly 2 pages (checked below) */
const TWO_PAGE_LINES = 45;
const HEAP_MB = 512;
const TARGETS = { invoiceP50Ms: 10, runSeconds: 10, runMaxRssMB: 512 };
const KINDS = ['recurring', 'labour', 'block', 'milestone', 'expense', 'product', 'adjustment'];
const WORDS = ['Managed workstation', 'Server monitoring and patching', 'Onsite visit: replaced the core switch and re-cabled the patch panel in the server room', 'Microsoft 365 Business Premium', 'Firewall subscription renewal', 'Prepaid hours drawn down'];

const CHILD = '--billing-run';
const isChild = process.argv.includes(CHILD);
// the parent builds, the child imports what the parent built (its path is in argv)
const bundle = isChild
	? JSON.parse(process.argv.at(-1))
	: await (await import('./support/bundle.js')).bundleEntries('invoice-pdf', { pdf: 'src/lib/server/billing/invoice-pdf.ts', tax: 'src/lib/domain/billing/tax.ts' });
const [{ invoicePdf, runPdf }, { taxSummary }] = await Promise.all([import(bundle.pdf), import(bundle.tax)]);

/** A PNG as an MSP's logo might be: 360×120, RGBA, a gradient band and a solid block. */
function logoPng(width = 360, height = 120) {
	const chunk = (type, data) => {
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const out = Buffer.alloc(body.length + 8);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc32(body), body.length + 4);
		return out;
	};
	const raw = Buffer.alloc((width * 4 + 1) * height);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const at = y * (width * 4 + 1) + 1 + x * 4;
			const inBlock = x < height && y > 10 && y < height - 10;
			raw.set(inBlock ? [20, 60, 140, 255] : [Math.round((x / width) * 255), 120, 200 - Math.round((y / height) * 120), y % 40 < 30 ? 255 : 0], at);
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 6, 0, 0, 0], 8);
	const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
	return new Uint8Array(png);
}

const issuer = {
	name: 'Northwind IT Services',
	address: ['400 Harbour Street, Suite 12', 'Portland, OR 97201'],
	email: 'billing@northwind.example',
	phone: '+1 503 555 0100',
	taxId: 'US-93-1234567',
	logo: { bytes: logoPng(), format: 'PNG' },
	footer: 'Pay by ACH to Northwind IT Services, routing 123000000, account 4455667788. Questions: billing@northwind.example.'
};

function invoice(n, lineCount) {
	const lines = Array.from({ length: lineCount }, (_, i) => {
		const kind = KINDS[(i + n) % KINDS.length];
		const quantity = kind === 'labour' ? 0.25 * (1 + ((i + n) % 11)) : 1 + (i % 5);
		const unitPrice = 1_500 + ((i * 7_919 + n * 104_729) % 40_000);
		const description = `${WORDS[(i + n) % WORDS.length]} (${i + 1})`;
		return { id: `l${n}-${i}`, kind, sourceKind: 'manual', sourceId: `s${n}-${i}`, description, serviceDate: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`, quantity, unitPrice, amount: Math.round(quantity * unitPrice), taxable: kind !== 'labour', taxBasisPoints: i % 3 === 0 ? 600 : 825 };
	});
	const number = `INV-2026-${String(n).padStart(5, '0')}`;
	const billTo = { name: `Customer ${n} LLC`, email: `ap@customer${n}.example`, address: [`${n} Main Street`, 'Salem, OR 97301'], taxId: null };
	return { id: number, number, customerId: `c${n}`, billTo, issuedOn: '2026-12-01', dueOn: '2026-12-31', periodStart: '2026-11-01', periodEnd: '2026-11-30', currency: 'USD', terms: 'Net 30', creditOf: null, status: 'posted', lines, tax: taxSummary(lines), paid: 0 };
}

const pageCount = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
const mb = (bytes) => +(bytes / 1024 / 1024).toFixed(1);

/** The child: one billing run, its figures as JSON on stdout. */
function billingRun() {
	const invoices = Array.from({ length: RUN_INVOICES }, (_, n) => invoice(n + 1, 8 + ((n * 37) % 53)));
	const lines = invoices.reduce((sum, inv) => sum + inv.lines.length, 0);
	const rssBefore = process.memoryUsage().rss;
	const started = performance.now();
	const bytes = runPdf(issuer, invoices);
	const seconds = (performance.now() - started) / 1000;
	const images = Buffer.from(bytes).toString('latin1').split('/Subtype /Image').length - 1;
	const figures = { invoices: invoices.length, lines, rssBeforeMB: mb(rssBefore), pages: pageCount(bytes), pdfMB: mb(bytes.byteLength), imageObjects: images, seconds: +seconds.toFixed(2), maxRssMB: mb(process.resourceUsage().maxRSS * 1024), heapUsedMB: mb(process.memoryUsage().heapUsed) };
	process.stdout.write(JSON.stringify(figures) + '\n');
}

/** Times make() SAMPLES times after a warm-up; returns the percentiles and the last result. */
function sample(make) {
	for (let i = 0; i < WARMUP; i++) make();
	const samples = [];
	let last;
	for (let i = 0; i < SAMPLES; i++) {
		const started = performance.now();
		last = make();
		samples.push(performance.now() - started);
	}
	return { ms: percentiles(samples), last };
}

/** The floor on this machine now: a bare 2-page jsPDF document, a line of text a page. */
function bareTwoPages() {
	const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true, putOnlyUsedFonts: true });
	doc.text('page one', 42, 42);
	doc.addPage();
	doc.text('page two', 42, 42);
	return doc.output('arraybuffer');
}

function singleInvoice() {
	const inv = invoice(17, TWO_PAGE_LINES);
	// the process's first invoice: cold code, and the logo decoded (later ones reuse it)
	const started = performance.now();
	const pages = pageCount(invoicePdf(issuer, inv));
	const firstCallMs = +(performance.now() - started).toFixed(2);
	if (pages !== 2) throw new Error(`the single invoice is ${pages} pages, not 2: change TWO_PAGE_LINES`);
	const { ms, last } = sample(() => invoicePdf(issuer, inv));
	const floor = sample(bareTwoPages).ms;
	return { lines: TWO_PAGE_LINES, pages, pdfKB: +(last.byteLength / 1024).toFixed(1), logoKB: +(issuer.logo.bytes.byteLength / 1024).toFixed(1), firstCallMs, ms, bareTwoPageJsPdfMs: floor };
}

if (isChild) {
	billingRun();
} else {
	noteLoad();
	const single = singleInvoice();
	const singlePass = single.ms.p50 <= TARGETS.invoiceP50Ms;
	console.log(`invoice-pdf: one ${single.pages}-page invoice (${single.lines} lines, logo ${single.logoKB} KB, PDF ${single.pdfKB} KB): p50 ${single.ms.p50} ms, p99 ${single.ms.p99} ms, max ${single.ms.max} ms (target p50 ≤ ${TARGETS.invoiceP50Ms} ms) ${verdict(singlePass)}; the process's first ${single.firstCallMs} ms; a bare 2-page jsPDF document p50 ${single.bareTwoPageJsPdfMs.p50} ms`);
	const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, new URL(import.meta.url).pathname, CHILD, JSON.stringify(bundle)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	if (child.status !== 0) throw new Error(`the billing run failed (exit ${child.status}, signal ${child.signal})`);
	const run = JSON.parse(child.stdout.trim().split('\n').at(-1));
	const runPass = { seconds: run.seconds <= TARGETS.runSeconds, maxRss: run.maxRssMB <= TARGETS.runMaxRssMB };
	console.log(
		`  billing run: ${run.invoices} invoices, ${run.lines} lines, ${run.pages} pages in one PDF (${run.pdfMB} MB; ${run.imageObjects} image objects, the logo and its transparency): ` +
			`${run.seconds} s (target ≤ ${TARGETS.runSeconds} s) ${verdict(runPass.seconds)}; peak RSS ${run.maxRssMB} MB (${run.rssBeforeMB} MB before the run) with a ${HEAP_MB} MB heap (target < ${TARGETS.runMaxRssMB} MB) ${verdict(runPass.maxRss)}`
	);
	writeResult('invoice-pdf', {
		setup: { samples: SAMPLES, warmup: WARMUP, runInvoices: RUN_INVOICES, heapLimitMB: HEAP_MB, loadedThrough: 'a Vite build of the TypeScript (bench/support/bundle.js)' },
		figures: { invoice: single, billingRun: run },
		targets: TARGETS,
		pass: { invoiceP50: singlePass, runSeconds: runPass.seconds, runMaxRss: runPass.maxRss }
	});
	if (!singlePass || !runPass.seconds || !runPass.maxRss) process.exitCode = 1;
}
