import { expect, test, type Page } from '@playwright/test';
import { inviteMember, logIn, newCustomer, newPerson, serviceWorkerReady, signUpOwner, syncStatus, type Person } from './support.js';

/**
 * The service desk in the browser: a ticket created here gets its number from
 * the server; two people on one ticket see each other's edits live; a tech
 * offline adds a note and checklist items while a dispatcher changes the
 * status, and everything merges on reconnect; the list filters by queue and
 * assignee, and a saved filter survives a reload.
 */

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const owner = { company: `Wingtip MSP ${stamp}`, name: 'Dana Dispatch', email: `dana-${stamp}@example.test`, password: 'correct horse battery' };
const tech = { name: 'Toni Tech', email: `toni-${stamp}@example.test`, password: 'another long secret' };

let dispatcher: Person;
let technician: Person;
let ticketUrl = '';

const ticketRow = (page: Page, title: string) => page.getByTestId('ticket-row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
const notes = (page: Page) => page.getByRole('region', { name: 'Notes' });
const checklist = (page: Page) => page.getByRole('region', { name: /^Checklist/ });
const workflow = (page: Page) => page.getByRole('region', { name: 'Workflow' });
const view = (page: Page, name: string) => page.getByRole('navigation', { name: 'Ticket views' }).getByRole('button', { name, exact: true });

async function newTicket(page: Page, fields: { title: string; customer?: string; priority?: string; queue?: string; assignee?: string; description?: string }) {
	await page.goto('/service-desk/new');
	const form = page.getByRole('form', { name: 'New ticket' });
	await form.getByLabel('Title').fill(fields.title);
	if (fields.customer) await form.getByLabel('Customer').selectOption({ label: fields.customer });
	if (fields.priority) await form.getByLabel('Priority').selectOption({ label: fields.priority });
	if (fields.queue) await form.getByLabel('Queue').selectOption({ label: fields.queue });
	if (fields.assignee) await form.getByLabel('Assignee').selectOption({ label: fields.assignee });
	if (fields.description) await form.getByLabel('Description').fill(fields.description);
	await form.getByLabel('Title').press('Control+Enter');
	await expect(page).toHaveURL(/\/service-desk\/tickets\/[0-9a-f-]{36}$/);
	await expect(page.locator('#ticket-title')).toHaveValue(fields.title);
}

test.afterAll(async () => {
	await dispatcher?.context.close();
	await technician?.context.close();
});

test('a dispatcher and a technician of one company', async ({ browser }) => {
	dispatcher = await newPerson(browser);
	await signUpOwner(dispatcher.page, owner);
	technician = await inviteMember(dispatcher.page, browser, tech);
	await serviceWorkerReady(technician.page);
	await newCustomer(dispatcher.page, 'Contoso');
});

test('a new ticket shows at once with a provisional label, then gets its number', async () => {
	const page = dispatcher.page;
	await page.goto('/service-desk');
	await expect(page.getByRole('heading', { name: 'No tickets yet' })).toBeVisible();
	await newTicket(page, { title: 'Printer jams on floor 2', customer: 'Contoso', priority: 'High', assignee: tech.name, description: 'Paper jam error E-12.' });
	ticketUrl = new URL(page.url()).pathname;

	const label = page.getByTestId('ticket-label');
	await expect(label).toHaveText(/^T-\d+$/, { timeout: 20_000 });
	const number = await label.textContent();
	await expect(page.getByTestId('description')).toHaveValue('Paper jam error E-12.');
	await expect(workflow(page).getByLabel('Priority')).toHaveValue('high');
	await expect(page.getByTestId('timeline')).toContainText(`${owner.name} set the status to New`);

	await page.getByRole('link', { name: 'Service desk' }).first().click();
	await view(page, 'All open').click();
	const row = ticketRow(page, 'Printer jams on floor 2');
	await expect(row).toContainText(number!);
	await expect(row).toContainText('Contoso');
	await expect(row).toContainText(tech.name);
	await expect(row).toContainText('High');
});

test('two people on one ticket see each other’s edits and each other', async ({}, testInfo) => {
	const [a, b] = [dispatcher.page, technician.page];
	await a.goto(ticketUrl);
	await b.goto(ticketUrl);
	await expect(a.getByTestId('presence')).toContainText(tech.name);
	await expect(b.getByTestId('presence')).toContainText(owner.name);

	// the description is co-edited: each types at their end, both keep both
	await a.getByTestId('description').press('End');
	await a.getByTestId('description').pressSequentially(' Tray 2.');
	await expect(b.getByTestId('description')).toHaveValue('Paper jam error E-12. Tray 2.');
	await b.getByTestId('description').press('Control+Home');
	await b.getByTestId('description').pressSequentially('Since Monday: ');
	await expect(a.getByTestId('description')).toHaveValue('Since Monday: Paper jam error E-12. Tray 2.');

	await b.locator('#ticket-title').fill('Printer jams on floor 2 (HP 4050)');
	await expect(a.locator('#ticket-title')).toHaveValue('Printer jams on floor 2 (HP 4050)');

	await workflow(a).getByLabel('Status').selectOption({ label: 'In progress' });
	await expect(workflow(b).getByLabel('Status')).toHaveValue('in-progress');

	// a note with markup stays text
	await notes(b).getByLabel('Add a note').fill('<b>Ordered</b> a fuser kit');
	await notes(b).getByRole('button', { name: 'Add internal note' }).click();
	const note = notes(a).getByTestId('note').filter({ hasText: 'a fuser kit' });
	await expect(note).toContainText('<b>Ordered</b> a fuser kit');
	await expect(note).toContainText('Internal');
	await expect(note.locator('b')).toHaveCount(0);
	await a.screenshot({ path: testInfo.outputPath('ticket-desktop.png'), fullPage: true });
});

test('offline: a tech’s note and checklist merge with the dispatcher’s status change', async () => {
	const [a, b] = [dispatcher.page, technician.page];
	await expect(syncStatus(b)).toContainText('all changes saved');
	await technician.context.setOffline(true);
	await expect(syncStatus(b)).toContainText('Offline');

	await notes(b).getByLabel('Add a note').fill('On site: replaced the fuser.');
	await notes(b).getByRole('button', { name: 'Add internal note' }).click();
	for (const item of ['Replace fuser', 'Print test page']) {
		await checklist(b).getByLabel('New checklist item').fill(item);
		await checklist(b).getByLabel('New checklist item').press('Enter');
	}
	await checklist(b).getByRole('checkbox', { name: 'Done: Replace fuser' }).check();
	await expect(checklist(b).getByTestId('checklist-item')).toHaveCount(2);
	// the tech also changes the status, offline: earlier than the dispatcher's change, so it loses
	await workflow(b).getByLabel('Status').selectOption({ label: 'Scheduled' });
	await a.waitForTimeout(50);

	// meanwhile, online, the dispatcher changes the status
	await workflow(a).getByLabel('Status').selectOption({ label: 'Waiting on customer' });
	await expect(a.getByTestId('timeline')).toContainText(`${owner.name} set the status to Waiting on customer`);

	// neither sees the other's changes while the tech is offline
	await a.waitForTimeout(1_500);
	await expect(workflow(b).getByLabel('Status')).toHaveValue('scheduled');
	await expect(notes(a).getByTestId('note').filter({ hasText: 'On site: replaced the fuser.' })).toHaveCount(0);
	await technician.context.setOffline(false);
	await expect(syncStatus(b)).toContainText('all changes saved', { timeout: 20_000 });

	for (const page of [a, b]) {
		await expect(notes(page).getByTestId('note').filter({ hasText: 'On site: replaced the fuser.' })).toBeVisible({ timeout: 20_000 });
		await expect(checklist(page).getByTestId('checklist-item')).toHaveCount(2);
		await expect(checklist(page).getByRole('checkbox', { name: 'Done: Replace fuser' })).toBeChecked();
		await expect(checklist(page).getByRole('checkbox', { name: 'Done: Print test page' })).not.toBeChecked();
		await expect(workflow(page).getByLabel('Status')).toHaveValue('waiting-on-customer');
		// the timeline keeps both changes, in the order they happened
		const timeline = page.getByTestId('timeline-event').filter({ hasText: /set the status to (Scheduled|Waiting on customer)/ });
		await expect(timeline).toHaveText([`${tech.name} set the status to Scheduled`, `${owner.name} set the status to Waiting on customer`].map((t) => new RegExp(t)));
	}
});

test('a ticket assigned to the tech is on their device: it opens with no network', async () => {
	const page = technician.page;
	await page.goto('/service-desk');
	await expect(ticketRow(page, 'Printer jams on floor 2 (HP 4050)')).toBeVisible();
	// made by the dispatcher, assigned to the tech, never opened on the tech's device
	await newTicket(dispatcher.page, { title: 'Laptop for new hire', customer: 'Contoso', assignee: tech.name });
	await expect(dispatcher.page.getByTestId('ticket-label')).toHaveText(/^T-\d+$/, { timeout: 20_000 });
	// the tech's list catches up from the server (a reload pulls the rows feed at once)
	await page.reload();
	const row = ticketRow(page, 'Laptop for new hire');
	await expect(row).toBeVisible({ timeout: 20_000 });
	// the tech's own work is downloaded in the background and kept
	await expect(row).toContainText('Kept offline', { timeout: 20_000 });

	await technician.context.setOffline(true);
	await page.reload();
	await expect(syncStatus(page)).toContainText('Offline');
	await ticketRow(page, 'Laptop for new hire').getByRole('link', { name: 'Laptop for new hire' }).click();
	await expect(page.locator('#ticket-title')).toHaveValue('Laptop for new hire');
	await expect(workflow(page).getByLabel('Assignee')).toHaveValue(/.+/);
	await technician.context.setOffline(false);
});

test('the list filters by queue and assignee; a saved filter survives a reload', async ({}, testInfo) => {
	const page = dispatcher.page;
	await newTicket(page, { title: 'Server down', priority: 'Critical', queue: 'Triage' });
	await newTicket(page, { title: 'Mailbox full', queue: 'Triage' });
	await page.goto('/service-desk');

	await view(page, 'Triage').click();
	await expect(page.getByTestId('ticket-row')).toHaveCount(2);
	await expect(ticketRow(page, 'Server down')).toBeVisible();

	await view(page, 'Unassigned').click();
	await expect(page.getByTestId('ticket-row')).toHaveCount(2);
	await page.getByLabel('Assignee').selectOption({ label: tech.name });
	await expect(page.getByTestId('ticket-row')).toHaveCount(2);
	await expect(ticketRow(page, 'Laptop for new hire')).toBeVisible();

	await view(page, 'Triage').click();
	await page.getByLabel('Priority').selectOption({ label: 'Critical' });
	await expect(page.getByTestId('ticket-row')).toHaveCount(1);
	await page.getByRole('button', { name: 'Save filter' }).click();
	await page.getByLabel('Name this filter').fill('Triage critical');
	await page.getByLabel('Name this filter').press('Enter');
	await expect(view(page, 'Triage critical')).toHaveAttribute('aria-pressed', 'true');

	await page.reload();
	await view(page, 'Triage critical').click();
	await expect(page.getByTestId('ticket-row')).toHaveCount(1);
	await expect(ticketRow(page, 'Server down')).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('tickets-desktop.png'), fullPage: true });

	// search by number, then the keyboard: "/" finds
	await view(page, 'All open').click();
	await page.keyboard.press('/');
	await expect(page.getByLabel('Search tickets')).toBeFocused();
	await page.keyboard.type('mailbox');
	await expect(page.getByTestId('ticket-row')).toHaveCount(1);

	await page.getByRole('button', { name: 'Delete saved filter Triage critical' }).click();
	await expect(page.getByTestId('saved-filter')).toHaveCount(0);
});

test('the list and a ticket work on a phone', async ({ browser }, testInfo) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	await logIn(page, tech.email, tech.password);
	await page.goto('/service-desk');
	await expect(ticketRow(page, 'Laptop for new hire')).toBeVisible({ timeout: 20_000 });
	const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(await overflow()).toBeLessThanOrEqual(0);
	await page.screenshot({ path: testInfo.outputPath('tickets-phone.png'), fullPage: true });
	await page.goto(ticketUrl);
	await expect(page.locator('#ticket-title')).toHaveValue('Printer jams on floor 2 (HP 4050)');
	expect(await overflow()).toBeLessThanOrEqual(0);
	await page.screenshot({ path: testInfo.outputPath('ticket-phone.png'), fullPage: true });
	await context.close();
});

test('logging out leaves none of the tickets on the device', async () => {
	const page = technician.page;
	await page.goto('/service-desk');
	await expect(ticketRow(page, 'Laptop for new hire')).toBeVisible();
	await page.getByRole('button', { name: 'Log out' }).click();
	await expect(page).toHaveURL(/\/login/);
	const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('stackdesk')));
	expect(databases).toEqual([]);
});
