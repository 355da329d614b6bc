import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { newCustomer, newPerson, signUpOwner, type Person } from './support.js';

/**
 * Time on project tasks, from either end: logged in a task's panel on the
 * board, or typed on the week with the task picked by "Project › Task". Both
 * are entries of the person's week; the task counts both. Then the
 * project's structure (columns, phases) and its files.
 */

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const owner = { company: `Project time MSP ${stamp}`, name: 'Pat Planner', email: `pat-${stamp}@example.test`, password: 'correct horse battery' };

let person: Person;
let projectUrl = '';

const panel = (page: Page) => page.getByTestId('task-panel');
const logged = (page: Page) => panel(page).getByTestId('logged-time');

test.afterAll(async () => {
	await person?.context.close();
});

test('a project with a task, its time logged from the task panel', async ({ browser }) => {
	person = await newPerson(browser);
	const page = person.page;
	await signUpOwner(page, owner);
	await newCustomer(page, 'Fabrikam');
	await page.goto('/projects');
	await page.getByRole('button', { name: 'New project' }).first().click();
	await page.getByLabel('Project name').fill('Mail migration');
	await page.getByLabel('Customer').selectOption({ label: 'Fabrikam' });
	await page.getByRole('button', { name: 'Create project' }).click();
	await expect(page).toHaveURL(/\/projects\/[\w-]+$/);
	projectUrl = page.url();

	await page.getByRole('button', { name: 'Add task' }).first().click();
	await page.keyboard.type('Cut over MX records');
	await page.keyboard.press('Enter');
	await page.getByRole('button', { name: 'Cut over MX records' }).click();
	await expect(panel(page)).toBeVisible();
	await logged(page).getByRole('button', { name: 'Log time' }).click();
	const form = logged(page).getByRole('form', { name: 'Log time' });
	await form.getByLabel('Duration').fill('1:00');
	await form.getByLabel('Notes').fill('DNS change window');
	await form.getByLabel('Duration').press('Enter');
	await expect(logged(page).getByTestId('logged-total')).toHaveText('1:00');
});

test('on the week the entry links to its task, and a task is picked by project and title', async () => {
	const page = person.page;
	await page.goto('/timesheets');
	const entry = page.getByTestId('entry').filter({ hasText: 'DNS change window' });
	await expect(entry.getByRole('link', { name: 'Cut over MX records' })).toBeVisible();
	await expect(entry).toContainText('Fabrikam');

	const form = page.getByRole('form', { name: 'New entry' });
	await form.getByLabel('Ticket or task').fill('Nowhere at all');
	await form.getByLabel('Duration').fill('0:30');
	await form.getByLabel('Duration').press('Enter');
	await expect(form.getByText('No ticket or task of that name on this device')).toBeVisible();
	await form.getByLabel('Ticket or task').fill('Mail migration › Cut over MX records');
	await form.getByLabel('Duration').press('Enter');
	await expect(page.getByTestId('week-total')).toHaveText('1:30');

	await entry.getByRole('link', { name: 'Cut over MX records' }).click();
	await expect(page).toHaveURL(new RegExp(`${projectUrl.split('/').pop()}\\?task=`));
	await expect(logged(page).getByTestId('logged-total')).toHaveText('1:30');
});

test('an entry is changed in its place on the week, keeping its task; Escape leaves it as it was', async () => {
	const page = person.page;
	await page.goto('/timesheets');
	const entry = page.getByTestId('entry').filter({ hasText: 'DNS change window' });
	await entry.getByRole('button', { name: /^Edit entry of 1:00/ }).click();
	const form = page.getByRole('form', { name: 'Edit entry' });
	await expect(form.getByLabel('Ticket or task')).toHaveValue('Mail migration › Cut over MX records');
	await expect(form.getByLabel('Duration')).toHaveValue('1:00');
	await form.getByLabel('Duration').fill('1:15');
	await form.getByLabel('Notes').fill('DNS change window, TTL lowered first');
	await form.getByRole('button', { name: 'Save changes' }).click();
	await expect(form).toHaveCount(0);
	await expect(page.getByTestId('week-total')).toHaveText('1:45');
	await expect(page.getByTestId('entry').filter({ hasText: 'TTL lowered first' }).getByRole('link', { name: 'Cut over MX records' })).toBeVisible();

	// Escape leaves an edit unsaved
	await page.getByTestId('entry').filter({ hasText: 'TTL lowered first' }).getByRole('button', { name: /^Edit entry/ }).click();
	await page.getByRole('form', { name: 'Edit entry' }).getByLabel('Duration').fill('9:00');
	await page.keyboard.press('Escape');
	await expect(page.getByRole('form', { name: 'Edit entry' })).toHaveCount(0);
	await expect(page.getByTestId('week-total')).toHaveText('1:45');
});

test('the board\'s columns and the phases are set up on their own tab, and the board follows', async () => {
	const page = person.page;
	await page.goto(projectUrl);
	await page.getByRole('navigation', { name: 'Project views' }).getByRole('link', { name: 'Columns and phases' }).click();
	const columns = page.getByRole('region', { name: 'Board columns' });
	const review = columns.getByLabel('Name of the column Review');
	await review.fill('Customer review');
	await review.press('Enter');
	await expect(columns.getByLabel('Name of the column Customer review')).toBeVisible();
	await columns.getByLabel('New column').fill('To do');
	await columns.getByLabel('New column').press('Enter');
	await expect(columns.getByRole('alert')).toHaveText('There is already a column named To do.');
	await columns.getByLabel('New column').fill('Blocked');
	await columns.getByLabel('New column').press('Enter');
	await columns.getByRole('button', { name: 'Move Blocked up' }).click();
	await columns.getByRole('button', { name: 'Move Blocked up' }).click();
	const columnNames = () => columns.getByRole('textbox', { name: /^Name of the column/ }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
	await expect.poll(columnNames).toEqual(['To do', 'In progress', 'Blocked', 'Customer review', 'Done']);
	await columns.getByRole('button', { name: 'Remove To do' }).click();
	await expect(columns.getByRole('alert')).toHaveText('Move the task out of To do first.');

	const phases = page.getByRole('region', { name: 'Phases' });
	await expect(phases.getByText('No phases yet')).toBeVisible();
	await phases.getByLabel('New phase').fill('Cut-over');
	await phases.getByLabel('New phase').press('Enter');
	await expect(phases.getByLabel('Name of the phase Cut-over')).toBeVisible();

	await page.getByRole('navigation', { name: 'Project views' }).getByRole('link', { name: 'Board' }).click();
	await expect(page.locator('h2[id^="col-"]')).toContainText(['To do', 'In progress', 'Blocked', 'Customer review', 'Done']);
});

test('a file attached to the project uploads and downloads as it was; a file of a refused kind is explained', async () => {
	const page = person.page;
	await page.goto(projectUrl);
	await page.getByRole('navigation', { name: 'Project views' }).getByRole('link', { name: 'Files' }).click();
	const files = page.getByRole('region', { name: 'Files' });
	await expect(files).toContainText('Attach the statement of work');
	const plan = Buffer.from('%PDF-1.4 cut-over plan');
	await files.getByLabel('Choose files').setInputFiles({ name: 'cut-over-plan.pdf', mimeType: 'application/pdf', buffer: plan });
	const row = page.getByTestId('attachment').filter({ hasText: 'cut-over-plan.pdf' });
	await expect(row.getByRole('link', { name: 'cut-over-plan.pdf' })).toBeVisible();
	await expect(row.getByRole('progressbar')).toHaveCount(0, { timeout: 20_000 });
	const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'cut-over-plan.pdf' }).click()]);
	expect(await readFile(await download.path())).toEqual(plan);

	await files.getByLabel('Choose files').setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
	await expect(files.getByRole('alert')).toContainText('setup.exe');
	await page.reload();
	await expect(page.getByTestId('attachment')).toHaveCount(1);
});
