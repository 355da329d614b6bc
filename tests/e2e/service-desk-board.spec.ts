import { expect, test, type Page } from '@playwright/test';
import { inviteMember, newCustomer, newPerson, serviceWorkerReady, signUpOwner, syncStatus, type Person } from './support.js';

/**
 * The service desk's settings, the status board and the dispatch board: an
 * admin sets up queues, statuses, types, business hours and a policy; a
 * dispatcher and a tech co-edit the board live; the dispatcher books a ticket
 * on the tech's day and the tech sees it in My schedule, offline too.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Board MSP ${stamp}`, name: 'Dana Owner', email: `dana-${stamp}@example.test`, password: 'correct horse battery' };

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test.describe.configure({ mode: 'serial' });

let owner_: Person;
let dispatcher: Person;
let technician: Person;
const dispatch = { name: 'Dee Dispatch', email: `dee-${stamp}@example.test`, password: 'dispatch all day long' };
const tech = { name: 'Toni Tech', email: `toni-${stamp}@example.test`, password: 'another long secret' };

test.afterAll(async () => {
	for (const person of [owner_, dispatcher, technician]) await person?.context.close();
});

test('an admin defines a queue, a status that pauses, a type with portal questions, a calendar and a policy', async ({ browser }, testInfo) => {
	owner_ = await newPerson(browser);
	const page = owner_.page;
	await signUpOwner(page, owner);
	await page.goto('/settings');
	await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Service desk' }).click();
	await expect(page).toHaveURL(/\/settings\/service-desk$/);

	// a queue, after Triage, which every tenant has
	const queues = section(page, 'Queues');
	await expect(queues.getByRole('listitem')).toHaveText([/Triage.*tickets nobody could place land here/]);
	await queues.getByRole('button', { name: 'Add queue' }).click();
	await expect(queues.getByLabel('Queue name')).toBeFocused();
	await page.keyboard.type('Triage');
	await page.keyboard.press('Enter');
	await expect(queues.getByText('There is already a queue named Triage')).toBeVisible();
	await queues.getByLabel('Queue name').fill('Immediate Attention');
	await page.keyboard.press('Enter');
	await expect(queues.getByRole('button', { name: 'Add queue' })).toBeFocused();
	await expect(queues.getByRole('listitem')).toHaveText([/Triage/, /Immediate Attention/]);
	await queues.getByRole('button', { name: 'Move Immediate Attention up' }).click();
	await expect(queues.getByRole('listitem')).toHaveText([/Immediate Attention/, /Triage/]);

	// the defaults until edited; a status of our own that pauses the clock
	const statuses = section(page, 'Statuses');
	await expect(statuses.getByRole('listitem').filter({ hasText: 'Waiting on customer' })).toContainText('Pauses the SLA clock');
	await statuses.getByRole('button', { name: 'Add status' }).click();
	await statuses.getByLabel('Status name').fill('Waiting on vendor');
	await statuses.getByLabel('Pauses the SLA clock').check();
	await statuses.getByRole('button', { name: 'Save status' }).click();
	await expect(statuses.getByRole('listitem')).toHaveText([/^New/, /In progress/, /Waiting on customer/, /Scheduled/, /Resolved/, /Closed/, /Waiting on vendor.*Pauses the SLA clock/]);
	await statuses.getByRole('button', { name: 'Move Waiting on vendor up' }).click();
	await statuses.getByRole('button', { name: 'Move Waiting on vendor up' }).click();
	await statuses.getByRole('button', { name: 'Move Waiting on vendor up' }).click();
	await expect(statuses.getByRole('listitem').nth(3)).toContainText('Waiting on vendor');
	await expect(statuses.getByRole('button', { name: 'Delete New' })).toHaveCount(0);

	// a type the portal offers, with its follow-up questions
	const types = section(page, 'Ticket types');
	await expect(types.getByText('No ticket types yet.')).toBeVisible();
	await types.getByRole('button', { name: 'Add type' }).click();
	await types.getByLabel('Type name').fill('New user');
	await types.getByLabel('Sub-types, one per line').fill('Laptop\nMailbox only');
	await types.getByLabel('Follow-up questions, one per line').fill('Start date?\nWhich office?\n');
	await types.getByRole('button', { name: 'Save type' }).click();
	await expect(types.getByRole('listitem')).toHaveText([/New user.*In the portal.*Laptop, Mailbox only · 2 questions/]);

	// business hours: what cannot be read says why, by its field
	const calendars = section(page, 'Business hours');
	await calendars.getByRole('button', { name: 'Add calendar' }).click();
	await calendars.getByLabel('Calendar name').fill('Berlin office');
	await calendars.getByLabel('Time zone').fill('Europe/Atlantis');
	await calendars.getByLabel('Opening hours').fill('Mon-Fri 9-5');
	await calendars.getByLabel('Holidays, one per line').fill('2026-12-25 Christmas\n2026-12-32');
	await calendars.getByRole('button', { name: 'Save calendar' }).click();
	await expect(calendars.getByLabel('Time zone')).toBeFocused();
	await expect(calendars.getByText('Pick a time zone such as Europe/Berlin or America/New_York')).toBeVisible();
	await expect(calendars.getByText('“9-5” is not a span such as 09:00-17:00')).toBeVisible();
	await expect(calendars.getByText('2026-12-32 is not a date (YYYY-MM-DD)')).toBeVisible();
	await calendars.getByLabel('Time zone').fill('Europe/Berlin');
	await calendars.getByLabel('Opening hours').fill('Mon-Fri 09:00-17:00');
	await calendars.getByLabel('Holidays, one per line').fill('2026-12-25 Christmas\n2026-12-26');
	await calendars.getByRole('button', { name: 'Save calendar' }).click();
	await expect(calendars.getByRole('listitem')).toHaveText([/Berlin office.*Europe\/Berlin · Mon-Fri 09:00-17:00 · 2 holidays/]);

	// a policy on that calendar, its targets typed as people say them
	const policies = section(page, 'SLA policies');
	await policies.getByRole('button', { name: 'Add policy' }).click();
	await policies.getByLabel('Policy name').fill('Premier');
	await expect(policies.getByLabel('Business hours')).toHaveValue(/.+/);
	await expect(policies.getByLabel('Default policy')).toBeChecked();
	await policies.getByLabel('First response, Critical').fill('15m');
	await policies.getByLabel('Resolution, Critical').fill('4h');
	await policies.getByLabel('First response, Normal').fill('2h');
	await policies.getByLabel('Resolution, Normal').fill('1h');
	await policies.getByRole('button', { name: 'Save policy' }).click();
	await expect(policies.getByText('Resolution cannot come before the first response')).toBeVisible();
	await policies.getByLabel('Resolution, Normal').fill('1d');
	await policies.getByRole('button', { name: 'Save policy' }).click();
	const premier = policies.getByRole('listitem').filter({ hasText: 'Premier' });
	await expect(premier).toContainText('Default');
	await expect(premier).toContainText('Berlin office');
	await expect(premier).toContainText('Normal: 2h / 24h');
	await expect(premier).toContainText('Critical: 15m / 4h');
	// the calendar a policy uses cannot be deleted from under it
	await expect(calendars.getByRole('button', { name: 'Delete Berlin office' })).toHaveCount(0);
	await expect(calendars).toContainText('Used by Premier');

	// editing keeps what was typed, and a reload shows everything from the document
	await policies.getByRole('button', { name: 'Edit Premier' }).click();
	await expect(policies.getByLabel('Resolution, Normal')).toHaveValue('24h');
	await page.keyboard.press('Escape');
	await expect(policies.getByRole('button', { name: 'Edit Premier' })).toBeFocused();
	await page.reload();
	await expect(section(page, 'Statuses').getByRole('listitem').nth(3)).toContainText('Waiting on vendor');
	await expect(section(page, 'SLA policies')).toContainText('Critical: 15m / 4h');
	await page.screenshot({ path: testInfo.outputPath('service-desk-settings.png'), fullPage: true });

	// the customer's class and lead tech; the agreement's policy
	await newCustomer(page, 'Acme');
	const desk = section(page, 'Service desk');
	await desk.getByLabel('Class').fill('Premier');
	await desk.getByLabel('Lead technician').selectOption({ label: owner.name });
	await page.getByRole('region', { name: 'Contracts' }).getByRole('link', { name: 'New contract' }).click();
	await expect(page.getByRole('heading', { name: 'New contract' })).toBeVisible();
	await page.getByLabel('Contract name').fill('Managed services');
	await page.getByRole('button', { name: 'Create contract' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Managed services' })).toBeVisible();
	await page.getByLabel('SLA policy').selectOption({ label: 'Premier' });
	await page.reload();
	await expect(page.getByLabel('SLA policy')).toHaveValue(/.+/);
	await page.getByRole('link', { name: 'Acme' }).click();
	await expect(section(page, 'Service desk').getByLabel('Class')).toHaveValue('Premier');
	await expect(section(page, 'Service desk').getByLabel('Lead technician')).toHaveValue(/.+/);
});

/** Creates a ticket from the new ticket form and waits for its page. */
async function newTicket(page: Page, title: string, priority = 'Normal') {
	await page.goto('/service-desk/new');
	const form = page.getByRole('form', { name: 'New ticket' });
	await form.getByLabel('Title').fill(title);
	await form.getByLabel('Customer').selectOption({ label: 'Acme' });
	await form.getByLabel('Priority').selectOption({ label: priority });
	await form.getByRole('button', { name: /Create ticket/ }).click();
	await expect(page).toHaveURL(/\/service-desk\/tickets\/[0-9a-f-]{36}$/);
}

const column = (page: Page, status: string) => page.locator(`[data-status="${status}"]`);
const card = (page: Page, title: string) => page.getByTestId('board-card').filter({ hasText: title });
/** the status of the column a card is in, as this page shows it */
const columnOf = (page: Page, title: string) => card(page, title).evaluate((el) => el.closest('[data-status]')?.getAttribute('data-status') ?? null);

test('a dispatcher and a tech co-edit the status board live', async ({ browser }, testInfo) => {
	dispatcher = await inviteMember(owner_.page, browser, dispatch, 'dispatcher');
	technician = await inviteMember(owner_.page, browser, tech, 'technician');
	await serviceWorkerReady(technician.page);
	const [d, t] = [dispatcher.page, technician.page];
	await newTicket(d, 'Printer jams on floor 2', 'High');
	await newTicket(d, 'New laptop for Sam');
	await newTicket(d, 'VPN drops every hour', 'Critical');

	await Promise.all([d.goto('/service-desk/board'), t.goto('/service-desk/board')]);
	// columns in the tenant's order, the most urgent card first
	await expect(d.getByRole('heading', { level: 2 })).toHaveText([/^New/, /In progress/, /Waiting on customer/, /Waiting on vendor/, /Scheduled/, /Resolved/, /Closed/]);
	await expect(column(d, 'new').getByTestId('board-card')).toHaveText([/VPN drops/, /Printer jams/, /New laptop/]);
	await expect(column(t, 'new').getByTestId('board-card')).toHaveCount(3, { timeout: 20_000 });
	// each sees the other on the board
	await expect(d.getByTestId('presence')).toContainText(tech.name);
	await expect(t.getByTestId('presence')).toContainText(dispatch.name);

	// the dispatcher drags a card: the tech sees it move, without waiting for the rows feed
	await card(d, 'Printer jams').dragTo(column(d, 'in-progress'));
	await expect(column(d, 'in-progress')).toContainText('Printer jams');
	// (the rows feed is pulled every 5 s: 2 s is the open document's doing)
	await expect(column(t, 'in-progress')).toContainText('Printer jams', { timeout: 2_000 });

	// the tech moves one from the keyboard: Shift+→ on the focused card, twice
	const laptop = card(t, 'New laptop').getByRole('link', { name: 'New laptop for Sam' });
	await laptop.focus();
	await t.keyboard.press('Shift+ArrowRight');
	await expect(column(t, 'in-progress')).toContainText('New laptop');
	await expect(card(t, 'New laptop').getByRole('link', { name: 'New laptop for Sam' })).toBeFocused();
	await t.keyboard.press('Shift+ArrowRight');
	await expect(column(t, 'waiting-on-customer')).toContainText('New laptop');
	await expect(column(d, 'waiting-on-customer')).toContainText('New laptop', { timeout: 2_000 });

	// both move cards at the same moment, one of them the same card: both boards end up the same
	await Promise.all([
		card(d, 'VPN drops').dragTo(column(d, 'scheduled')),
		card(t, 'VPN drops').getByLabel(/^Status of/).selectOption({ label: 'Waiting on vendor' }),
		card(t, 'Printer jams').getByLabel(/^Status of/).selectOption({ label: 'Scheduled' })
	]);
	await expect(column(d, 'scheduled')).toContainText('Printer jams', { timeout: 5_000 });
	await expect(column(t, 'scheduled')).toContainText('Printer jams');
	await expect.poll(async () => (await columnOf(d, 'VPN drops')) === (await columnOf(t, 'VPN drops')), { timeout: 10_000 }).toBe(true);
	await expect(syncStatus(d)).toContainText('all changes saved');
	await expect(syncStatus(t)).toContainText('all changes saved');
	// and a reload reads the same from the device
	const settled = await columnOf(d, 'VPN drops');
	await t.reload();
	await expect.poll(() => columnOf(t, 'VPN drops')).toBe(settled);

	// filters as on the list; a done column shows what was finished this week, folded
	await d.getByLabel('Search tickets').fill('laptop');
	await expect(d.getByTestId('board-card')).toHaveCount(1);
	await d.getByLabel('Search tickets').fill('');
	await card(d, 'New laptop').getByLabel(/^Status of/).selectOption({ label: 'Resolved' });
	await expect(column(d, 'resolved').getByTestId('board-card')).toHaveCount(0);
	await column(d, 'resolved').getByRole('button', { name: 'Resolved' }).click();
	await expect(column(d, 'resolved')).toContainText('New laptop');
	await d.screenshot({ path: testInfo.outputPath('status-board.png'), fullPage: true });
});

const techRow = (page: Page, name: string) => page.getByTestId('dispatch-grid').getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
const todayCell = (page: Page, name: string) => techRow(page, name).locator('[data-testid="cell"][data-today]');
const waiting = (page: Page) => page.getByTestId('unscheduled');

test('the dispatcher books a ticket on the tech’s day; the tech sees it in My schedule, offline too', async ({}, testInfo) => {
	const [d, t] = [dispatcher.page, technician.page];
	await newTicket(d, 'Replace the switch in the server room', 'High');
	await newTicket(d, 'Set up the new printer');
	await d.goto('/service-desk/dispatch');
	await t.goto('/service-desk/schedule');
	await expect(t.getByRole('heading', { name: 'Nothing booked for you' })).toBeVisible();

	// techs and dispatchers are the rows; the open tickets nobody is booked for wait beside them
	await expect(d.getByTestId('dispatch-grid').getByRole('rowheader')).toHaveText([dispatch.name, tech.name]);
	await expect(waiting(d)).toContainText('Replace the switch');
	// the week in view below the tickets to schedule, as on a dispatcher's screen
	await todayCell(d, tech.name).scrollIntoViewIfNeeded();
	await waiting(d).getByRole('listitem').filter({ hasText: 'Replace the switch' }).dragTo(todayCell(d, tech.name));
	await expect(todayCell(d, tech.name)).toContainText('Replace the switch');
	await expect(waiting(d)).not.toContainText('Replace the switch');

	// the tech sees it at once, and the ticket is theirs now (it had nobody)
	const mine = t.getByTestId('my-schedule');
	await expect(mine.getByRole('heading', { name: /^Today · / })).toBeVisible({ timeout: 8_000 });
	await expect(mine.getByTestId('scheduled')).toHaveText([/Replace the switch in the server room.*Acme.*New.*High/]);

	// from the keyboard: Schedule, pick the tech and the day, Book
	await waiting(d).getByRole('listitem').filter({ hasText: 'Set up the new printer' }).getByRole('button', { name: /^Schedule/ }).click();
	const form = d.getByRole('form', { name: /^Schedule / });
	await expect(form.getByLabel('Technician')).toBeFocused();
	await form.getByLabel('Technician').selectOption({ label: dispatch.name });
	await form.getByRole('button', { name: 'Book' }).click();
	await expect(todayCell(d, dispatch.name)).toContainText('Set up the new printer');

	// a visit dragged to another cell moves; one removed is gone, for both
	await todayCell(d, dispatch.name).getByTestId('visit').dragTo(todayCell(d, tech.name));
	await expect(todayCell(d, tech.name).getByTestId('visit')).toHaveCount(2);
	await expect(mine.getByTestId('scheduled')).toHaveCount(2, { timeout: 8_000 });
	await todayCell(d, tech.name).getByTestId('visit').filter({ hasText: 'Set up the new printer' }).getByRole('button', { name: /^Remove the visit for/ }).click();
	await expect(todayCell(d, tech.name).getByTestId('visit')).toHaveCount(1);
	await expect(mine.getByTestId('scheduled')).toHaveCount(1, { timeout: 8_000 });
	await expect(waiting(d)).toContainText('Set up the new printer');

	// the week before and after, and back
	await d.getByRole('button', { name: 'Next week →' }).click();
	await expect(techRow(d, tech.name).getByTestId('visit')).toHaveCount(0);
	await d.getByRole('button', { name: 'This week' }).click();
	await expect(todayCell(d, tech.name).getByTestId('visit')).toHaveCount(1);
	// the booking made the tech the assignee of the ticket nobody had
	await d.getByRole('navigation', { name: 'Service desk views' }).getByRole('link', { name: 'Board' }).click();
	await expect(card(d, 'Replace the switch')).toContainText(tech.name);

	// on the tech's phone, with no signal: the schedule and the ticket are still there after a reload
	await expect(syncStatus(t)).toContainText('all changes saved');
	await t.setViewportSize({ width: 390, height: 844 });
	await technician.context.setOffline(true);
	await t.reload();
	await expect(syncStatus(t)).toContainText('Offline');
	await expect(mine.getByTestId('scheduled')).toHaveText([/Replace the switch in the server room/]);
	await t.screenshot({ path: testInfo.outputPath('my-schedule-phone.png'), fullPage: true });
	await mine.getByRole('link', { name: /Replace the switch/ }).click();
	await expect(t.locator('#ticket-title')).toHaveValue('Replace the switch in the server room');
	await technician.context.setOffline(false);
});
