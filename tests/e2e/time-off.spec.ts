import { expect, test, type Page } from '@playwright/test';
import { inviteMember, newPerson, signUpOwner, type Person } from './support.js';

/**
 * Time off from request to workload: a tech asks for three days next week
 * with the keyboard (a wrong date first), an admin approves it, and the
 * workload view shows the tech's week reduced by those days.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Time Off MSP ${stamp}`, name: 'Olga Owner', email: `olga-${stamp}@example.test`, password: 'correct horse battery' };
const admin = { name: 'Ada Admin', email: `ada-${stamp}@example.test`, password: 'admin all day long' };
const tech = { name: 'Toni Tech', email: `toni-${stamp}@example.test`, password: 'another long secret' };

// a new company's zone is UTC: next week there, Monday to Wednesday, and its ISO week (the year of its Thursday)
const DAY = 86_400_000;
const now = new Date();
const nextMonday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + (7 - ((now.getUTCDay() + 6) % 7)) * DAY;
const iso = (at: number) => new Date(at).toISOString().slice(0, 10);
const [monday, wednesday] = [iso(nextMonday), iso(nextMonday + 2 * DAY)];
const thursday = new Date(nextMonday + 3 * DAY);
const week = `${thursday.getUTCFullYear()}-W${String(Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / (7 * DAY)) + 1).padStart(2, '0')}`;
const NOTE = '<b>Ski</b> trip & back';

test.describe.configure({ mode: 'serial' });

let people: Person[] = [];
let adminPage: Page;
let techPage: Page;

test.afterAll(async () => {
	for (const person of people) await person.context.close();
});

const techCell = (page: Page) => page.getByTestId('workload').locator('tr', { hasText: tech.name }).locator(`td[data-week="${week}"]`);

test('a tech asks for time off with the keyboard; a wrong date is explained', async ({ browser }) => {
	const first = await newPerson(browser);
	people.push(first);
	await signUpOwner(first.page, owner);
	const adminPerson = await inviteMember(first.page, browser, admin, 'admin');
	const techPerson = await inviteMember(first.page, browser, tech, 'technician');
	people.push(adminPerson, techPerson);
	adminPage = adminPerson.page;
	techPage = techPerson.page;

	// before anything is asked: the tech's week is a full one on the workload view
	await adminPage.goto('/reports');
	await adminPage.getByRole('link', { name: /Workload/ }).click();
	await expect(techCell(adminPage).getByTestId('available')).toHaveText('40');

	await techPage.goto('/timesheets/time-off');
	await expect(techPage.getByRole('heading', { name: 'No time off asked for yet' })).toBeVisible();
	const form = techPage.getByRole('form', { name: 'Request time off' });
	await form.getByLabel('Kind').focus();
	await techPage.keyboard.press('Tab');
	await expect(form.getByLabel('First day')).toBeFocused();
	await form.getByLabel('First day').fill(wednesday);
	// the last day followed the first; set it before it
	await expect(form.getByLabel('Last day')).toHaveValue(wednesday);
	await form.getByLabel('Last day').fill(monday);
	await form.getByLabel('Note').fill(NOTE);
	await form.getByLabel('Hours a day').press('Enter');
	await expect(form.getByRole('alert')).toContainText('Last day: The last day is before the first.');
	await expect(form.getByLabel('Last day')).toBeFocused();

	await form.getByLabel('First day').fill(monday);
	await form.getByLabel('Last day').fill(wednesday);
	await form.getByLabel('Hours a day').press('Enter');
	await expect(techPage.getByRole('status').filter({ hasText: 'Time off requested' })).toBeVisible();
	const mine = techPage.getByTestId('my-time-off');
	await expect(mine.getByRole('row').nth(1)).toContainText('Waiting for approval');
	// the note is shown as the text it is, not as markup
	await expect(mine.getByText(NOTE)).toBeVisible();
	await expect(mine.locator('b')).toHaveCount(0);
});

test('an admin approves it with a comment, and the workload shows the tech\'s week reduced', async () => {
	await adminPage.goto('/timesheets/time-off');
	const pending = adminPage.getByTestId('pending-request');
	await expect(pending).toHaveCount(1);
	await expect(pending).toContainText(tech.name);
	await expect(pending).toContainText(NOTE);
	// a rejection needs a comment: refused, with the message on the request
	await pending.getByRole('button', { name: 'Reject' }).click();
	await expect(pending.getByRole('alert')).toContainText('Say why it is rejected');
	await pending.getByLabel(/Comment/).fill('Enjoy the snow');
	await pending.getByRole('button', { name: 'Approve' }).click();
	await expect(adminPage.getByRole('status').filter({ hasText: `Approved: ${tech.name}` })).toBeVisible();
	await expect(adminPage.getByTestId('no-pending')).toBeVisible();

	await adminPage.getByRole('link', { name: 'Workload' }).click();
	const cell = techCell(adminPage);
	await expect(cell.getByTestId('available')).toHaveText('16');
	await expect(cell).toContainText('24 h off');

	await techPage.reload();
	const row = techPage.getByTestId('my-time-off').getByRole('row').nth(1);
	await expect(row).toContainText('Approved');
	await expect(row).toContainText('by Ada Admin');
	await expect(row).toContainText('Enjoy the snow');
});

test('the admin sets the tech\'s working hours: a wrong day is named, a four-day week shows in the workload', async () => {
	await adminPage.goto('/settings');
	await adminPage.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Working hours' }).click();
	const day = (name: string) => adminPage.getByLabel(`${tech.name}, hours on ${name}`);
	await expect(day('Monday')).toHaveValue('8');
	await day('Thursday').fill('ten');
	await day('Thursday').press('Enter');
	await expect(adminPage.getByRole('alert')).toContainText('Thursday: give hours such as 8, 7.5 or 7:30');
	await expect(day('Thursday')).toHaveValue('ten');
	await day('Thursday').fill('10');
	await day('Friday').fill('');
	await adminPage.getByRole('button', { name: `Save ${tech.name}’s hours` }).click();
	await expect(adminPage.getByText('Working hours saved')).toBeVisible();
	await expect(adminPage.locator('tr', { hasText: tech.name })).toContainText('34:00');

	// Monday to Wednesday are off: Thursday's 10 hours are what is left of next week
	await adminPage.goto('/reports/workload');
	await expect(techCell(adminPage).getByTestId('available')).toHaveText('10');
});
