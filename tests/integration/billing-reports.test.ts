import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatDay, requireDay } from '#lib/domain/contracts/days.js';
import { upsertRecord } from '#lib/domain/documents/shape.js';
import { addTask, createProject, moveTask } from '#lib/domain/project/edits.js';
import { serverForFile } from '../support/app.js';
import { addMember, signUpTenant } from '../support/client.js';
import { approveWeeks, draftUntil, submitWeek, upsertAll, writeCustomer, writeDoc } from '../support/billing.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

/**
 * The billing reports end to end on a real server: three months of runs
 * posted with issue dates counted back from today (so each invoice falls in
 * its own aging bucket whenever the test runs), a payment and a credit note
 * through the API, a fixed-price project's time, a late edit before and after
 * posting; then every report's figures to the cent, and its CSV download.
 */
const server = serverForFile();

type Owner = Awaited<ReturnType<typeof signUpTenant>>;

const PROJECT = '01a30000-0000-7000-8000-00000000b001';

/** Acme on time and materials beside a device plan, Globex on the plan from the 17th, Initech on a fixed-price migration. */
async function reportsTenant(owner: Owner) {
	await writeDoc(owner, 'catalog', 'catalog', (doc) => {
		upsertAll(doc, 'servicePlans', { 'p-managed': { name: 'Managed', basis: 'devices', workstationPrice: 3_000, workstationCost: 1_000, serverPrice: 15_000, serverCost: 6_000, taxable: true } });
		upsertAll(doc, 'roles', { 'r-tech': { name: 'Technician', ratePerHour: 12_000, costPerHour: 4_500 }, 'r-eng': { name: 'Engineer', ratePerHour: 15_000, costPerHour: 4_503 } });
		upsertAll(doc, 'taxRates', { 't-std': { name: 'Sales tax', basisPoints: 825 } });
	});
	await writeCustomer(owner, 'acme', 'Acme Dental', { workstation: 3, server: 1 }, { paymentTermsDays: 30 });
	await writeCustomer(owner, 'globex', 'Globex', {}, { paymentTermsDays: 15 });
	await writeCustomer(owner, 'initech', 'Initech', {}, { paymentTermsDays: 60 });
	await writeDoc(owner, 'contracts', 'contracts', (doc) => {
		upsertAll(doc, 'customerContracts', {
			'c-acme': { customerId: 'acme', name: 'Support', party: 'msp', type: 'time-and-materials', start: '2026-01-01', incrementMinutes: 15, minimumMinutes: 60, afterHoursBasisPoints: 15_000 },
			'c-fixed': { customerId: 'initech', name: 'Migration', party: 'msp', type: 'fixed-price', start: '2026-01-01' }
		});
		upsertAll(doc, 'planAssociations', {
			'a-acme': { customerId: 'acme', planId: 'p-managed', cycle: 'monthly', start: '2026-01-01' },
			'a-globex': { customerId: 'globex', planId: 'p-managed', cycle: 'monthly', start: '2026-11-17', workstations: 10 }
		});
	});
	// the migration: its go-live milestone ($2,500.00) done on 20 November
	const project = await openAs(owner.client, `${owner.tenantId}:project:${PROJECT}`);
	createProject(project.doc, PROJECT, { name: 'Mail migration', customerId: 'initech', contractId: 'c-fixed', start: '2026-11-02' });
	const golive = addTask(project.doc, { title: 'Go live', milestone: true, fixedPrice: 250_000 });
	moveTask(project.doc, golive, 'done', 0, new Date('2026-11-20T12:00:00Z'));
	await allAcknowledged(project.provider);
	project.close();
}

const dayBefore = (today: string, days: number) => formatDay(requireDay(today) - days);

const waitingWeeks = async (owner: Owner) => ((await owner.client.get('/api/v1/timesheets/approvals?view=waiting')).json.weeks as { week: string }[]).map((w) => w.week).sort();

async function postRun(owner: Owner, periodStart: string, periodEnd: string, issuedOn: string, ready: (view: any) => boolean) {
	const res = await owner.client.post('/api/v1/billing/runs', { periodStart, periodEnd, issuedOn });
	if (res.status !== 201) throw new Error(`run: ${res.status} ${res.text}`);
	await draftUntil(owner, res.json.id, ready, `the run of ${periodStart}`);
	const posted = await owner.client.post(`/api/v1/billing/runs/${res.json.id}/post`);
	if (posted.status !== 200) throw new Error(`post: ${posted.status} ${posted.text}`);
	return (await owner.client.get(`/api/v1/billing/invoices`)).json.invoices.filter((i: any) => i.issuedOn === issuedOn) as any[];
}

const lineCounts = (view: any) => Object.fromEntries(view.customers.map((c: any) => [c.customerId, c.lines]));

/** A CSV download as the browser saves it: UTF-8 with a byte-order mark (Excel's cue), parsed. */
async function csvOf(owner: Owner, path: string) {
	const res = await fetch(`${server.app.url}${path}`, { headers: { cookie: owner.client.cookie } });
	expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
	const bytes = new Uint8Array(await res.arrayBuffer());
	expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
	return { name: /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1], rows: Papa.parse<string[]>(text, { skipEmptyLines: true }).data };
}

describe('billing reports', () => {
	it('reports revenue, profitability, aging, unbilled and changed weeks to the cent, and exports each as CSV', async () => {
		const owner = await signUpTenant(server.app.url);
		const tech = await addMember(owner, server.app.url, 'technician', 'Theo');
		await reportsTenant(owner);
		const today = (await owner.client.get('/api/v1/billing/reports/aging')).json.asOf as string;

		// week 46: Acme 20 min (billed as the hour's minimum) and 90 min after hours, Globex an hour, the migration 2 × 10 min by an engineer
		const w46 = await submitWeek(owner, tech, '2026-W46', [
			{ date: '2026-11-09', start: 600, end: 620, customerId: 'acme' },
			{ date: '2026-11-10', start: 1140, end: 1230, customerId: 'acme' },
			{ date: '2026-11-11', start: 540, end: 600, customerId: 'globex' },
			{ date: '2026-11-12', start: 540, end: 550, customerId: null, projectId: PROJECT, workRole: 'Engineer' },
			{ date: '2026-11-13', start: 540, end: 550, customerId: null, projectId: PROJECT, workRole: 'Engineer' }
		]);
		const w47 = await submitWeek(owner, tech, '2026-W47', [{ date: '2026-11-16', start: 540, end: 660, customerId: 'acme' }]);
		await approveWeeks(owner, [{ userId: tech.userId, week: '2026-W46' }, { userId: tech.userId, week: '2026-W47' }]);
		// week 47 edited late, before any run: held out of billing
		upsertRecord(w47.open.doc, 'entries', w47.ids[0], { endMinute: 690 });
		await allAcknowledged(w47.open.provider);
		await eventually(async () => (await waitingWeeks(owner)).includes('2026-W47') || null, 15_000, 'week 47 flagged');

		// September and October: Acme's plan ($240.00 + $19.80 tax); November: the plans, the labour, the milestone
		const [september] = await postRun(owner, '2026-09-01', '2026-09-30', dayBefore(today, 150), (v) => lineCounts(v).acme === 2);
		const [october] = await postRun(owner, '2026-10-01', '2026-10-31', dayBefore(today, 100), (v) => lineCounts(v).acme === 2);
		const november = await postRun(owner, '2026-11-01', '2026-11-30', dayBefore(today, 55), (v) => {
			const c = lineCounts(v);
			return c.acme === 4 && c.globex === 2 && c.initech === 1;
		});
		const inv = Object.fromEntries(november.map((i) => [i.customerId, i]));
		expect([september.total, october.total, inv.acme.total, inv.globex.total, inv.initech.total]).toEqual([25_980, 25_980, 64_980, 27_155, 250_000]);

		// a payment on Acme's November invoice and part of Initech's; the $120.00 labour line of Acme's credited
		expect((await owner.client.post(`/api/v1/billing/invoices/${inv.acme.id}/payments`, { amount: 20_000, paidOn: today })).status).toBe(201);
		expect((await owner.client.post(`/api/v1/billing/invoices/${inv.initech.id}/payments`, { amount: 100_000, paidOn: today, reference: 'wire' })).status).toBe(201);
		const acmeLines = (await owner.client.get(`/api/v1/billing/invoices/${inv.acme.id}`)).json.invoice.lines as any[];
		const labour = acmeLines.find((l) => l.kind === 'labour' && l.amount === 12_000);
		const credit = await owner.client.post(`/api/v1/billing/invoices/${inv.acme.id}/credit`, { lines: [{ lineId: labour.id }], reason: 'first hour on the house' });
		expect(credit.status).toBe(201);

		// week 46 edited after it was invoiced; week 48 approved after the run, with an hour for Acme and 45 billable minutes for no one
		upsertRecord(w46.open.doc, 'entries', w46.ids[0], { endMinute: 630 });
		await allAcknowledged(w46.open.provider);
		await eventually(async () => ((await waitingWeeks(owner)).join() === '2026-W46,2026-W47') || null, 15_000, 'week 46 flagged');
		const w48 = await submitWeek(owner, tech, '2026-W48', [
			{ date: '2026-11-24', start: 540, end: 600, customerId: 'acme' },
			{ date: '2026-11-25', start: 540, end: 585, customerId: null }
		]);
		await approveWeeks(owner, [{ userId: tech.userId, week: '2026-W48' }]);

		const from = `${dayBefore(today, 150).slice(0, 7)}-01`;
		const period = `from=${from}&to=${today}`;
		const month = (daysBack: number) => dayBefore(today, daysBack).slice(0, 7);

		// ——— revenue: before tax, by the month issued; the credit note in today's month takes $120.00 off Acme's T&M
		const revenue = (await owner.client.get(`/api/v1/billing/reports/revenue?${period}`)).json;
		expect([revenue.from, revenue.to, revenue.currency, revenue.problem]).toEqual([from, today, 'USD', null]);
		const byMonth = Object.fromEntries(revenue.months.filter((m: any) => m.invoiced || m.credited).map((m: any) => [m.month, [m.invoiced, m.credited, m.net]]));
		expect(byMonth).toEqual({ [month(150)]: [24_000, 0, 24_000], [month(100)]: [24_000, 0, 24_000], [month(55)]: [339_000, 0, 339_000], [month(0)]: [0, 12_000, -12_000] });
		expect(revenue.months.map((m: any) => m.month)[0]).toBe(month(150));
		expect(revenue.months.at(-1).month).toBe(month(0));
		expect(revenue.total).toEqual({ invoiced: 387_000, credited: 12_000, net: 375_000 });
		expect(revenue.customers.map((c: any) => [c.customerName, c.invoiced, c.credited, c.net])).toEqual([
			['Initech', 250_000, 0, 250_000],
			['Acme Dental', 111_000, 12_000, 99_000],
			['Globex', 26_000, 0, 26_000]
		]);
		expect(revenue.agreements.map((a: any) => [a.label, a.invoiced, a.credited, a.net])).toEqual([
			['Time and materials', 39_000, 12_000, 27_000],
			['Fixed price', 250_000, 0, 250_000],
			['No agreement', 98_000, 0, 98_000]
		]);

		// ——— profitability: labour at cost ($45/h; the engineer's 10 min at $45.03/h is 751 ¢ each), plans at cost
		const profit = (await owner.client.get(`/api/v1/billing/reports/profitability?${period}`)).json;
		expect(profit.agreements.map((a: any) => [a.customerName, a.contractName, a.revenue, a.labourCost, a.otherCost, a.margin])).toEqual([
			['Initech', 'Migration', 250_000, 1_502, 0, 248_498],
			// three months of plan at $90.00 cost
			['Acme Dental', 'No agreement', 72_000, 0, 27_000, 45_000],
			// $390.00 less $120.00 credited, less 20 and 90 minutes at $45/h
			['Acme Dental', 'Support', 27_000, 8_250, 0, 18_750],
			// the plan prorated 14/30 ($140.00, costing $46.67) and an hour
			['Globex', 'No agreement', 26_000, 4_500, 4_667, 16_833]
		]);
		expect(profit.customers.map((c: any) => [c.customerName, c.revenue, c.cost, c.margin, c.marginShare])).toEqual([
			['Initech', 250_000, 1_502, 248_498, 248_498 / 250_000],
			['Acme Dental', 99_000, 35_250, 63_750, 63_750 / 99_000],
			['Globex', 26_000, 9_167, 16_833, 16_833 / 26_000]
		]);
		expect(profit.total).toMatchObject({ revenue: 375_000, labourCost: 14_252, otherCost: 31_667, cost: 45_919, margin: 329_081 });
		expect(profit.unpricedMinutes).toBe(0);

		// ——— aging as of today: one invoice in each bucket
		const aging = (await owner.client.get('/api/v1/billing/reports/aging')).json;
		expect(aging.asOf).toBe(today);
		expect(aging.invoices.map((i: any) => [i.customerName, i.open, i.daysPastDue, i.bucket])).toEqual([
			['Acme Dental', 25_980, 120, '90+'],
			['Acme Dental', 25_980, 70, '61-90'],
			['Globex', 27_155, 40, '31-60'],
			// $649.80 less $200.00 paid and $120.00 credited
			['Acme Dental', 32_980, 25, '1-30'],
			['Initech', 150_000, -5, 'current']
		]);
		expect(aging.customers.map((c: any) => [c.customerName, c.open, c.invoices])).toEqual([
			['Initech', 150_000, 1],
			['Acme Dental', 84_940, 3],
			['Globex', 27_155, 1]
		]);
		expect(aging.total).toEqual({ buckets: { current: 150_000, '1-30': 32_980, '31-60': 27_155, '61-90': 25_980, '90+': 25_980 }, open: 262_095 });

		// ——— unbilled in December: the plans' December and week 48's hour; 45 minutes no one can be billed for
		const unbilled = (await owner.client.get('/api/v1/billing/reports/unbilled?month=2026-12')).json;
		expect([unbilled.from, unbilled.to]).toEqual(['2026-12-01', '2026-12-31']);
		expect(unbilled.customers.map((c: any) => [c.customerName, c.byKind.recurring, c.byKind.labour, c.minutes, c.lines, c.total])).toEqual([
			['Acme Dental', 24_000, 12_000, 60, 3, 36_000],
			['Globex', 30_000, 0, 0, 1, 30_000]
		]);
		expect([unbilled.kinds, unbilled.total.total, unbilled.unassigned, unbilled.problems]).toEqual([['recurring', 'labour'], 66_000, { entries: 1, minutes: 45 }, []]);

		// ——— changed after approval: week 47 never billed, week 46 with three entries on two invoices
		const changed = (await owner.client.get('/api/v1/billing/reports/changed-weeks')).json.weeks;
		expect(changed.map((w: any) => [w.personName, w.week, w.minutes, w.billableMinutes, w.invoicedEntries, w.invoices])).toEqual([
			['Theo', '2026-W47', 150, 150, 0, []],
			['Theo', '2026-W46', 200, 200, 3, [inv.acme.number, inv.globex.number].sort()]
		]);

		// ——— the CSV downloads: each parses, with its headers, and agrees with the JSON
		const revenueCsv = await csvOf(owner, `/api/v1/billing/reports/revenue?format=csv&${period}`);
		expect(revenueCsv.name).toBe(`revenue-${from}-to-${today}.csv`);
		expect(revenueCsv.rows[0]).toEqual(['Month', 'Customer ID', 'Customer', 'Agreement', 'Agreement type', 'Invoiced', 'Credited', 'Net revenue']);
		expect(revenueCsv.rows.slice(1).reduce((sum, r) => sum + Math.round(Number(r[7]) * 100), 0)).toBe(375_000);
		expect(revenueCsv.rows).toContainEqual([month(0), 'acme', 'Acme Dental', 'Support', 'Time and materials', '0.00', '120.00', '-120.00']);

		const profitCsv = await csvOf(owner, `/api/v1/billing/reports/profitability?format=csv&${period}`);
		expect(profitCsv.rows[0]).toEqual(['Customer ID', 'Customer', 'Agreement', 'Agreement type', 'Revenue', 'Labour cost', 'Other cost', 'Margin', 'Margin share']);
		expect(profitCsv.rows[1]).toEqual(['initech', 'Initech', 'Migration', 'Fixed price', '2500.00', '15.02', '0.00', '2484.98', '0.9940']);

		const agingCsv = await csvOf(owner, '/api/v1/billing/reports/aging?format=csv');
		expect(agingCsv.name).toBe(`receivables-aging-${today}.csv`);
		expect(agingCsv.rows[0]).toEqual(['Invoice', 'Customer ID', 'Customer', 'Issued', 'Due', 'Days past due', 'Bucket', 'Total', 'Paid', 'Credited', 'Open']);
		expect(agingCsv.rows.slice(1).map((r) => [r[0], r[6], r[10]])).toEqual([
			[september.number, '90+ days', '259.80'],
			[october.number, '61–90 days', '259.80'],
			[inv.globex.number, '31–60 days', '271.55'],
			[inv.acme.number, '1–30 days', '329.80'],
			[inv.initech.number, 'Current', '1500.00']
		]);

		const unbilledCsv = await csvOf(owner, '/api/v1/billing/reports/unbilled?format=csv&month=2026-12');
		expect(unbilledCsv.rows[0]).toEqual(['Customer ID', 'Customer', 'Managed services', 'Labour', 'Prepaid hours', 'Project milestones', 'Expenses', 'Products', 'Adjustments', 'Hours', 'Total']);
		expect(unbilledCsv.rows.slice(1).map((r) => [r[1], r[9], r[10]])).toEqual([
			['Acme Dental', '1.00', '360.00'],
			['Globex', '0.00', '300.00'],
			['No customer (cannot bill)', '0.75', '']
		]);

		const changedCsv = await csvOf(owner, '/api/v1/billing/reports/changed-weeks?format=csv');
		expect(changedCsv.rows).toEqual([
			['Person', 'Week', 'First day', 'Last day', 'Hours', 'Billable hours', 'Already invoiced', 'Invoices'],
			['Theo', '2026-W47', '2026-11-16', '2026-11-22', '2.50', '2.50', 'No', ''],
			['Theo', '2026-W46', '2026-11-09', '2026-11-15', '3.33', '3.33', 'Yes', [inv.acme.number, inv.globex.number].sort().join(' ')]
		]);

		// the pages render for those who bill; neither the reports nor their files for a technician; an unknown report is not found
		const page = await owner.client.get('/reports/billing/aging');
		expect(page.status).toBe(200);
		expect(page.text).toContain(inv.initech.number);
		expect((await owner.client.get('/reports')).text).toContain('/reports/billing/profitability');
		expect((await tech.client.get('/api/v1/billing/reports/revenue')).status).toBe(403);
		expect((await tech.client.get('/api/v1/billing/reports/aging?format=csv')).status).toBe(403);
		expect((await tech.client.get('/reports/billing/revenue')).status).toBe(403);
		expect((await owner.client.get('/api/v1/billing/reports/payroll')).status).toBe(404);
		w46.open.close();
		w47.open.close();
		w48.open.close();
	});

	it('shows empty reports for a tenant that has billed nothing, and refuses a backwards period with the default instead', async () => {
		const owner = await signUpTenant(server.app.url);
		const revenue = (await owner.client.get('/api/v1/billing/reports/revenue?from=2026-11-30&to=2026-11-01')).json;
		expect([revenue.problem, revenue.lines, revenue.total, revenue.months.length]).toEqual(['The last day is before the first.', [], { invoiced: 0, credited: 0, net: 0 }, 12]);
		const aging = (await owner.client.get('/api/v1/billing/reports/aging')).json;
		expect([aging.invoices, aging.total.open]).toEqual([[], 0]);
		const csv = await csvOf(owner, '/api/v1/billing/reports/changed-weeks?format=csv');
		expect(csv.rows).toEqual([['Person', 'Week', 'First day', 'Last day', 'Hours', 'Billable hours', 'Already invoiced', 'Invoices']]);
		for (const path of ['revenue', 'profitability', 'aging', 'unbilled', 'changed-weeks']) {
			const page = await owner.client.get(`/reports/billing/${path}`);
			expect(page.status).toBe(200);
		}
		expect((await owner.client.get('/reports/billing/unbilled')).text).toContain('Nothing waits to be billed');
	});
});
