import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { upsertRecord } from '#lib/domain/documents/shape.js';
import { QBO_INVOICE_HEADERS } from '#lib/domain/billing/exports.js';
import { serverForFile, startSibling } from '../support/app.js';
import { addMember, ApiClient, signUpTenant } from '../support/client.js';
import { approveWeeks, billingTenant, draftUntil, submitWeek, writeDoc } from '../support/billing.js';
import { testBackend } from '../support/database.js';
import { allAcknowledged, eventually } from '../support/sync.js';

/**
 * A month's billing end to end on a real server: plans, agreements and
 * approved weeks written as the browser writes them; a run drafts them to the
 * cent, posts gapless numbered invoices, and a second run bills nothing twice.
 */
// the test clock moves a tenant past its invoices' due dates; the reminder scan runs every second
const server = serverForFile({ STACKDESK_TEST_CLOCK: 'unsafe-test-only', REMINDER_SCAN_SECONDS: '1' });

type Owner = Awaited<ReturnType<typeof signUpTenant>>;

const startRun = async (owner: Owner, periodStart: string, periodEnd: string) => {
	const res = await owner.client.post('/api/v1/billing/runs', { periodStart, periodEnd, issuedOn: '2026-12-01' });
	if (res.status !== 201) throw new Error(`run: ${res.status} ${res.text}`);
	return res.json.id as string;
};

/** Every page's text of a PDF, read back with pdf.js. */
async function pdfText(bytes: ArrayBuffer): Promise<string[]> {
	const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: 'node_modules/pdfjs-dist/standard_fonts/' }).promise;
	const pages: string[] = [];
	for (let n = 1; n <= pdf.numPages; n++) pages.push((await (await pdf.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' '));
	return pages;
}

const totals = (view: any) => Object.fromEntries(view.customers.map((c: any) => [c.customerName, [c.subtotal, c.tax.tax, c.tax.total]]));

describe('billing runs', () => {
	it('drafts approved time and plans to the cent, posts numbered invoices, excludes a late edit and never bills twice', async () => {
		const owner = await signUpTenant(server.app.url);
		const tech = await addMember(owner, server.app.url, 'technician', 'Theo');
		await billingTenant(owner);
		// week 46: 20 minutes (billed as the 1-hour minimum), 90 minutes after hours at 1.5×, an hour for Globex at the role's rate
		const w46 = await submitWeek(owner, tech, '2026-W46', [
			{ date: '2026-11-09', start: 600, end: 620, customerId: 'acme' },
			{ date: '2026-11-10', start: 1140, end: 1230, customerId: 'acme' },
			{ date: '2026-11-11', start: 540, end: 600, customerId: 'globex' }
		]);
		const w47 = await submitWeek(owner, tech, '2026-W47', [{ date: '2026-11-16', start: 540, end: 660, customerId: 'acme' }]);
		await approveWeeks(owner, [{ userId: tech.userId, week: '2026-W46' }, { userId: tech.userId, week: '2026-W47' }]);
		// a late edit of week 47 from a device that had not heard of the approval: flagged, held out of billing
		upsertRecord(w47.open.doc, 'entries', w47.ids[0], { endMinute: 690 });
		await allAcknowledged(w47.open.provider);
		await eventually(async () => ((await owner.client.get('/api/v1/timesheets/approvals?view=waiting')).json.weeks.length === 1) || null, 15_000, 'the late edit flagged');

		const runId = await startRun(owner, '2026-11-01', '2026-11-30');
		const view = await draftUntil(owner, runId, (v) => v.customers.length === 2 && v.customers[0].lines === 4 && v.customers[1].lines === 2, 'the November draft');
		// Acme: plan 3 × $30 + 1 × $150 = $240.00 taxed 8.25 % = $19.80; labour $120 + $270; week 47 is not in it
		// Globex: 10 × $30 × 14/30 days = $140.00, tax $11.55; an hour at $120; the plan with no price bills nothing
		expect(totals(view)).toEqual({ 'Acme Dental': [63_000, 1_980, 64_980], Globex: [26_000, 1_155, 27_155] });
		expect(view.run.notes.problems).toEqual(['The plan “Empty plan” has no price: set one in Billing → Plans.']);
		expect(view.taxRule).toContain('rounded half away from zero');
		const lines = (await owner.client.get(`/api/v1/billing/runs/${runId}/lines?customer=acme`)).json.lines;
		expect(lines.map((l: any) => [l.kind, l.sourceKind, l.amount])).toEqual([['recurring', 'plan', 9_000], ['recurring', 'plan', 15_000], ['labour', 'time-entry', 12_000], ['labour', 'time-entry', 27_000]]);

		const posted = await owner.client.post(`/api/v1/billing/runs/${runId}/post`);
		expect(posted.json).toEqual({ invoices: 2, first: 'INV-2026-00001', last: 'INV-2026-00002' });
		const invoices = (await owner.client.get('/api/v1/billing/invoices')).json.invoices;
		expect(invoices.map((i: any) => [i.number, i.customerName, i.total, i.dueOn])).toEqual([
			['INV-2026-00002', 'Globex', 27_155, '2026-12-16'],
			['INV-2026-00001', 'Acme Dental', 64_980, '2026-12-31']
		]);
		expect((await owner.client.post(`/api/v1/billing/runs/${runId}/post`)).status).toBe(409);

		// week 47 approved again: the next run bills only it (150 minutes); once more, nothing at all
		await approveWeeks(owner, [{ userId: tech.userId, week: '2026-W47' }]);
		const second = await startRun(owner, '2026-11-01', '2026-11-30');
		const again = await draftUntil(owner, second, (v) => v.customers.length === 1, 'the late week drafted');
		expect(totals(again)).toEqual({ 'Acme Dental': [30_000, 0, 30_000] });
		// changed after approval once more, after the draft: posting refuses, nothing is posted
		upsertRecord(w47.open.doc, 'entries', w47.ids[0], { endMinute: 720 });
		await allAcknowledged(w47.open.provider);
		await eventually(async () => ((await owner.client.get('/api/v1/timesheets/approvals?view=waiting')).json.weeks.length === 1) || null, 15_000, 'the second late edit flagged');
		const stale = await owner.client.post(`/api/v1/billing/runs/${second}/post`);
		expect(stale.status).toBe(409);
		expect(stale.json.error.code).toBe('draft_stale');
		await approveWeeks(owner, [{ userId: tech.userId, week: '2026-W47' }]);
		await draftUntil(owner, second, (v) => v.customers[0]?.subtotal === 36_000, 'the re-approved week');
		expect((await owner.client.post(`/api/v1/billing/runs/${second}/post`)).json).toEqual({ invoices: 1, first: 'INV-2026-00003', last: 'INV-2026-00003' });

		const third = await startRun(owner, '2026-11-01', '2026-11-30');
		expect((await owner.client.get(`/api/v1/billing/runs/${third}`)).json.customers).toEqual([]);
		const empty = await owner.client.post(`/api/v1/billing/runs/${third}/post`);
		expect([empty.status, empty.json.error.message]).toEqual([400, 'Nothing to post: this run has no lines. Re-draft it once time is approved, or discard it.']);
		w46.open.close();
		w47.open.close();
	});

	it('numbers stay gapless when two nodes post at once, and a run posted twice at once posts once', async () => {
		const owner = await signUpTenant(server.app.url);
		await billingTenant(owner);
		const [october, november, december] = await Promise.all([startRun(owner, '2026-10-01', '2026-10-31'), startRun(owner, '2026-11-01', '2026-11-30'), startRun(owner, '2026-12-01', '2026-12-31')]);
		for (const run of [october, november, december]) await draftUntil(owner, run, (v) => v.customers.length >= 1, 'a draft');
		const sibling = testBackend() === 'postgres' ? await startSibling(server.app) : null;
		const other = sibling ? new (owner.client.constructor as any)(sibling.url, owner.client.cookie) : owner.client;
		try {
			const results = await Promise.all([owner.client.post(`/api/v1/billing/runs/${october}/post`), other.post(`/api/v1/billing/runs/${november}/post`), other.post(`/api/v1/billing/runs/${december}/post`), owner.client.post(`/api/v1/billing/runs/${december}/post`)]);
			expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 409]);
			const numbers = (await owner.client.get('/api/v1/billing/invoices')).json.invoices.map((i: any) => i.number).sort();
			expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => `INV-2026-${String(i + 1).padStart(5, '0')}`));
			// October: Acme; November: Acme and Globex (from the 17th); December: both
			expect(numbers).toHaveLength(5);
		} finally {
			await sibling?.stop();
		}
	});

	it('draws a prepaid block down by approved time, bills what crosses its end at the overage rate, and alerts those who bill of a low balance', async () => {
		const owner = await signUpTenant(server.app.url);
		const tech = await addMember(owner, server.app.url, 'technician', 'Tess');
		await billingTenant(owner);
		// Globex bought 1.5 h in October (billed then); 30 minutes left is low
		await writeDoc(owner, 'contracts', 'contracts', (doc) =>
			upsertRecord(doc, 'customerContracts', 'b-globex', { id: 'b-globex', customerId: 'globex', name: 'Prepaid hours', party: 'msp', type: 'block-hours', start: '2026-10-01', blockMinutes: 90, blockPrice: 15_000, lowBalanceMinutes: 30, overageRate: 15_000 })
		);
		const week = await submitWeek(owner, tech, '2026-W46', [{ date: '2026-11-11', start: 540, end: 660, customerId: 'globex' }]);
		await approveWeeks(owner, [{ userId: tech.userId, week: '2026-W46' }]);
		const runId = await startRun(owner, '2026-11-01', '2026-11-30');
		const view = await draftUntil(owner, runId, (v) => v.customers.some((c: any) => c.customerId === 'globex' && c.lines === 3), 'the block drawn');
		const lines = (await owner.client.get(`/api/v1/billing/runs/${runId}/lines?customer=globex`)).json.lines;
		// 90 minutes from the block at no charge, the other 30 at $150/h = $75.00
		expect(lines.filter((l: any) => l.sourceKind === 'time-entry').map((l: any) => [l.kind, l.minutes, l.amount])).toEqual([['block', 90, 0], ['labour', 30, 7_500]]);
		expect(view.run.notes.balances).toEqual([{ contractId: 'b-globex', name: 'Prepaid hours', pool: 'b-globex', remainingMinutes: 0, low: true, customerId: 'globex' }]);
		await owner.client.post(`/api/v1/billing/runs/${runId}/post`);
		const notes = (await owner.client.get('/api/v1/notifications')).json.notifications;
		expect(notes.map((n: any) => [n.title, n.body, n.link])).toContainEqual(['Prepaid hours low: Prepaid hours', '0 h left after the last billing run.', '/contracts/b-globex']);
		week.open.close();
	});

	it('refuses bad input with a clear error and changes nothing', async () => {
		const owner = await signUpTenant(server.app.url);
		const tech = await addMember(owner, server.app.url, 'technician');
		await billingTenant(owner);
		const backwards = await owner.client.post('/api/v1/billing/runs', { periodStart: '2026-11-30', periodEnd: '2026-11-01' });
		expect([backwards.status, backwards.json.error.fields]).toEqual([400, { periodEnd: 'The period ends on or after its start.' }]);
		expect((await tech.client.post('/api/v1/billing/runs', { periodStart: '2026-11-01', periodEnd: '2026-11-30' })).status).toBe(403);
		expect((await owner.client.get("/api/v1/billing/runs/1' OR '1'='1")).status).toBe(404);
		const runId = await startRun(owner, '2026-11-01', '2026-11-30');
		const view = await draftUntil(owner, runId, (v) => v.customers.length === 2, 'the draft');
		const acme = (await owner.client.get(`/api/v1/billing/runs/${runId}/lines?customer=acme`)).json.lines;
		const negative = await owner.client.patch(`/api/v1/billing/runs/${runId}/lines/${acme[0].lineNo}`, { quantity: -3, unitPrice: 3_000, reason: '' });
		expect([negative.status, negative.json.error.fields]).toEqual([400, { quantity: 'A quantity cannot be negative.', reason: 'Say why the line changes: the audit keeps it.' }]);
		// a valid adjustment: 2 workstations, not 3, with its reason kept beside the run's own figure
		const adjusted = await owner.client.patch(`/api/v1/billing/runs/${runId}/lines/${acme[0].lineNo}`, { quantity: 2, unitPrice: 3_000, reason: 'one machine retired <script>alert(1)</script>' });
		expect(adjusted.json).toMatchObject({ amount: 6_000, draftedAmount: 9_000, adjustReason: 'one machine retired <script>alert(1)</script>' });
		// a re-draft keeps it
		const redrafted = await draftUntil(owner, runId, () => true, 'a re-draft');
		expect(redrafted.customers.find((c: any) => c.customerId === 'acme')).toMatchObject({ subtotal: view.customers.find((c: any) => c.customerId === 'acme').subtotal - 3_000, adjusted: 1 });
		expect((await owner.client.get('/settings/audit')).text).toContain('billing.line.adjust');

		await owner.client.post(`/api/v1/billing/runs/${runId}/post`);
		const [invoice] = (await owner.client.get('/api/v1/billing/invoices?customer=acme')).json.invoices;
		const tooMuch = await owner.client.post(`/api/v1/billing/invoices/${invoice.id}/payments`, { amount: invoice.total + 1, paidOn: '2026-12-05' });
		expect(tooMuch.status).toBe(400);
		expect((await owner.client.post(`/api/v1/billing/invoices/${invoice.id}/payments`, { amount: 0, paidOn: '2026-12-05' })).status).toBe(400);
		// a credit note for the whole invoice takes back its tax exactly and settles it
		const credit = await owner.client.post(`/api/v1/billing/invoices/${invoice.id}/credit`, { lines: 'all', reason: 'billed in error' });
		expect(credit.json.number).toBe('CN-2026-00001');
		const note = (await owner.client.get(`/api/v1/billing/invoices/${credit.json.id}`)).json.invoice;
		expect([note.creditOf, note.tax.total]).toEqual([invoice.number, -invoice.total]);
		expect((await owner.client.get(`/api/v1/billing/invoices/${invoice.id}`)).json.invoice.status).toBe('paid');
		expect((await owner.client.post(`/api/v1/billing/invoices/${invoice.id}/credit`, { lines: 'all', reason: 'again' })).status).toBe(400);
	});

	it('prints a posted invoice and a whole run as PDFs that read back with their totals, and exports them with the exact QuickBooks headers', async () => {
		const owner = await signUpTenant(server.app.url);
		await billingTenant(owner);
		const runId = await startRun(owner, '2026-11-01', '2026-11-30');
		await draftUntil(owner, runId, (v) => v.customers.length === 2, 'the draft');
		await owner.client.post(`/api/v1/billing/runs/${runId}/post`);
		const [globex, acme] = (await owner.client.get('/api/v1/billing/invoices')).json.invoices;
		// the tenant's invoice details and logo (a form with a file, as the settings page sends it); a text file is no logo
		const settings = (logo: Blob, name: string) => {
			const form = new FormData();
			for (const [k, v] of Object.entries({ address: '1 Harbour Road\nPortland, ME 04101', email: 'billing@msp.example', footer: 'Pay to IBAN GB00 TEST 0000 0000', 'mapping.labourItem': 'Consulting' })) form.set(k, v);
			form.set('logo', logo, name);
			return fetch(`${server.app.url}/billing/settings?/save`, { method: 'POST', body: form, headers: { cookie: owner.client.cookie, origin: server.app.url } });
		};
		expect(await (await settings(new Blob(['not an image']), 'logo.txt')).text()).toContain('PNG or JPEG');
		const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
		expect((await settings(new Blob([png], { type: 'image/png' }), 'logo.png')).status).toBe(200);
		expect((await owner.client.get('/billing/settings')).text).toContain('Consulting');
		const pdf = await fetch(`${server.app.url}/api/v1/billing/invoices/${acme.id}/pdf`, { headers: { cookie: owner.client.cookie } });
		expect([pdf.status, pdf.headers.get('content-type'), pdf.headers.get('content-disposition')]).toEqual([200, 'application/pdf', 'attachment; filename="INV-2026-00001.pdf"']);
		const text = (await pdfText(await pdf.arrayBuffer())).join(' ');
		// Acme: plan $240.00 taxed at 8.25 % = $19.80, labour none this time: total $259.80
		for (const figure of ['INV-2026-00001', 'Acme Dental', '$240.00', '$19.80', '$259.80', 'Net 30', '2026-12-31', '1 Harbour Road', 'Pay to IBAN GB00 TEST 0000 0000']) expect(text).toContain(figure);
		const run = await fetch(`${server.app.url}/api/v1/billing/runs/${runId}/pdf`, { headers: { cookie: owner.client.cookie } });
		const pages = await pdfText(await run.arrayBuffer());
		expect(pages.map((p) => p.includes('INV-2026-00001') ? 1 : p.includes('INV-2026-00002') ? 2 : 0)).toEqual([1, 2]);
		expect(pages[1]).toContain('$151.55');
		expect(globex.total).toBe(15_155);
		const qbo = await owner.client.get(`/api/v1/billing/runs/${runId}/export?format=qbo`);
		expect(qbo.headers.get('content-disposition')).toContain('.csv');
		expect(qbo.text.split(/\r?\n/)[0]).toBe('*InvoiceNo,*Customer,*InvoiceDate,*DueDate,Terms,Location,Memo,Item(Product/Service),ItemDescription,ItemQuantity,ItemRate,*ItemAmount,Service Date');
		const rows = Papa.parse<string[]>(qbo.text.trim(), { skipEmptyLines: true }).data;
		expect(rows[0]).toEqual([...QBO_INVOICE_HEADERS]);
		const amounts = rows.slice(1).reduce((sum, row) => sum + Math.round(Number(row[11]) * 100), 0);
		expect(amounts).toBe(24_000 + 1_980 + 14_000 + 1_155);
		const iif = await owner.client.get(`/api/v1/billing/runs/${runId}/export?format=iif`);
		expect(iif.text.split('\r\n').slice(0, 3).map((l) => l.split('\t')[0])).toEqual(['!TRNS', '!SPL', '!ENDTRNS']);
		const csv = await owner.client.get(`/api/v1/billing/runs/${runId}/export?format=csv`);
		expect(csv.status).toBe(200);
		expect((await owner.client.get(`/api/v1/billing/runs/${runId}/export?format=xlsx`)).status).toBe(400);

		// Acme's portal shows Acme's invoice, with its PDF, and nothing of Globex's
		await writeDoc(owner, 'customer:acme', 'customer', (doc) => upsertRecord(doc, 'contacts', 'acme-p1', { id: 'acme-p1', name: 'Ann Acme', email: 'ann@acme.example', portalAccess: 'view' }));
		const invited = await eventually(async () => {
			const res = await owner.client.post('/api/v1/portal/invitations', { customerId: 'acme', contactId: 'acme-p1' });
			return res.status === 201 ? res : null;
		}, 15_000, 'the contact projected');
		const portal = new ApiClient(server.app.url);
		await portal.post('/api/v1/portal/invitations/accept', { token: invited.json.invitation.acceptUrl.split('/portal/invite/')[1], password: 'portal password 1' });
		const home = await portal.get('/portal');
		expect(home.text).toContain('INV-2026-00001');
		expect(home.text).not.toContain('INV-2026-00002');
		const own = await fetch(`${server.app.url}/portal/invoices/${acme.id}/pdf`, { headers: { cookie: portal.cookie } });
		expect([own.status, (await own.text()).slice(0, 5)]).toEqual([200, '%PDF-']);
		expect((await fetch(`${server.app.url}/portal/invoices/${globex.id}/pdf`, { headers: { cookie: portal.cookie } })).status).toBe(404);
		expect((await portal.get('/api/v1/billing/invoices')).status).toBe(403);

		// mailed with their PDFs (Globex has no address: said so), then reminded of once overdue
		const sent = await owner.client.post('/api/v1/billing/invoices/send', { ids: [acme.id, globex.id] });
		expect(sent.json).toEqual({ sent: 1, failed: [], noAddress: ['INV-2026-00002'] });
		expect((await owner.client.get(`/api/v1/billing/invoices/${acme.id}`)).json.invoice.status).toBe('sent');
		expect((await owner.client.post('/api/v1/test/clock', { advanceMinutes: 31 * 24 * 60 })).status).toBe(200);
		const outbox = await eventually(async () => {
			const page = (await owner.client.get('/settings/mail')).text;
			return page.includes('Overdue: invoice INV-2026-00001') ? page : null;
		}, 15_000, 'the overdue reminder');
		expect(outbox).toContain('Invoice INV-2026-00001 from');
		expect((await owner.client.get('/api/v1/billing/invoices?status=overdue')).json.invoices.map((i: any) => i.number)).toEqual(['INV-2026-00002', 'INV-2026-00001']);
	});
});
