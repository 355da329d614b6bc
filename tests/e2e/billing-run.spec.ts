import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { QBO_INVOICE_HEADERS } from '#lib/domain/billing/exports.js';
import { approveWeeks, billingTenant, draftUntil, submitWeek } from '../support/billing.js';
import { addMember, ApiClient } from '../support/client.js';
import { signUpOwner } from './support.js';

/**
 * A month's billing in the browser: the tenant's plans, agreements and an
 * approved week written as the integration test writes them; then a run is
 * started from the form, its pre-bill checked to the cent, a line adjusted
 * with a reason, the run posted, and its PDF and QuickBooks export downloaded.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Billing MSP ${stamp}`, name: 'Bea Owner', email: `bea-${stamp}@example.test`, password: 'correct horse battery' };

/** The owner's session, as an API client for seeding from Node. */
async function apiOwner(page: Page, baseURL: string) {
	const cookies = await page.context().cookies();
	const client = new ApiClient(baseURL, cookies.map((c) => `${c.name}=${c.value}`).join('; '));
	const me = (await client.get('/api/v1/me')).json;
	return { client, userId: me.user.id as string, tenantId: me.tenant.id as string };
}

/** The integration test's tenant (two customers on a plan, one from mid-month; Acme on time and materials) and a technician's approved week. */
async function seedNovember(baseURL: string, seeder: Awaited<ReturnType<typeof apiOwner>>) {
	await billingTenant(seeder);
	const tech = await addMember(seeder, baseURL, 'technician', 'Theo');
	const week = await submitWeek(seeder, tech, '2026-W46', [
		{ date: '2026-11-09', start: 600, end: 620, customerId: 'acme' },
		{ date: '2026-11-10', start: 1140, end: 1230, customerId: 'acme' },
		{ date: '2026-11-11', start: 540, end: 600, customerId: 'globex' }
	]);
	week.open.close();
	await approveWeeks(seeder, [{ userId: tech.userId, week: '2026-W46' }]);
	// the documents reach the tables the run reads a moment later: a scratch run waits for them, then goes
	const scratch = (await seeder.client.post('/api/v1/billing/runs', { periodStart: '2026-11-01', periodEnd: '2026-11-30' })).json.id as string;
	await draftUntil(seeder, scratch, (v) => v.customers.length === 2 && v.customers[0].lines === 4 && v.customers[1].lines === 2, 'the seeded month projected');
	expect((await seeder.client.delete(`/api/v1/billing/runs/${scratch}`)).status).toBe(204);
}

const downloaded = async (download: Download) => readFile((await download.path())!);

test('a billing run: draft, review, adjust a line, post, print and export', async ({ page, baseURL }) => {
	test.setTimeout(120_000);
	await signUpOwner(page, owner);
	await seedNovember(baseURL!, await apiOwner(page, baseURL!));

	await page.getByTestId('nav').getByRole('link', { name: 'Billing' }).click();
	await page.getByRole('link', { name: /Billing runs/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Billing runs' })).toBeVisible();
	await expect(page.getByText('No runs yet')).toBeVisible();
	// the form offers last month, issued today
	const today = new Date();
	const firstOfThisMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
	const lastOfLastMonth = new Date(firstOfThisMonth.getTime() - 86_400_000);
	const newRun = page.getByRole('form', { name: 'New run' });
	await expect(newRun.getByLabel('Period start')).toHaveValue(`${lastOfLastMonth.toISOString().slice(0, 7)}-01`);
	await expect(newRun.getByLabel('Period end')).toHaveValue(lastOfLastMonth.toISOString().slice(0, 10));
	await expect(newRun.getByLabel('Issue date')).toHaveValue(today.toISOString().slice(0, 10));

	// November, issued on December 1st, typed and submitted from the keyboard; drafting says so while it runs
	await newRun.getByLabel('Period start').fill('2026-11-01');
	await newRun.getByLabel('Period end').fill('2026-11-30');
	await newRun.getByLabel('Issue date').fill('2026-12-01');
	const startAction = (url: URL) => url.pathname === '/billing/runs' && url.search === '?/start';
	await page.route(startAction, async (route) => {
		await new Promise((r) => setTimeout(r, 800));
		await route.continue();
	});
	await newRun.getByLabel('Issue date').press('Enter');
	await expect(newRun.getByRole('status')).toHaveText(/Drafting the run/);
	await expect(newRun.getByRole('button', { name: 'Draft invoices' })).toBeDisabled();
	await expect(page).toHaveURL(/\/billing\/runs\/[0-9a-f-]{36}$/);
	await page.unroute(startAction);

	// the pre-bill, to the cent: Acme's plan $240 taxed 8.25 % and $390 of labour; Globex's plan from the 17th and an hour
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Run Nov 1, 2026 – Nov 30, 2026');
	const preBill = page.getByTestId('pre-bill');
	const customerRow = (name: string) => preBill.getByTestId('pre-bill-customer').filter({ hasText: name });
	const acme = customerRow('Acme Dental');
	await expect(acme).toContainText('$630.00');
	await expect(acme).toContainText('$19.80');
	await expect(acme).toContainText('$649.80');
	await expect(customerRow('Globex')).toContainText('$271.55');
	await expect(preBill.getByRole('row', { name: /All 2 customers/ })).toContainText('$921.35');
	await expect(page.getByTestId('run-problems')).toContainText('The plan “Empty plan” has no price');
	await expect(page.getByTestId('tax-rule')).toContainText('rounded half away from zero');

	// Acme's lines: the plan's and the time entries', readable
	await acme.getByRole('button', { name: 'Acme Dental' }).click();
	await expect(acme.getByRole('button', { name: 'Acme Dental' })).toHaveAttribute('aria-expanded', 'true');
	const lines = page.getByTestId('draft-line');
	await expect(lines).toHaveCount(4);
	await expect(lines.nth(0)).toContainText('Plan');
	await expect(lines.nth(0)).toContainText('$90.00');
	await expect(lines.nth(2)).toContainText('Time entry');

	// a workstation retired: 2, not 3 — a negative quantity first, which the server refuses by field
	await lines.nth(0).getByRole('button', { name: /^Adjust/ }).click();
	const adjust = page.getByRole('form', { name: /^Adjust/ });
	await expect(adjust.getByLabel('Quantity')).toBeFocused();
	await adjust.getByLabel('Quantity').fill('-3');
	await adjust.getByLabel('Reason').fill('one machine retired');
	await adjust.getByRole('button', { name: 'Save adjustment' }).click();
	await expect(adjust.getByText('A quantity cannot be negative.').last()).toBeVisible();
	await expect(adjust.getByLabel('Quantity')).toBeFocused();
	await adjust.getByLabel('Quantity').fill('2');
	await adjust.getByLabel('Unit price (USD)').fill('30.00');
	await adjust.getByRole('button', { name: 'Save adjustment' }).click();
	await expect(adjust).toHaveCount(0);
	await expect(lines.nth(0)).toContainText('Adjusted: one machine retired');
	await expect(lines.nth(0).locator('del')).toHaveText(/\$90\.00/);
	await expect(lines.nth(0)).toContainText('$60.00');
	// $600.00 before tax; tax 8.25 % of $210.00 = $17.325, rounded once to $17.33
	await expect(acme).toContainText('$600.00');
	await expect(acme).toContainText('$17.33');
	await expect(acme).toContainText('$617.33');

	// post, after the confirmation
	page.once('dialog', async (dialog) => {
		expect(dialog.message()).toBe('Post 2 invoices? Posted invoices get numbers and never change.');
		await dialog.accept();
	});
	await page.getByRole('button', { name: 'Post 2 invoices' }).click();
	await expect(page.getByText('Posted 2 invoices: INV-2026-00001 to INV-2026-00002.')).toBeVisible();
	const invoices = page.getByTestId('invoices');
	await expect(invoices.getByRole('link', { name: 'INV-2026-00001' })).toBeVisible();
	await expect(invoices.getByRole('row', { name: /INV-2026-00001/ })).toContainText('$617.33');
	await expect(invoices.getByRole('row', { name: /INV-2026-00002/ })).toContainText('Globex');

	// the whole run as one PDF, and the QuickBooks Online export with its exact header
	const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download all (PDF)' }).click()]);
	expect(pdf.suggestedFilename()).toBe('invoices-2026-11.pdf');
	expect((await downloaded(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
	const [qbo] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'QuickBooks Online (CSV)' }).click()]);
	expect(qbo.suggestedFilename()).toBe('invoices-2026-11-quickbooks-online.csv');
	const header = (await downloaded(qbo)).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0];
	expect(header).toBe(QBO_INVOICE_HEADERS.join(','));

	// the invoice itself: its own PDF, and a payment that settles it
	await invoices.getByRole('link', { name: 'INV-2026-00001' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'INV-2026-00001' })).toBeVisible();
	await expect(page.getByText('Managed services')).toBeVisible();
	await expect(page.getByTestId('invoice-balance')).toHaveText('$617.33');
	const [one] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
	expect(one.suggestedFilename()).toBe('INV-2026-00001.pdf');
	expect((await downloaded(one)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
	const payment = page.getByRole('form', { name: 'Record a payment' });
	await expect(payment.getByLabel('Amount (USD)')).toHaveValue('617.33');
	await payment.getByLabel('Paid on').fill('2026-12-05');
	await payment.getByLabel('Reference').fill('ACH 1042');
	await payment.getByRole('button', { name: 'Record payment' }).click();
	await expect(page.getByText('Payment recorded.')).toBeVisible();
	await expect(page.getByTestId('payments')).toContainText('ACH 1042');
	await expect(page.getByTestId('invoice-balance')).toHaveText('$0.00');
	await expect(page.locator('.page-header .badge')).toHaveText('Paid');

	// Globex's plan line credited: none chosen first, which is named; the note links back to its invoice
	await page.getByRole('link', { name: 'Invoices', exact: true }).first().click();
	await page.getByRole('link', { name: 'INV-2026-00002' }).click();
	const credit = page.getByRole('form', { name: 'Issue a credit note' });
	await credit.getByLabel('Chosen lines').check();
	await credit.getByLabel('Reason').fill('plan started on the 20th');
	page.on('dialog', (dialog) => dialog.accept());
	await credit.getByRole('button', { name: 'Issue credit note' }).click();
	await expect(credit.getByText('Choose the lines to credit.').last()).toBeVisible();
	await credit.getByRole('checkbox').first().check();
	await credit.getByRole('button', { name: 'Issue credit note' }).click();
	await expect(page.getByText('Credit note CN-2026-00001 issued.')).toBeVisible();
	await page.getByRole('link', { name: 'Open CN-2026-00001' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'CN-2026-00001' })).toBeVisible();
	await page.getByRole('link', { name: 'INV-2026-00002' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'INV-2026-00002' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Credit notes' })).toContainText('CN-2026-00001');

	// November again: everything is billed, so posting says what to do; the empty draft is discarded
	await page.goto('/billing/runs');
	await newRun.getByLabel('Period start').fill('2026-11-01');
	await newRun.getByLabel('Period end').fill('2026-11-30');
	await newRun.getByRole('button', { name: 'Draft invoices' }).click();
	await expect(page.getByText('Nothing to bill in this period')).toBeVisible();
	await page.getByRole('button', { name: 'Post', exact: true }).click();
	await expect(page.getByTestId('run-error')).toContainText('Nothing to post: this run has no lines.');
	await expect(page.getByTestId('run-error')).toContainText('Nothing was posted. Re-draft the run');
	await page.getByRole('button', { name: 'Discard draft' }).click();
	await expect(page).toHaveURL(/\/billing\/runs$/);
	await expect(page.getByTestId('nav')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Nov 1, 2026 – Nov 30, 2026' })).toHaveCount(1);
});
