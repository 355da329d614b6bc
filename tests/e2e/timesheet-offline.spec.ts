import { expect, test, type Page } from '@playwright/test';
import { inviteMember, newCustomer, newPerson, serviceWorkerReady, signUpOwner, syncStatus, type Person } from './support.js';

/**
 * One point of entry for time, offline: a tech opens a ticket, loses the
 * network, logs time on it; the ticket's total counts it at once. Back online,
 * the entry is on the tech's timesheet week, the server's totals have it once,
 * and the dispatcher (who holds none of the tech's weeks) sees the same total.
 * Then the week goes to its approver: rejected with a comment the tech reads,
 * submitted again, approved, and locked on every screen that writes time.
 */

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const owner = { company: `Timesheet MSP ${stamp}`, name: 'Dora Dispatch', email: `dora-${stamp}@example.test`, password: 'correct horse battery' };
const tech = { name: 'Tariq Tech', email: `tariq-${stamp}@example.test`, password: 'another long secret' };

let dispatcher: Person;
let technician: Person;
let ticketUrl = '';

const time = (page: Page) => page.getByRole('region', { name: 'Logged time', exact: true });

test.afterAll(async () => {
	await dispatcher?.context.close();
	await technician?.context.close();
});

test('a dispatcher makes a ticket for the tech', async ({ browser }) => {
	dispatcher = await newPerson(browser);
	await signUpOwner(dispatcher.page, owner);
	technician = await inviteMember(dispatcher.page, browser, tech);
	await serviceWorkerReady(technician.page);
	await newCustomer(dispatcher.page, 'Contoso');
	const page = dispatcher.page;
	await page.goto('/service-desk/new');
	const form = page.getByRole('form', { name: 'New ticket' });
	await form.getByLabel('Title').fill('Printer jams on floor 2');
	await form.getByLabel('Customer').selectOption({ label: 'Contoso' });
	await form.getByLabel('Assignee').selectOption({ label: tech.name });
	await form.getByLabel('Title').press('Control+Enter');
	await expect(page).toHaveURL(/\/service-desk\/tickets\/[0-9a-f-]{36}$/);
	await expect(page.getByTestId('ticket-label')).toHaveText(/^T-\d+$/, { timeout: 20_000 });
	ticketUrl = new URL(page.url()).pathname;
});

test('offline, the tech logs time on the ticket: the total counts it at once', async () => {
	const page = technician.page;
	await page.goto(ticketUrl);
	await expect(page.locator('#ticket-title')).toHaveValue('Printer jams on floor 2');
	await expect(time(page).getByTestId('logged-total')).toHaveText('0:00');
	await expect(syncStatus(page)).toContainText('all changes saved');

	await technician.context.setOffline(true);
	await expect(syncStatus(page)).toContainText('Offline');
	await time(page).getByRole('button', { name: 'Log time' }).click();
	const form = time(page).getByRole('form', { name: 'Log time' });
	// a zero duration is refused with the reason, beside the field
	await form.getByLabel('Duration').fill('0');
	await form.getByLabel('Duration').press('Enter');
	await expect(form.getByText('A duration must be more than zero minutes')).toBeVisible();
	await form.getByLabel('Duration').fill('1:30');
	await form.getByLabel('Notes').fill('Replaced the fuser');
	await form.getByLabel('Notes').press('Enter');
	await expect(time(page).getByTestId('logged-total')).toHaveText('1:30');
	// Enter started the next entry: the times are cleared, the cursor is in Start
	await expect(form.getByLabel('Duration')).toHaveValue('');
	await expect(form.getByLabel('Start')).toBeFocused();
});

test('back online: the entry is on the timesheet week and in the ticket total, once', async () => {
	const page = technician.page;
	await technician.context.setOffline(false);
	await expect(syncStatus(page)).toContainText('all changes saved', { timeout: 20_000 });
	const ticketId = ticketUrl.split('/').pop()!;

	// the server has stored and projected it: its totals count the entry once
	await expect(async () => {
		const answer = await (await page.request.get(`/api/v1/time/totals?ticketId=${ticketId}`)).json();
		expect(answer.totals).toHaveLength(1);
		expect(answer.totals[0]).toMatchObject({ minutes: 90 });
	}).toPass({ timeout: 20_000 });

	await page.goto('/timesheets');
	const entry = page.getByTestId('entry').filter({ hasText: 'Replaced the fuser' });
	await expect(entry).toBeVisible();
	await expect(entry).toContainText('1:30');
	await expect(entry.getByRole('link', { name: /Printer jams on floor 2/ })).toBeVisible();
	await expect(entry).toContainText('Contoso');
	await expect(page.getByTestId('week-total')).toHaveText('1:30');
	await expect(page.getByTestId('week-billable')).toHaveText('1:30');

	// the tech's device counts its own week, the server's figure for it is not added again
	await page.goto(ticketUrl);
	await expect(time(page).getByTestId('logged-total')).toHaveText('1:30');
	// the dispatcher's device holds none of the tech's weeks: the server's figures
	await dispatcher.page.goto(ticketUrl);
	await expect(time(dispatcher.page).getByTestId('logged-total')).toHaveText('1:30');
	await expect(time(dispatcher.page)).toContainText(tech.name);
});

test('on the week view: keyboard entry, an overlap refused with its reason, an expense without amount', async () => {
	const page = technician.page;
	await page.goto('/timesheets');
	const form = page.getByRole('form', { name: 'New entry' });
	await form.getByLabel('Start').fill('9:00');
	await form.getByLabel('End').fill('10:00');
	await form.getByLabel('End').press('Enter');
	await expect(page.getByTestId('week-total')).toHaveText('2:30');
	await expect(form.getByLabel('Start')).toBeFocused();
	await page.keyboard.type('9:30');
	await form.getByLabel('End').fill('10:30');
	await form.getByLabel('End').press('Enter');
	await expect(form.getByRole('alert')).toContainText('09:00–10:00 overlaps 09:30–10:30');
	await expect(page.getByTestId('week-total')).toHaveText('2:30');

	const expense = page.getByRole('form', { name: 'New expense' });
	await expense.getByLabel('Category').fill('Parking');
	await expense.getByRole('button', { name: 'Add expense' }).click();
	await expect(expense.getByText('An expense needs an amount')).toBeVisible();
	await expense.getByLabel('Amount (USD)').fill('12.50');
	await expense.getByRole('button', { name: 'Add expense' }).click();
	await expect(page.getByTestId('expense')).toContainText('Parking');
	await expect(page.getByTestId('expense')).toContainText('$12.50');
});

test('the timer keeps running across a reload, and stops from the top bar; a week is submitted', async () => {
	const page = technician.page;
	await page.goto('/timesheets');
	await page.getByRole('button', { name: 'Start timer' }).click();
	const chip = page.getByTestId('timer-chip');
	await expect(chip).toBeVisible();
	await page.reload();
	await expect(chip.getByTestId('timer-clock')).toHaveText(/^0:00:\d\d$/);
	await chip.getByRole('button', { name: 'Pause' }).click();
	await expect(chip.getByRole('button', { name: 'Resume' })).toBeVisible();
	await chip.getByRole('button', { name: 'Stop timer' }).click();
	await expect(chip).toHaveCount(0);

	await page.getByRole('button', { name: 'Submit week' }).click();
	await expect(page.getByTestId('approval')).toContainText('waiting for approval');

	// the next week starts empty; copy last week brings its entries onto the same weekdays
	await page.getByRole('link', { name: 'Next →' }).click();
	await expect(page.getByRole('heading', { name: 'No time logged this week' })).toBeVisible();
	await page.getByRole('button', { name: 'Copy last week' }).click();
	await expect(page.getByText(/Copied 2 entries from last week/)).toBeVisible();
	await expect(page.getByTestId('week-total')).toHaveText('2:30');
});

test('the approver rejects the week with a comment; the tech reads it and submits again', async () => {
	const page = dispatcher.page;
	await page.goto('/timesheets/approvals');
	const row = page.getByRole('row').filter({ hasText: tech.name });
	await expect(row).toContainText('Submitted');
	await expect(row).toContainText('2:30');
	await row.getByRole('link').click();
	await expect(page.getByRole('region', { name: 'The week as it is now' })).toContainText('Printer jams on floor 2');
	await page.getByRole('button', { name: 'Reject' }).click();
	await expect(page.getByText('Say why the week is rejected', { exact: false })).toBeVisible();
	await page.getByLabel('Comment (needed to reject or reopen)').fill('Add a note to the printer visit');
	await page.getByRole('button', { name: 'Reject' }).click();
	await expect(page.getByText(/rejected · “Add a note to the printer visit”/)).toBeVisible();

	const tech_ = technician.page;
	await tech_.goto('/timesheets');
	await expect(tech_.getByTestId('approval')).toContainText('Rejected by Dora Dispatch');
	await expect(tech_.getByTestId('approval')).toContainText('“Add a note to the printer visit”');
	await tech_.getByRole('button', { name: 'Submit week' }).click();
	await expect(tech_.getByTestId('approval')).toContainText('waiting for approval');
});

test('approved from the list, the week is locked on the timesheet and on the ticket', async () => {
	const page = dispatcher.page;
	await page.goto('/timesheets/approvals');
	const row = page.getByRole('row').filter({ hasText: tech.name });
	await expect(row).toContainText('Submitted');
	await row.getByRole('checkbox').check();
	await page.getByRole('button', { name: 'Approve selected' }).click();
	await expect(page.getByText('Nothing here')).toBeVisible();
	await page.getByRole('navigation', { name: 'Approval views' }).getByRole('link', { name: 'Approved' }).click();
	await expect(page.getByRole('row').filter({ hasText: tech.name })).toContainText('Approved');

	const tech_ = technician.page;
	await tech_.goto('/timesheets');
	await expect(tech_.getByTestId('approval')).toContainText('Approved by Dora Dispatch');
	await expect(tech_.getByTestId('lock-message')).toContainText('is locked');
	await expect(tech_.getByRole('form', { name: 'New entry' })).toHaveCount(0);
	await expect(tech_.getByRole('button', { name: /Remove/ })).toHaveCount(0);

	// the ticket's Log time writes into the same week: refused, with the reason
	await tech_.goto(ticketUrl);
	// this week's 1:30, and the copy of it in next week
	await expect(time(tech_).getByTestId('logged-total')).toHaveText('3:00');
	await time(tech_).getByRole('button', { name: 'Log time' }).click();
	const form = tech_.getByRole('form', { name: 'Log time' });
	await form.getByLabel('Duration').fill('0:15');
	await form.getByLabel('Duration').press('Enter');
	await expect(form.getByRole('alert')).toContainText('is locked');
	await expect(time(tech_).getByTestId('logged-total')).toHaveText('3:00');
});
