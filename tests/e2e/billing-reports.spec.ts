import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { formatDay, requireDay } from '#lib/domain/contracts/days.js';
import { draftUntil, upsertAll, writeCustomer, writeDoc } from '../support/billing.js';
import { signUpTenant } from '../support/client.js';

/**
 * The billing reports in the browser: a tenant set up and billed through the
 * API (a plan, a run posted 40 days ago, a payment), then found from the
 * Reports area, read as charts and tables, and downloaded as CSV from the
 * page's own button.
 */

const dayBefore = (today: string, days: number) => formatDay(requireDay(today) - days);

async function billedTenant(baseURL: string) {
	const owner = await signUpTenant(baseURL, 'reports');
	await writeDoc(owner, 'catalog', 'catalog', (doc) => {
		upsertAll(doc, 'servicePlans', { 'p-managed': { name: 'Managed', basis: 'devices', workstationPrice: 3_000, workstationCost: 1_000, serverPrice: 15_000, serverCost: 6_000, taxable: true } });
		upsertAll(doc, 'taxRates', { 't-std': { name: 'Sales tax', basisPoints: 825 } });
	});
	await writeCustomer(owner, 'acme', 'Acme Dental', { workstation: 3, server: 1 }, { paymentTermsDays: 30 });
	await writeDoc(owner, 'contracts', 'contracts', (doc) => upsertAll(doc, 'planAssociations', { 'a-acme': { customerId: 'acme', planId: 'p-managed', cycle: 'monthly', start: '2026-01-01' } }));
	const today = (await owner.client.get('/api/v1/billing/reports/aging')).json.asOf as string;
	const run = await owner.client.post('/api/v1/billing/runs', { periodStart: '2026-11-01', periodEnd: '2026-11-30', issuedOn: dayBefore(today, 40) });
	await draftUntil(owner, run.json.id, (v) => v.customers.length === 1, 'the draft');
	await owner.client.post(`/api/v1/billing/runs/${run.json.id}/post`);
	const [invoice] = (await owner.client.get('/api/v1/billing/invoices')).json.invoices;
	await owner.client.post(`/api/v1/billing/invoices/${invoice.id}/payments`, { amount: 5_980, paidOn: today });
	return { owner, today, invoice };
}

/** Clicks the page's Export CSV and reads the file it saves: its name and its rows. */
async function download(page: Page) {
	const saving = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Export CSV' }).click();
	const file = await saving;
	const text = await readFile((await file.path())!, 'utf8');
	expect(text.startsWith('\ufeff')).toBe(true);
	return { name: file.suggestedFilename(), rows: Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data };
}

test('the billing reports: found from Reports, drawn and tabled, downloaded as CSV', async ({ page, context, baseURL }, testInfo) => {
	const { owner, today, invoice } = await billedTenant(baseURL!);
	const [name, value] = owner.client.cookie.split('=');
	await context.addCookies([{ name, value, url: baseURL! }]);

	await page.goto('/reports');
	await page.getByRole('link', { name: /^Revenue/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Revenue' })).toBeVisible();
	// the plan: $240.00 before tax, in the month it was issued
	await expect(page.getByRole('img', { name: 'Net revenue per month, as bars' })).toBeVisible();
	await expect(page.getByTestId('revenue-customers').getByRole('row', { name: /Acme Dental/ })).toContainText('$240.00');
	await page.screenshot({ path: testInfo.outputPath('billing-revenue.png'), fullPage: true });
	const revenue = await download(page);
	expect(revenue.name).toMatch(/^revenue-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/);
	expect(revenue.rows).toEqual([
		['Month', 'Customer ID', 'Customer', 'Agreement', 'Agreement type', 'Invoiced', 'Credited', 'Net revenue'],
		[dayBefore(today, 40).slice(0, 7), 'acme', 'Acme Dental', 'No agreement', 'No agreement', '240.00', '0.00', '240.00']
	]);

	// aging: $259.80 less $59.80 paid, 10 days past due
	await page.getByRole('navigation', { name: 'Billing reports' }).getByRole('link', { name: 'Receivables aging' }).click();
	await expect(page.getByRole('img', { name: /stacked by days past due/ })).toBeVisible();
	await expect(page.getByTestId('aging-invoices').getByRole('row', { name: new RegExp(invoice.number) })).toContainText('10 days');
	await expect(page.getByTestId('aging-customers').locator('tfoot')).toContainText('$200.00');
	await page.screenshot({ path: testInfo.outputPath('billing-aging.png'), fullPage: true });
	const aging = await download(page);
	expect(aging.rows[1]).toEqual([invoice.number, 'acme', 'Acme Dental', dayBefore(today, 40), dayBefore(today, 10), '10', '1–30 days', '259.80', '59.80', '0.00', '200.00']);

	// profitability: $240.00 less the plan's $90.00 cost
	await page.getByRole('navigation', { name: 'Billing reports' }).getByRole('link', { name: 'Profitability' }).click();
	await expect(page.getByTestId('profit-customers').getByRole('row', { name: /Acme Dental/ })).toContainText('$150.00');
	await expect(page.getByTestId('profit-customers').getByRole('row', { name: /Acme Dental/ })).toContainText('62.5%');
	await page.screenshot({ path: testInfo.outputPath('billing-profitability.png'), fullPage: true });

	// unbilled December: the plan's next month; no week changed after approval
	await page.goto('/reports/billing/unbilled?month=2026-12');
	await expect(page.getByTestId('unbilled-customers').getByRole('row', { name: /Acme Dental/ })).toContainText('$240.00');
	await page.screenshot({ path: testInfo.outputPath('billing-unbilled.png'), fullPage: true });
	await page.getByRole('link', { name: 'Next month' }).click();
	await expect(page).toHaveURL(/month=2027-01/);
	await page.getByRole('navigation', { name: 'Billing reports' }).getByRole('link', { name: 'Changed after approval' }).click();
	await expect(page.getByRole('heading', { name: 'No week changed after approval' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
});
