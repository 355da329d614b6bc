import { expect, test, type Page } from '@playwright/test';
import { logIn, newCustomer, profile, serviceWorkerReady, signUpOwner, sites, syncStatus } from './support.js';

/**
 * Keep offline: on a second device, a customer kept offline from the list,
 * never opened there, opens with no network; one neither kept nor opened
 * says it is not available offline.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Tailspin MSP ${stamp}`, name: 'Morgan Owner', email: `morgan-${stamp}@example.test`, password: 'correct horse battery' };

const row = (page: Page, name: string) =>
	page.getByTestId('customers').getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

test('a customer kept offline opens with no network, one never opened says it is not available', async ({ browser }, testInfo) => {
	const first = await browser.newContext();
	const a = await first.newPage();
	await signUpOwner(a, owner);
	await newCustomer(a, 'Contoso');
	await sites(a).getByRole('button', { name: 'Add site' }).click();
	await sites(a).getByLabel('Site name').fill('Warehouse');
	await sites(a).getByLabel('City').fill('Tacoma');
	await sites(a).getByRole('button', { name: 'Save site' }).click();
	await newCustomer(a, 'Northwind');
	await expect(syncStatus(a)).toContainText('all changes saved');
	await first.close();

	const second = await browser.newContext();
	const b = await second.newPage();
	await logIn(b, owner.email, owner.password);
	await serviceWorkerReady(b);
	await b.goto('/customers');
	await expect(row(b, 'Northwind')).toBeVisible({ timeout: 20_000 });

	// the bulk action keeps the list as searched: Contoso only, from the list, never opened
	await b.getByLabel('Search customers').fill('Contoso');
	await expect(row(b, 'Northwind')).toHaveCount(0);
	await b.getByRole('button', { name: 'Keep all offline' }).click();
	await expect(row(b, 'Contoso')).toContainText('Kept offline', { timeout: 20_000 });
	await expect(b.getByRole('button', { name: 'Stop keeping offline' })).toBeVisible();
	await b.getByLabel('Search customers').fill('');
	await expect(row(b, 'Northwind')).not.toContainText('offline');

	await second.setOffline(true);
	await b.reload();
	await expect(syncStatus(b)).toContainText('Offline');
	await row(b, 'Contoso').getByRole('link', { name: 'Contoso' }).click();
	await expect(profile(b).getByLabel('Name')).toHaveValue('Contoso');
	await expect(sites(b).getByRole('button', { name: 'Edit Warehouse' })).toBeVisible();
	await expect(sites(b).getByText('Tacoma')).toBeVisible();
	await expect(b.getByRole('button', { name: 'Keep offline' })).toHaveAttribute('aria-pressed', 'true');

	await b.getByTestId('nav').getByRole('link', { name: 'Customers' }).click();
	await row(b, 'Northwind').getByRole('link', { name: 'Northwind' }).click();
	await expect(b.getByRole('heading', { name: 'Not available offline' })).toBeVisible();

	// back online it opens, and the toggle works from the keyboard
	await second.setOffline(false);
	await expect(profile(b).getByLabel('Name')).toHaveValue('Northwind', { timeout: 20_000 });
	const keep = b.getByRole('button', { name: 'Keep offline' });
	await expect(keep).toHaveAttribute('aria-pressed', 'false');
	await keep.focus();
	await b.keyboard.press('Enter');
	await expect(keep).toHaveAttribute('aria-pressed', 'true');

	// every customer of the list is kept now: the bulk action undoes it
	await b.getByTestId('nav').getByRole('link', { name: 'Customers' }).click();
	await expect(row(b, 'Northwind')).toContainText('Kept offline');
	await b.screenshot({ path: testInfo.outputPath('customers-kept-offline.png') });
	await b.getByRole('button', { name: 'Stop keeping offline' }).click();
	await expect(b.getByRole('button', { name: 'Keep all offline' })).toBeVisible();
	await expect(row(b, 'Contoso')).not.toContainText('offline');
	await second.close();
});
