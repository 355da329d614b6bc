import { expect, test, type Page } from '@playwright/test';
import { newCustomer, signUpOwner } from './support.js';

/**
 * A customer in depth: devices with warranty status and counts by type, the
 * tenant's own fields, notes, the history of changes, and a delete (by typing
 * the name) that takes the customer's contacts with it and a restore that
 * brings back exactly those.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Tailspin MSP ${stamp}`, name: 'Casey Owner', email: `casey-${stamp}@example.test`, password: 'correct horse battery' };
const CUSTOMER = 'Northwind Traders';

const region = (page: Page, name: RegExp) => page.getByRole('region', { name });
const devices = (page: Page) => region(page, /^Devices/);
const contacts = (page: Page) => region(page, /^Contacts/);
const notes = (page: Page) => region(page, /^Notes/);
const history = (page: Page) => region(page, /^History/);

/** YYYY-MM-DD some days from now (far enough from the edges of "within 90 days" for any time zone). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function addContact(page: Page, name: string) {
	await contacts(page).getByRole('button', { name: 'Add contact' }).click();
	await contacts(page).getByLabel('Contact name').fill(name);
	await contacts(page).getByRole('button', { name: 'Save contact' }).click();
	await expect(contacts(page).getByRole('button', { name: `Edit ${name}` })).toBeVisible();
}

async function addDevice(page: Page, name: string, type: string, warranty: string) {
	await devices(page).getByRole('button', { name: 'Add device' }).click();
	await devices(page).getByLabel('Device name').fill(name);
	await devices(page).getByLabel('Type').selectOption(type);
	await devices(page).getByLabel('Warranty expires').fill(warranty);
	await devices(page).getByRole('button', { name: 'Save device' }).click();
}

test('devices, custom fields, notes, history, and delete with restore', async ({ page }) => {
	await signUpOwner(page, owner);

	// the tenant defines its fields once, in settings
	await page.goto('/settings');
	await page.getByRole('link', { name: 'Customer fields' }).click();
	await page.getByRole('button', { name: 'Add field' }).click();
	await page.getByLabel('Label').fill('Tier');
	await page.getByLabel('Type').selectOption('choice');
	await page.getByLabel('Choices, one per line').fill('Gold\nSilver');
	await page.getByRole('button', { name: 'Save field' }).click();
	await page.getByRole('button', { name: 'Add field' }).click();
	await page.getByLabel('Label').fill('Seats');
	await page.getByLabel('Type').selectOption('number');
	await page.getByRole('button', { name: 'Save field' }).click();
	await expect(page.getByRole('row', { name: /Tier Choice from a list Gold, Silver/ })).toBeVisible();
	await expect(page.getByRole('row', { name: /Seats Number/ })).toBeVisible();

	await newCustomer(page, CUSTOMER);

	// custom fields: typed inputs with a message for a value that does not fit
	const fields = region(page, /^Custom fields/);
	await fields.getByLabel('Tier').selectOption('Gold');
	await fields.getByLabel('Seats').fill('many');
	await expect(fields.getByText('Enter a number')).toBeVisible();
	await fields.getByLabel('Seats').fill('25');
	await expect(fields.getByText('Enter a number')).toHaveCount(0);

	// contacts: one deleted on its own before the customer is
	await addContact(page, 'Ann Lee');
	await addContact(page, 'Old Contact');
	await contacts(page).getByRole('button', { name: 'Delete Old Contact' }).click();

	// devices: warranty status and counts by type
	await addDevice(page, 'FS01', 'server', inDays(30));
	await addDevice(page, 'WS-RECEPTION', 'workstation', inDays(-30));
	await addDevice(page, 'WS-ANN', 'workstation', inDays(400));
	const counts = devices(page).getByTestId('device-counts');
	await expect(counts).toContainText('2 Workstations');
	await expect(counts).toContainText('1 Server');
	await expect(counts).toContainText('0 Mobiles');
	await expect(devices(page).getByRole('row', { name: /FS01/ }).getByTestId('warranty')).toContainText('Expires soon');
	await expect(devices(page).getByRole('row', { name: /WS-RECEPTION/ }).getByTestId('warranty')).toContainText('Expired');
	await expect(devices(page).getByRole('row', { name: /WS-ANN/ }).getByTestId('warranty')).not.toContainText(/Expire/);

	// notes: the newest first, a pinned one on top
	await notes(page).getByLabel('New note').fill('Gate code 4411');
	await notes(page).getByRole('button', { name: 'Add note' }).click();
	await notes(page).getByLabel('New note').fill('Call Ann before any reboot');
	await notes(page).getByLabel('New note').press('Control+Enter');
	await expect(notes(page).getByTestId('note').first()).toContainText('Call Ann before any reboot');
	await notes(page).getByRole('button', { name: /^Pin note Gate code/ }).click();
	await expect(notes(page).getByTestId('note').first()).toContainText('Gate code 4411');
	await expect(notes(page).getByTestId('note').first().getByText('Pinned', { exact: true })).toBeVisible();
	await expect(notes(page).getByTestId('note').first()).toContainText(owner.name);

	// the history says who changed what
	const entries = history(page).getByTestId('history');
	await expect(entries).toContainText(`${owner.name} created the customer`);
	await expect(entries).toContainText(`${owner.name} set “Tier”`);
	await expect(entries).toContainText('empty → 25');
	await expect(entries).toContainText('added the contact “Ann Lee”');
	await expect(entries).toContainText('deleted the contact “Old Contact”');
	await expect(entries).toContainText('added the device “FS01”');
	await expect(entries.getByRole('listitem').first()).toContainText('pinned a note');

	// delete: only once the name is typed
	await page.getByRole('button', { name: 'Delete customer' }).click();
	const confirm = page.getByRole('button', { name: `Delete ${CUSTOMER}` });
	await page.getByLabel(`Type ${CUSTOMER} to confirm`).fill('Northwind');
	await expect(confirm).toBeDisabled();
	await page.getByLabel(`Type ${CUSTOMER} to confirm`).fill(`  ${CUSTOMER.toUpperCase()} `);
	await confirm.click();
	await expect(page.getByText('This customer was deleted')).toBeVisible();
	await expect(contacts(page).getByRole('button', { name: 'Edit Ann Lee' })).toHaveCount(0);
	await expect(devices(page).getByRole('row', { name: /FS01/ })).toHaveCount(0);
	await expect(history(page).getByTestId('history').getByRole('listitem').first()).toContainText('deleted the customer');
	await page.getByTestId('nav').getByRole('link', { name: 'Customers' }).click();
	await expect(page.getByRole('link', { name: CUSTOMER })).toHaveCount(0);

	// restore from the list: what went with it comes back, what was deleted before does not
	await page.getByRole('button', { name: /Show deleted/ }).click();
	await page.getByTestId('deleted-customers').getByRole('button', { name: `Restore ${CUSTOMER}` }).click();
	await page.getByTestId('customers').getByRole('link', { name: CUSTOMER }).click();
	await expect(contacts(page).getByRole('button', { name: 'Edit Ann Lee' })).toBeVisible();
	await expect(contacts(page).getByRole('button', { name: 'Edit Old Contact' })).toHaveCount(0);
	await expect(devices(page).getByTestId('device-counts')).toContainText('2 Workstations');
	await expect(history(page).getByTestId('history').getByRole('listitem').first()).toContainText('restored the customer');
});
