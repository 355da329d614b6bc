import { expect, test, type Page } from '@playwright/test';
import { signUpOwner } from './support.js';

/**
 * An owner gives a customer contact portal access and invites them; the contact
 * sets a password and sees their own company only, and nothing else of the app.
 */

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const owner = { company: `Northwind Portal ${stamp}`, name: 'Olga Owner', email: `olga-${stamp}@example.test`, password: 'correct horse battery' };
const contactEmail = `pat-${stamp}@contoso.example`;

const contacts = (page: Page) => page.getByRole('region', { name: /^Contacts/ });

async function newCustomer(page: Page, name: string) {
	await page.goto('/customers');
	await page.getByRole('button', { name: 'New customer' }).click();
	await page.getByLabel('Customer name').fill(name);
	await page.getByRole('button', { name: 'Create customer' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function addContact(page: Page, name: string, email: string, access: string) {
	await contacts(page).getByRole('button', { name: 'Add contact' }).click();
	await contacts(page).getByLabel('Contact name').fill(name);
	await contacts(page).getByLabel('Contact email').fill(email);
	await contacts(page).getByLabel('Portal access').selectOption({ label: access });
	await contacts(page).getByRole('button', { name: 'Save contact' }).click();
	await expect(contacts(page).getByRole('button', { name: `Edit ${name}` })).toBeVisible();
}

test('a contact invited to the portal sees only their company', async ({ page, browser }) => {
	await signUpOwner(page, owner);

	await newCustomer(page, 'Other Company');
	await addContact(page, 'Someone Else', `else-${stamp}@other.example`, 'Can view in the portal');
	await newCustomer(page, 'Contoso');
	await addContact(page, 'Pat Contoso', contactEmail, 'Can view in the portal');
	await expect(page.getByTestId('sync-status')).toContainText('all changes saved');

	// the invitation needs the contact on the server; the button says so until it is
	await expect(async () => {
		await contacts(page).getByRole('button', { name: 'Invite to portal Pat Contoso' }).click();
		await expect(page.getByTestId('portal-invite-link')).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	const link = (await page.getByTestId('portal-invite-link').textContent())!.trim();

	const portalContext = await browser.newContext();
	const portal = await portalContext.newPage();
	await portal.goto(new URL(link).pathname);
	await expect(portal.getByRole('heading', { name: 'Welcome, Pat Contoso' })).toBeVisible();
	await portal.getByLabel('Password').fill('portal password 1');
	await portal.getByRole('button', { name: 'Set password' }).click();
	await expect(portal).toHaveURL(/\/portal$/);
	await expect(portal.getByRole('heading', { level: 1, name: 'Contoso' })).toBeVisible();
	await expect(portal.getByRole('rowheader', { name: 'Pat Contoso' })).toBeVisible();
	await expect(portal.getByText('Other Company')).toHaveCount(0);
	await expect(portal.getByText('Someone Else')).toHaveCount(0);

	// everything else is closed to a portal user
	for (const path of ['/', '/customers', '/settings/people']) {
		const response = await portal.goto(path);
		expect(response?.status(), path).toBe(403);
	}
	expect((await portal.goto('/portal/somewhere'))?.status()).toBe(404);
	const api = await portal.request.get('/api/v1/people');
	expect(api.status()).toBe(403);
	const token = await portal.request.post('/api/v1/sync/token', { headers: { origin: new URL(link).origin } });
	expect(token.status()).toBe(403);

	// log out and back in
	await portal.goto('/portal');
	await portal.getByRole('button', { name: 'Log out' }).click();
	await expect(portal).toHaveURL(/\/portal\/login$/);
	await portal.getByLabel('Email').fill(contactEmail);
	await portal.getByLabel('Password').fill('portal password 1');
	await portal.getByRole('button', { name: 'Log in' }).click();
	await expect(portal.getByRole('heading', { level: 1, name: 'Contoso' })).toBeVisible();
	await portalContext.close();
});
