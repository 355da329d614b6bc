import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { newCustomer, signUpOwner } from './support.js';

/**
 * A customer contract with its renewal and notice deadline; its documents
 * attached online and offline (queued, then uploaded when back online) and
 * downloaded back; and the customer's contact seeing both in the portal.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Contracts MSP ${stamp}`, name: 'Carla Owner', email: `carla-${stamp}@example.test`, password: 'correct horse battery' };
const contactName = 'Pat Contoso';

/** A tiny but real PDF: the server checks that a .pdf starts like one. */
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const shown = (date: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

async function downloaded(page: Page, link: Locator): Promise<Buffer> {
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	return readFile(await download.path());
}

async function attach(page: Page, name: string, bytes: Buffer) {
	await page.getByLabel('Choose files').setInputFiles({ name, mimeType: 'application/pdf', buffer: bytes });
	return page.getByTestId('attachment').filter({ hasText: name });
}

test('a contract’s deadline, its documents online and offline, and the portal', async ({ page, context, browser }) => {
	await signUpOwner(page, owner);
	await newCustomer(page, 'Contoso');
	const contacts = page.getByRole('region', { name: /^Contacts/ });
	await contacts.getByRole('button', { name: 'Add contact' }).click();
	await contacts.getByLabel('Contact name').fill(contactName);
	await contacts.getByLabel('Contact email').fill(`pat-${stamp}@contoso.example`);
	await contacts.getByLabel('Portal access').selectOption({ label: 'Can view in the portal' });
	await contacts.getByRole('button', { name: 'Save contact' }).click();

	// a new contract from the customer's page comes with the customer picked
	await page.getByRole('region', { name: 'Contracts' }).getByRole('link', { name: 'New contract' }).click();
	// (the customer page has a "Customer" of its own: wait for the form before reading the field)
	await expect(page.getByRole('heading', { name: 'New contract' })).toBeVisible();
	await expect(page.getByRole('combobox', { name: 'Customer' })).toHaveValue(/.+/);
	await page.getByLabel('Contract name').fill('Managed services');
	await page.getByRole('button', { name: 'Create contract' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Managed services' })).toBeVisible();

	const renewal = day(60);
	await page.getByLabel('Renewal or end date').fill(renewal);
	await page.getByLabel('Notice period (days)').fill('30');
	await page.getByLabel('Notice period (days)').press('Tab');
	const dates = page.getByTestId('contract-dates');
	await expect(dates.getByTestId('contract-renewal')).toHaveText(shown(renewal));
	await expect(dates.getByTestId('contract-deadline')).toHaveText(shown(day(30)));
	await expect(dates.getByTestId('contract-status')).toHaveText('Notice soon');

	// online: uploaded at once, and the same bytes come back
	const terms = pdf('signed terms');
	const signed = await attach(page, 'terms.pdf', terms);
	await expect(signed.getByTestId('upload-state')).toHaveText('Uploaded');
	expect(await downloaded(page, signed.getByRole('link', { name: 'terms.pdf' }))).toEqual(terms);

	// offline: the file waits on the device and goes when the network is back
	await context.setOffline(true);
	const later = await attach(page, 'quote.pdf', pdf('quote'));
	await expect(later.getByTestId('upload-state')).toContainText('Waiting to upload');
	await context.setOffline(false);
	await expect(later.getByTestId('upload-state')).toHaveText('Uploaded', { timeout: 15_000 });

	// the list shows the contract with its deadline
	await page.getByTestId('nav').getByRole('link', { name: 'Contracts' }).click();
	const row = page.getByTestId('contracts').getByRole('row', { name: /Managed services/ });
	await expect(row).toContainText(shown(day(30)));
	await expect(row.getByTestId('contract-status')).toHaveText('Notice soon');

	// the contact, invited to the portal, sees the contract and downloads its document
	await row.getByRole('link', { name: 'Managed services' }).click();
	await page.getByRole('link', { name: 'Contoso' }).click();
	await expect(page.getByTestId('sync-status')).toContainText('all changes saved');
	await expect(async () => {
		await contacts.getByRole('button', { name: `Invite to portal ${contactName}` }).click();
		await expect(page.getByTestId('portal-invite-link')).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	const link = (await page.getByTestId('portal-invite-link').textContent())!.trim();

	const portalContext = await browser.newContext();
	const portal = await portalContext.newPage();
	await portal.goto(new URL(link).pathname);
	await portal.getByLabel('Password').fill('portal password 1');
	await portal.getByRole('button', { name: 'Set password' }).click();
	await expect(portal).toHaveURL(/\/portal$/);
	const contract = portal.getByTestId('portal-contracts').getByRole('row', { name: /Managed services/ });
	await expect(async () => {
		await portal.reload();
		await expect(contract.getByRole('link', { name: /quote\.pdf/ })).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	await expect(contract).toContainText(shown(renewal));
	expect(await downloaded(portal, contract.getByRole('link', { name: /terms\.pdf/ }))).toEqual(terms);
	await portalContext.close();
});
