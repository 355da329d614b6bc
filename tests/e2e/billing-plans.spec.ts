import { expect, test, type Page } from '@playwright/test';
import { addDevice, newCustomer, signUpOwner, syncStatus } from './support.js';

/**
 * Billing → Plans and rates: a per-device plan with workstation and server
 * prices, associated with two customers at once and dissociated from one; a
 * tax rate of 8.25 % (120 refused); time-and-materials terms on an agreement;
 * all of it still there after a reload.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Billing MSP ${stamp}`, name: 'Bea Billing', email: `bea-${stamp}@example.test`, password: 'correct horse battery' };
const PLAN = 'Managed workstation';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const section = (page: Page, name: string | RegExp) => page.getByRole('region', { name });

test('plans, associations, tax rates and agreement terms, kept over a reload', async ({ page }) => {
	await signUpOwner(page, owner);
	await newCustomer(page, 'Fabrikam');
	await newCustomer(page, 'Contoso');
	const contoso = new URL(page.url()).pathname;
	await addDevice(page, 'WS-01', 'workstation');
	await addDevice(page, 'WS-02', 'workstation');
	await addDevice(page, 'FS-01', 'server');

	// the Billing area lists its pages
	await page.getByTestId('nav').getByRole('link', { name: 'Billing' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
	await page.getByRole('main').getByRole('link', { name: /^Plans and rates/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Plans and rates' })).toBeVisible();
	const plans = section(page, 'Service plans');
	await expect(plans).toContainText('No service plans yet');

	// the form shows the prices of the basis chosen
	await plans.getByRole('button', { name: 'Add plan' }).click();
	await plans.getByLabel('Plan name').fill(PLAN);
	await plans.getByLabel('Priced').selectOption({ label: 'Per user' });
	await expect(plans.getByLabel(/^User price/)).toBeVisible();
	await expect(plans.getByLabel(/^Workstation price/)).toBeHidden();
	await plans.getByLabel('Priced').selectOption({ label: 'Per device' });
	await plans.getByLabel(/^Workstation price/).fill('45');
	await plans.getByLabel(/^Server price/).fill('150.00');
	await plans.getByRole('button', { name: 'Save plan' }).click();
	await expect(plans).toContainText('Workstation $45.00 · Server $150.00 a month · 0 customers');

	// a tax rate over 100 % is refused with its reason; 8.25 is kept as 8.25 %
	const taxes = section(page, 'Tax rates');
	await taxes.getByRole('button', { name: 'Add tax rate' }).click();
	await taxes.getByLabel('Tax rate name').fill('Texas sales tax');
	await taxes.getByLabel('Rate (%)').fill('120');
	await taxes.getByLabel('Region').fill('TX');
	await taxes.getByRole('button', { name: 'Save tax rate' }).click();
	await expect(taxes.getByText('A tax rate cannot be over 100 %.')).toBeVisible();
	await expect(taxes.getByLabel('Rate (%)')).toBeFocused();
	await taxes.getByLabel('Rate (%)').fill('8.25');
	await taxes.getByRole('button', { name: 'Save tax rate' }).click();
	await expect(taxes).toContainText(/Texas sales tax\s*8.25 %\s*Customers in TX/);

	const roles = section(page, 'Roles and rates');
	await roles.getByRole('button', { name: 'Add role' }).click();
	await roles.getByLabel('Role name').fill('Engineer');
	await roles.getByLabel(/^Rate per hour/).fill('150');
	await roles.getByRole('button', { name: 'Save role' }).click();
	await expect(roles).toContainText('$150.00 an hour');

	// two customers at once, from the plan's page
	await plans.getByRole('link', { name: PLAN }).click();
	await expect(page.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();
	const associate = section(page, 'Associate with customers');
	await associate.getByRole('button', { name: /^Associate/ }).click();
	await expect(associate.getByRole('alert')).toHaveText('Choose at least one customer');
	await associate.getByRole('checkbox', { name: /^Contoso/ }).check();
	await associate.getByRole('checkbox', { name: /^Fabrikam/ }).check();
	await expect(page.getByTestId('associate-chosen')).toHaveText('2 customers chosen');
	await associate.getByLabel('Billing cycle').selectOption('quarterly');
	await associate.getByLabel('Start date').fill(day(-60));
	await associate.getByLabel('Due days').fill('15');
	await associate.getByRole('button', { name: 'Associate 2 customers' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Associated with 2 customers.' })).toBeVisible();

	const holders = section(page, /^Customers with this plan/);
	await expect(holders.getByTestId('holder')).toHaveCount(2);
	const contosoRow = holders.getByRole('row', { name: /Contoso/ });
	await expect(contosoRow.getByTestId('quantity-workstations')).toHaveText('2 workstations (counted)');
	await expect(contosoRow.getByTestId('quantity-servers')).toHaveText('1 server (counted)');
	await expect(contosoRow).toContainText('Quarterly');

	// dissociating Fabrikam as of yesterday: it started, so it ends rather than disappears
	await holders.getByRole('checkbox', { name: 'Choose Fabrikam' }).check();
	await holders.getByLabel('Last day of service').fill(day(-1));
	await holders.getByRole('button', { name: 'Dissociate 1 customer' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The plan ends on' })).toContainText('for 1 customer');
	await expect(holders.getByTestId('holder')).toHaveCount(1);
	await holders.getByText('Ended (1)').click();
	await expect(holders.getByRole('row', { name: /Fabrikam/ })).toBeVisible();

	// the customer's page: its service item, and the tax region from the catalog's rates
	await page.goto(contoso);
	const billing = section(page, 'Billing');
	await expect(billing.getByTestId('service-item')).toContainText(PLAN);
	await expect(billing.getByTestId('service-item')).toContainText('2 workstations (counted)');
	await page.getByRole('region', { name: 'Profile' }).getByLabel('Tax region').selectOption('TX');

	// time and materials on an agreement
	await section(page, 'Contracts').getByRole('link', { name: 'New contract' }).click();
	await expect(page.getByRole('heading', { name: 'New contract' })).toBeVisible();
	await page.getByLabel('Contract name').fill('Support');
	await page.getByRole('button', { name: 'Create contract' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Support' })).toBeVisible();
	const terms = section(page, 'Billing terms');
	await expect(terms).toContainText('Choose the agreement type above');
	await page.getByLabel('Agreement type').selectOption({ label: 'Time and materials' });
	await terms.getByLabel('Rounding increment (minutes)').fill('15');
	await terms.getByLabel('Minimum charge (minutes)').fill('60');
	await terms.getByLabel('After-hours multiplier').fill('1.5');
	await terms.getByLabel('After-hours multiplier').press('Tab');
	await terms.getByLabel('New override: Role').selectOption('Engineer');
	await terms.getByLabel('New override: Rate per hour').fill('175');
	await terms.getByRole('button', { name: 'Add override' }).click();
	await expect(terms.getByLabel('Rate per hour, Engineer')).toHaveValue('175.00');
	const agreement = page.url();

	// everything is kept: on the server, and read back after a reload
	await expect(syncStatus(page)).toContainText('all changes saved');
	await page.reload();
	await expect(section(page, 'Billing terms').getByLabel('Rounding increment (minutes)')).toHaveValue('15');
	await expect(section(page, 'Billing terms').getByLabel('Minimum charge (minutes)')).toHaveValue('60');
	await expect(section(page, 'Billing terms').getByLabel('After-hours multiplier')).toHaveValue('1.5');
	await expect(section(page, 'Billing terms').getByLabel('Rate per hour, Engineer')).toHaveValue('175.00');

	await page.goto('/billing/plans');
	await expect(section(page, 'Service plans')).toContainText('Workstation $45.00 · Server $150.00 a month · 1 customer');
	await expect(section(page, 'Tax rates')).toContainText('8.25 %');
	await section(page, 'Service plans').getByRole('link', { name: PLAN }).click();
	await expect(section(page, /^Customers with this plan/).getByTestId('holder')).toHaveCount(1);
	await expect(section(page, /^Customers with this plan/).getByRole('row', { name: /Contoso/ })).toBeVisible();

	await page.goto(contoso);
	await expect(page.getByRole('region', { name: 'Profile' }).getByLabel('Tax region')).toHaveValue('TX');
	await expect(section(page, 'Billing').getByTestId('service-item')).toContainText(PLAN);
	expect(agreement).toContain('/contracts/');
});
