import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export interface Owner {
	company: string;
	name: string;
	email: string;
	password: string;
}

/** Signs a new MSP up through the page and waits for the shell. */
export async function signUpOwner(page: Page, owner: Owner): Promise<void> {
	await page.goto('/signup');
	await page.getByLabel('Company name').fill(owner.company);
	await page.getByLabel('Your name').fill(owner.name);
	await page.getByLabel('Email').fill(owner.email);
	await page.getByLabel('Password').fill(owner.password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByTestId('nav')).toBeVisible();
}

/** A person's own browser: a context of its own (its own cookies and IndexedDB) and a page in it. */
export interface Person {
	context: BrowserContext;
	page: Page;
}

export async function newPerson(browser: Browser): Promise<Person> {
	const context = await browser.newContext();
	return { context, page: await context.newPage() };
}

/** The owner invites someone with a role; they accept in a browser of their own and land in the shell. */
export async function inviteMember(owner: Page, browser: Browser, member: { name: string; email: string; password: string }, role = 'technician'): Promise<Person> {
	await owner.goto('/settings/people');
	await owner.getByLabel('Email').fill(member.email);
	await owner.getByLabel('Role').selectOption(role);
	await owner.getByRole('button', { name: 'Send invitation' }).click();
	const link = owner.getByTestId('invite-link');
	await expect(link).toBeVisible();
	const inviteUrl = ((await link.textContent()) ?? (await link.inputValue())).trim();

	const person = await newPerson(browser);
	await person.page.goto(new URL(inviteUrl).pathname);
	await person.page.getByLabel('Name').fill(member.name);
	await person.page.getByLabel('Password').fill(member.password);
	await person.page.getByRole('button', { name: 'Accept invitation' }).click();
	await expect(person.page.getByTestId('nav')).toBeVisible();
	return person;
}

/** Logs in through the page and waits for the shell (the sync status is in the top bar on every screen size). */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByTestId('sync-status')).toBeVisible();
}

/** The service worker has cached the shell, so a reload without network opens the app. */
export async function serviceWorkerReady(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
}

export const syncStatus = (page: Page) => page.getByTestId('sync-status');
export const profile = (page: Page) => page.getByRole('region', { name: 'Profile' });
export const sites = (page: Page) => page.getByRole('region', { name: /^Sites/ });

/** Creates a customer from the list (reached through the nav) and waits for its page. */
export async function newCustomer(page: Page, name: string): Promise<void> {
	await page.getByTestId('nav').getByRole('link', { name: 'Customers' }).click();
	await page.getByRole('button', { name: 'New customer' }).click();
	await page.getByLabel('Customer name').fill(name);
	await page.getByRole('button', { name: 'Create customer' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** On a customer's page: a contact with an email who may use the portal. */
export async function addPortalContact(page: Page, name: string, email: string): Promise<void> {
	const contacts = page.getByRole('region', { name: /^Contacts/ });
	await contacts.getByRole('button', { name: 'Add contact' }).click();
	await contacts.getByLabel('Contact name').fill(name);
	await contacts.getByLabel('Contact email').fill(email);
	await contacts.getByLabel('Portal access').selectOption({ label: 'Can view in the portal' });
	await contacts.getByRole('button', { name: 'Save contact' }).click();
	await expect(contacts.getByRole('button', { name: `Edit ${name}` })).toBeVisible();
}

/** Invites a contact of the customer page open in `page` to the portal; they set a password in a browser of their own. */
export async function openPortalAs(page: Page, browser: Browser, contactName: string): Promise<Person> {
	const contacts = page.getByRole('region', { name: /^Contacts/ });
	// the invitation needs the contact on the server; the button says so until it is
	await expect(async () => {
		await contacts.getByRole('button', { name: `Invite to portal ${contactName}` }).click();
		await expect(page.getByTestId('portal-invite-link')).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	const link = (await page.getByTestId('portal-invite-link').textContent())!.trim();
	const contact = await newPerson(browser);
	await contact.page.goto(new URL(link).pathname);
	await contact.page.getByLabel('Password').fill('portal password 1');
	await contact.page.getByRole('button', { name: 'Set password' }).click();
	await expect(contact.page).toHaveURL(/\/portal$/);
	return contact;
}

/** On a customer's page: a device of a type (workstation, server, network …). */
export async function addDevice(page: Page, name: string, type: string): Promise<void> {
	const devices = page.getByRole('region', { name: /^Devices/ });
	await devices.getByRole('button', { name: 'Add device' }).click();
	await devices.getByLabel('Device name').fill(name);
	await devices.getByLabel('Type').selectOption(type);
	await devices.getByRole('button', { name: 'Save device' }).click();
	await expect(devices.getByRole('row', { name: new RegExp(name) })).toBeVisible();
}
