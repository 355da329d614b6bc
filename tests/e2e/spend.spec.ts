import { expect, test, type Page } from '@playwright/test';
import { newCustomer, serviceWorkerReady, signUpOwner, syncStatus } from './support.js';

/**
 * The spend dashboard from what the app's own pages record: a vendor, a
 * category and two products in the catalog, a vendor contract covering both
 * products, and two customers' agreements. Its headline and its tables under
 * the charts show the sums (decision 015), for the whole MSP, for one
 * customer, and with no network.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Spend MSP ${stamp}`, name: 'Sam Owner', email: `sam-${stamp}@example.test`, password: 'correct horse battery' };

/** a calendar day `offset` days from today (UTC, the new company's time zone) */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const before = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const shown = (date: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const month = (date: string) => new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

async function addRecord(page: Page, list: RegExp, noun: string, label: string, name: string) {
	const region = page.getByRole('region', { name: list });
	await region.getByRole('button', { name: `Add ${noun}` }).click();
	await region.getByLabel(label).fill(name);
	await region.getByRole('button', { name: `Save ${noun}` }).click();
	await expect(region.getByRole('button', { name: `Edit ${name}` })).toBeVisible();
}

async function addProduct(page: Page, name: string, cost: string, price: string) {
	await page.getByRole('button', { name: 'New product' }).first().click();
	const form = page.getByRole('form', { name: 'New product' });
	await form.getByLabel('Product name').fill(name);
	await form.getByLabel('Vendor').selectOption({ label: 'Datto' });
	await form.getByLabel('Category').selectOption({ label: 'Backup' });
	await form.getByLabel(/^Unit cost/).fill(cost);
	await form.getByLabel(/^Unit price/).fill(price);
	await form.getByRole('button', { name: 'Save product' }).click();
	await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
}

/** Fills a contract's terms on its page; each is written when the field is left. */
async function terms(page: Page, fields: { amount: string; billed?: string; renewal?: string; notice?: string }) {
	await page.getByLabel('Amount').fill(fields.amount);
	await page.getByLabel('Amount').press('Tab');
	if (fields.billed) await page.getByLabel('Billed').selectOption({ label: fields.billed });
	if (fields.renewal) {
		await page.getByLabel('Renewal or end date').fill(fields.renewal);
		await page.getByLabel('Notice period (days)').fill(fields.notice ?? '');
		await page.getByLabel('Notice period (days)').press('Tab');
		await expect(page.getByTestId('contract-renewal')).toHaveText(shown(fields.renewal));
	}
}

async function agreement(page: Page, customer: string, name: string, fields: Parameters<typeof terms>[1]) {
	await newCustomer(page, customer);
	await page.getByRole('region', { name: 'Contracts' }).getByRole('link', { name: 'New contract' }).click();
	await page.getByLabel('Contract name').fill(name);
	await page.getByRole('button', { name: 'Create contract' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await terms(page, fields);
}

/** The table under a chart, opened. */
async function tableOf(page: Page, title: string) {
	const figure = page.getByRole('figure', { name: title });
	if (!(await figure.locator('details').evaluate((details: HTMLDetailsElement) => details.open))) await figure.getByText('Show as table').click();
	return figure.getByRole('table', { name: title });
}

async function expectRow(page: Page, title: string, label: string, cells: string[]) {
	const row = (await tableOf(page, title)).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
	await expect(row.getByRole('cell')).toHaveText(cells);
}

async function expectHeadline(page: Page, figures: { revenue: string; cost: string; margin: string; share: string; annual: string }) {
	await expect(page.getByTestId('spend-revenue')).toHaveText(figures.revenue);
	await expect(page.getByTestId('spend-cost')).toHaveText(figures.cost);
	await expect(page.getByTestId('spend-margin')).toHaveText(figures.margin);
	await expect(page.getByTestId('spend-margin-share')).toHaveText(figures.share);
	await expect(page.getByTestId('spend-annual')).toHaveText(figures.annual);
}

const renewal = (page: Page, name: string) => page.getByTestId('renewal').filter({ hasText: name });

test('spend by vendor, category, month and product, the renewals ahead, one customer, offline', async ({ page, context }) => {
	await signUpOwner(page, owner);

	await page.goto('/stack/spend');
	await expect(page.getByRole('heading', { name: 'Nothing to add up yet' })).toBeVisible();

	await page.goto('/stack/vendors');
	await addRecord(page, /^Vendors/, 'vendor', 'Vendor name', 'Datto');
	await addRecord(page, /^Categories/, 'category', 'Category name', 'Backup');

	await page.goto('/stack');
	await addProduct(page, 'Datto BCDR', '50.00', '120.00');
	await addProduct(page, 'Datto SaaS Protection', '2.50', '6.00');

	// $900.00 a quarter is $300.00 a month, shared by the two products it covers
	const vendorRenewal = day(200);
	await page.goto('/stack/contracts');
	await page.getByRole('button', { name: 'New contract' }).click();
	await page.getByLabel('Vendor').selectOption({ label: 'Datto' });
	await page.getByLabel('Contract name').fill('Datto partner agreement');
	await page.getByRole('button', { name: 'Create contract' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Datto partner agreement' })).toBeVisible();
	await terms(page, { amount: '900.00', billed: 'per quarter', renewal: vendorRenewal, notice: '30' });
	await page.getByLabel('Datto BCDR').check();
	await page.getByLabel('Datto SaaS Protection').check();
	await expect(page.getByText('Products covered (2 of 2)')).toBeVisible();

	// $1,200.00 a month from Contoso, $600.00 a year ($50.00 a month) from Fabrikam
	const agreementRenewal = day(40);
	await agreement(page, 'Contoso', 'Managed services', { amount: '1200.00', renewal: agreementRenewal, notice: '30' });
	await agreement(page, 'Fabrikam', 'Backup plan', { amount: '600.00', billed: 'per year' });

	await page.getByTestId('nav').getByRole('link', { name: 'Stack' }).click();
	await page.getByRole('navigation', { name: 'Stack sections' }).getByRole('link', { name: 'Spend' }).click();
	await expect(page).toHaveURL(/\/stack\/spend$/);
	await expectHeadline(page, { revenue: '$1,250.00', cost: '$300.00', margin: '$950.00', share: '76% of revenue', annual: '$15,000.00' });

	await expectRow(page, 'Spend by vendor', 'Datto', ['$300.00']);
	await expectRow(page, 'Spend by vendor', 'Total', ['$300.00']);
	await expectRow(page, 'Spend by category', 'Backup', ['$300.00']);
	await expectRow(page, 'Revenue and cost by product', 'Datto BCDR', ['$0.00', '$150.00', '-$150.00']);
	await expectRow(page, 'Revenue and cost by product', 'Datto SaaS Protection', ['$0.00', '$150.00', '-$150.00']);
	await expectRow(page, 'Revenue and cost by product', 'Total', ['$0.00', '$300.00', '-$300.00']);
	const months = (await tableOf(page, 'Monthly run-rate')).locator('tbody tr');
	await expect(months).toHaveCount(12);
	await expect(months.last().getByRole('cell')).toHaveText(['$1,250.00', '$300.00', '$950.00']);
	for (const title of ['Spend by vendor', 'Monthly run-rate', 'Revenue and cost by product']) {
		await expect(page.getByRole('figure', { name: title }).locator('canvas')).toBeVisible();
	}

	// the timeline: each renewal under its month, the near notice deadline highlighted
	const timeline = page.getByTestId('renewals');
	await expect(timeline.getByRole('heading', { name: month(agreementRenewal) })).toBeVisible();
	await expect(renewal(page, 'Managed services')).toContainText(shown(agreementRenewal));
	await expect(renewal(page, 'Managed services')).toContainText(`Notice by ${shown(before(agreementRenewal, 30))}`);
	await expect(renewal(page, 'Managed services').getByTestId('contract-status')).toHaveText('Notice soon');
	await expect(renewal(page, 'Datto partner agreement')).toContainText(`Notice by ${shown(before(vendorRenewal, 30))}`);
	await expect(renewal(page, 'Datto partner agreement').getByTestId('contract-status')).toHaveText('OK');
	await expect(renewal(page, 'Backup plan')).toHaveCount(0);

	// one customer: their agreement; the MSP's vendor contract belongs to no customer
	await page.getByLabel('Customer').selectOption({ label: 'Contoso' });
	await expectHeadline(page, { revenue: '$1,200.00', cost: '$0.00', margin: '$1,200.00', share: '100% of revenue', annual: '$14,400.00' });
	await expect(page.getByRole('figure', { name: 'Spend by vendor' })).toContainText('Nothing you pay for runs at Contoso.');
	await expect(page.getByRole('figure', { name: 'Revenue and cost by product' }).getByRole('table')).toHaveCount(0);
	await expect((await tableOf(page, 'Monthly run-rate')).locator('tbody tr').last().getByRole('cell')).toHaveText(['$1,200.00', '$0.00', '$1,200.00']);
	await expect(page.getByTestId('renewal')).toHaveCount(1);
	await expect(renewal(page, 'Managed services')).toBeVisible();

	await page.getByLabel('Customer').selectOption({ label: 'Fabrikam' });
	await expectHeadline(page, { revenue: '$50.00', cost: '$0.00', margin: '$50.00', share: '100% of revenue', annual: '$600.00' });
	await page.getByLabel('Customer').selectOption({ label: 'Whole MSP' });
	await expect(page.getByTestId('spend-revenue')).toHaveText('$1,250.00');

	// all of it is on the device: with no network the page opens with the same figures
	// (the worker keeps a page it has served: load it once through the worker first)
	await expect(syncStatus(page)).toContainText('all changes saved');
	await serviceWorkerReady(page);
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	await page.reload();
	await expect(page.getByTestId('spend-revenue')).toHaveText('$1,250.00');
	await context.setOffline(true);
	await page.reload();
	await expect(syncStatus(page)).toContainText('Offline');
	await expectHeadline(page, { revenue: '$1,250.00', cost: '$300.00', margin: '$950.00', share: '76% of revenue', annual: '$15,000.00' });
	await expectRow(page, 'Spend by category', 'Backup', ['$300.00']);
	await context.setOffline(false);
});
