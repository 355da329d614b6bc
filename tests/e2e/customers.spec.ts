import { expect, test, type Page } from '@playwright/test';
import { inviteMember, logIn, newPerson, profile, serviceWorkerReady, signUpOwner, sites, syncStatus as status, type Person } from './support.js';

/**
 * Two people of one company on one customer: live co-editing and presence,
 * then one of them offline (edits, a reload with no network), back online,
 * and both ending with the same customer.
 */

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const owner = { company: `Litware MSP ${stamp}`, name: 'Avery Owner', email: `avery-${stamp}@example.test`, password: 'correct horse battery' };
const tech = { name: 'Blake Tech', email: `blake-${stamp}@example.test`, password: 'another long secret' };

let a: Person;
let b: Person;
let customerUrl = '';

const contacts = (page: Page) => page.getByRole('region', { name: /^Contacts/ });
/** A site or contact is listed when it has its own Edit button. */
const listed = (region: ReturnType<typeof sites>, name: string) => region.getByRole('button', { name: `Edit ${name}` });

test.afterAll(async () => {
	await a?.context.close();
	await b?.context.close();
});

test('an owner and a technician of one company', async ({ browser }) => {
	a = await newPerson(browser);
	await signUpOwner(a.page, owner);
	b = await inviteMember(a.page, browser, tech);
	await serviceWorkerReady(b.page);
});

test('a new customer, then both co-edit it live and see each other', async () => {
	await a.page.goto('/customers');
	await expect(a.page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();
	await a.page.getByRole('button', { name: 'New customer' }).click();
	await a.page.getByLabel('Customer name').fill('Fabrikam');
	await a.page.getByRole('button', { name: 'Create customer' }).click();
	await expect(a.page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
	await expect(a.page.getByRole('heading', { level: 1, name: 'Fabrikam' })).toBeVisible();
	customerUrl = new URL(a.page.url()).pathname;

	await b.page.goto(customerUrl);
	await expect(profile(b.page).getByLabel('Name')).toHaveValue('Fabrikam');

	// presence: each sees the other
	await expect(a.page.getByTestId('presence')).toContainText(tech.name);
	await expect(b.page.getByTestId('presence')).toContainText(owner.name);

	// A types, B sees it without a reload
	await profile(a.page).getByLabel('Name').fill('Fabrikam Inc');
	await expect(profile(b.page).getByLabel('Name')).toHaveValue('Fabrikam Inc');
	await expect(b.page.getByRole('heading', { level: 1, name: 'Fabrikam Inc' })).toBeVisible();

	// B adds a site, A sees it
	await sites(b.page).getByRole('button', { name: 'Add site' }).click();
	await sites(b.page).getByLabel('Site name').fill('Head office');
	await sites(b.page).getByLabel('City').fill('Redmond');
	await sites(b.page).getByRole('button', { name: 'Save site' }).click();
	await expect(listed(sites(a.page), 'Head office')).toBeVisible();
	await expect(sites(a.page).getByText('Redmond')).toBeVisible();

	await expect(status(a.page)).toContainText('all changes saved');
	await expect(status(b.page)).toContainText('all changes saved');
});

test('offline: edits are kept, survive a reload, and reach the other person once back online', async () => {
	await b.context.setOffline(true);
	await expect(status(b.page)).toContainText('Offline');

	await profile(b.page).getByLabel('Phone').fill('+1 425 555 0100');
	await contacts(b.page).getByRole('button', { name: 'Add contact' }).click();
	await contacts(b.page).getByLabel('Contact name').fill('Dana Field');
	await contacts(b.page).getByLabel('Site', { exact: true }).selectOption({ label: 'Head office' });
	await contacts(b.page).getByRole('button', { name: 'Save contact' }).click();
	await expect(listed(contacts(b.page), 'Dana Field')).toBeVisible();
	await expect(status(b.page)).toHaveText(/Offline — [1-9]\d* changes? not yet on the server/);

	// nothing reached A
	await expect(profile(a.page).getByLabel('Phone')).toHaveValue('');

	// a reload with no network opens the app from the service worker and IndexedDB
	await b.page.reload();
	await expect(profile(b.page).getByLabel('Phone')).toHaveValue('+1 425 555 0100');
	await expect(listed(contacts(b.page), 'Dana Field')).toBeVisible();
	await expect(status(b.page)).toHaveText(/Offline — [1-9]\d* changes? not yet on the server/);
	await profile(b.page).getByLabel('Industry').fill('Manufacturing');
	await expect(profile(b.page).getByLabel('Industry')).toHaveValue('Manufacturing');

	// the list reads the local row index, offline too
	await b.page.getByTestId('nav').getByRole('link', { name: 'Customers' }).click();
	await expect(b.page.getByRole('link', { name: 'Fabrikam Inc' })).toBeVisible();
	await b.page.getByRole('link', { name: 'Fabrikam Inc' }).click();
	await expect(profile(b.page).getByLabel('Industry')).toHaveValue('Manufacturing');

	await b.context.setOffline(false);
	await expect(status(b.page)).toHaveText(/Online — all changes saved/, { timeout: 20_000 });

	// A sees everything B did offline, live
	await expect(profile(a.page).getByLabel('Phone')).toHaveValue('+1 425 555 0100');
	await expect(profile(a.page).getByLabel('Industry')).toHaveValue('Manufacturing');
	await expect(listed(contacts(a.page), 'Dana Field')).toBeVisible();

	// both converge on the same customer
	for (const page of [a.page, b.page]) {
		await expect(profile(page).getByLabel('Name')).toHaveValue('Fabrikam Inc');
		await expect(listed(sites(page), 'Head office')).toBeVisible();
		await expect(listed(contacts(page), 'Dana Field')).toBeVisible();
	}
});

test('the list finds, filters and restores customers; a new device gets them from the server', async ({ browser }) => {
	await a.page.goto('/customers');
	await expect(a.page.getByRole('link', { name: 'Fabrikam Inc' })).toBeVisible();
	await a.page.getByLabel('Search customers').fill('zzz');
	await expect(a.page.getByText('No customers match')).toBeVisible();
	await a.page.getByRole('button', { name: 'Clear filters' }).click();
	await expect(a.page.getByRole('link', { name: 'Fabrikam Inc' })).toBeVisible();

	// delete and restore
	await a.page.getByRole('link', { name: 'Fabrikam Inc' }).click();
	await a.page.getByRole('button', { name: 'Delete customer' }).click();
	await a.page.getByLabel('Type Fabrikam Inc to confirm').fill('fabrikam inc');
	await a.page.getByRole('button', { name: 'Delete Fabrikam Inc' }).click();
	await expect(a.page.getByText('This customer was deleted')).toBeVisible();
	await a.page.getByTestId('nav').getByRole('link', { name: 'Customers' }).click();
	await expect(a.page.getByRole('link', { name: 'Fabrikam Inc' })).toHaveCount(0);
	await a.page.getByRole('button', { name: /Show deleted/ }).click();
	await a.page.getByTestId('deleted-customers').getByRole('button', { name: /Restore/ }).click();
	await expect(a.page.getByTestId('customers').getByRole('link', { name: 'Fabrikam Inc' })).toBeVisible();

	// another device of the owner has nothing locally: its list comes from the rows feed
	const other = await newPerson(browser);
	await logIn(other.page, owner.email, owner.password);
	await other.page.goto('/customers');
	await expect(other.page.getByRole('link', { name: 'Fabrikam Inc' })).toBeVisible({ timeout: 20_000 });
	await other.context.close();
});

test('the customer screens work on a phone', async ({ browser }, testInfo) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	await logIn(page, tech.email, tech.password);
	await page.goto(customerUrl);
	await expect(profile(page).getByLabel('Name')).toHaveValue('Fabrikam Inc');
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.screenshot({ path: testInfo.outputPath('customer-phone.png'), fullPage: true });
	await page.goto('/customers');
	await expect(page.getByRole('link', { name: 'Fabrikam Inc' })).toBeVisible({ timeout: 20_000 });
	await page.screenshot({ path: testInfo.outputPath('customers-phone.png'), fullPage: true });
	await context.close();
});

test('logging out leaves nothing of the person on the device', async () => {
	await b.page.goto('/customers');
	await expect(b.page.getByRole('link', { name: 'Fabrikam Inc' })).toBeVisible();
	await b.page.getByRole('button', { name: 'Log out' }).click();
	await expect(b.page).toHaveURL(/\/login/);
	const left = await b.page.evaluate(async () => ({
		databases: (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('stackdesk')),
		pages: (await caches.keys()).filter((k) => k === 'stackdesk-pages'),
		pending: Object.keys(localStorage).filter((k) => k.startsWith('stackdesk:'))
	}));
	expect(left).toEqual({ databases: [], pages: [], pending: [] });
});
