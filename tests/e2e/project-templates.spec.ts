import { expect, test, type Page } from '@playwright/test';
import { serviceWorkerReady, signUpOwner } from './support.js';

/**
 * Templates and tickets as tasks, in the browser: a project saved as a
 * template and started again with a new start date shows its dates shifted;
 * a ticket added to that project as a task links to it, and back.
 */
test.describe.configure({ mode: 'serial' });

const owner = { company: 'Templates IT', name: 'Tess Owner', email: `templates-${Date.now()}@example.test`, password: 'correct horse battery' };
// 2026-01-05 → 2026-03-02: every date moves 56 days
const PLAN = `Name,Duration,Start,Finish,Predecessors
Survey,3 days,2026-01-05,2026-01-07,
Order kit,2 days,2026-01-08,2026-01-09,1
Go-live,0 days,,2026-01-16,2
`;

let page: Page;
const bar = (name: string) => page.getByRole('button', { name: new RegExp(`^${name}: `) });
const startForm = () => page.getByRole('form', { name: 'New project from a template' });

test.beforeAll(async ({ browser }) => {
	page = await (await browser.newContext()).newPage();
	await signUpOwner(page, owner);
});

test.afterAll(async () => {
	await page.context().close();
});

test('a project saved as a template starts a new one with every date shifted', async () => {
	await page.goto('/projects/new-from-template');
	await expect(page.getByRole('heading', { name: 'No templates yet' })).toBeVisible();
	await expect(page.getByText('Save as template', { exact: false }).first()).toBeVisible();

	await page.goto('/projects');
	await page.getByRole('button', { name: 'New project' }).click();
	await page.getByLabel('Project name').fill('Office move');
	await page.getByLabel('Start').fill('2026-01-05');
	await page.getByRole('button', { name: 'Create project' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Office move' })).toBeVisible();

	await page.getByRole('navigation', { name: 'Project views' }).getByRole('link', { name: 'Import' }).click();
	await page.getByLabel('…or paste the rows, header first').fill(PLAN);
	await page.getByRole('button', { name: 'Import 3 tasks' }).click();
	await expect(page.getByText('Added 3 tasks to Office move')).toBeVisible();

	await page.getByRole('navigation', { name: 'Project views' }).getByRole('link', { name: 'Gantt' }).click();
	await expect(bar('Survey')).toHaveAccessibleName(/Mon, Jan 5, 2026 to Wed, Jan 7, 2026/);
	await page.getByRole('button', { name: 'Save as template' }).click();
	await expect(page.getByLabel('Template name')).toHaveValue('Office move (template)');
	await page.getByRole('button', { name: 'Save template' }).click();
	await page.getByRole('link', { name: 'Start a project from it' }).click();

	// the template is picked and names the project; a blank name is refused beside the field
	await expect(page.getByTestId('templates')).toContainText('Office move (template)');
	await expect(startForm().getByLabel('Template')).toHaveValue(/[0-9a-f-]{36}/);
	const name = startForm().getByLabel('Project name');
	await expect(name).toHaveValue('Office move');
	await name.fill('');
	await name.press('Enter');
	await expect(startForm().getByText('Give the project a name')).toBeVisible();
	await expect(name).toBeFocused();
	await name.fill('Branch office');
	await startForm().getByLabel('Starts on').fill('2026-03-02');
	await startForm().getByLabel('Starts on').press('Enter');

	await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/gantt$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Branch office' })).toBeVisible();
	await expect(bar('Survey')).toHaveAccessibleName(/Mon, Mar 2, 2026 to Wed, Mar 4, 2026/);
	await expect(bar('Order kit')).toHaveAccessibleName(/Thu, Mar 5, 2026 to Fri, Mar 6, 2026/);
	await expect(bar('Go-live')).toHaveAccessibleName(/milestone on Fri, Mar 13, 2026/);

	// the new project's schedule still moves: a day by keyboard, two more by dragging (16 px a day at the Weeks zoom)
	await bar('Survey').focus();
	await page.keyboard.press('ArrowRight');
	await expect(bar('Survey')).toHaveAccessibleName(/Tue, Mar 3, 2026 to Thu, Mar 5, 2026/);
	const box = (await bar('Survey').boundingBox())!;
	await page.mouse.move(box.x + 10, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + 10 + 16, box.y + box.height / 2, { steps: 4 });
	await page.mouse.move(box.x + 10 + 32, box.y + box.height / 2, { steps: 4 });
	await page.mouse.up();
	await expect(bar('Survey')).toHaveAccessibleName(/Thu, Mar 5, 2026 to Sat, Mar 7, 2026/);

	// the portfolio lists projects, not templates
	await page.goto('/projects');
	const portfolio = page.getByTestId('portfolio');
	await expect(portfolio.getByRole('link', { name: 'Branch office' })).toBeVisible();
	await expect(portfolio.getByRole('link', { name: 'Office move', exact: true })).toBeVisible();
	await expect(portfolio).not.toContainText('(template)');
});

test('offline, a template kept on this device still starts a project', async () => {
	await serviceWorkerReady(page);
	await page.context().setOffline(true);
	try {
		await page.getByRole('link', { name: 'New from template' }).click();
		await startForm().getByLabel('Template').selectOption({ label: 'Office move (template)' });
		await startForm().getByLabel('Project name').fill('Warehouse move');
		await startForm().getByLabel('Starts on').fill('2026-01-12');
		await startForm().getByRole('button', { name: 'Start project' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Warehouse move' })).toBeVisible();
		await expect(bar('Survey')).toHaveAccessibleName(/Mon, Jan 12, 2026 to Wed, Jan 14, 2026/);
	} finally {
		await page.context().setOffline(false);
	}
});

test('a ticket becomes a task of the project, linked both ways, and only once', async () => {
	await page.goto('/service-desk/new');
	const form = page.getByRole('form', { name: 'New ticket' });
	await form.getByLabel('Title').fill('Move the printers');
	await form.getByLabel('Description').fill('Three printers to the new floor.');
	await form.getByLabel('Title').press('Control+Enter');
	await expect(page).toHaveURL(/\/service-desk\/tickets\/[0-9a-f-]{36}$/);
	const ticketUrl = page.url();

	const panel = page.getByRole('region', { name: 'Project task' });
	await panel.getByRole('button', { name: 'Add to a project' }).click();
	await panel.getByLabel('Project').selectOption({ label: 'Branch office' });
	await panel.getByLabel('Status column').selectOption({ label: 'In progress' });
	await panel.getByRole('button', { name: 'Add task' }).click();
	const link = panel.getByRole('link', { name: 'Move the printers' });
	await expect(link).toBeVisible();
	await expect(panel).toContainText('in Branch office');
	await expect(panel.getByRole('button', { name: 'Add to a project' })).toHaveCount(0);

	await link.click();
	const task = page.getByTestId('task-panel');
	await expect(task.getByLabel('Title')).toHaveValue('Move the printers');
	await expect(task.getByLabel('Description')).toHaveValue('Three printers to the new floor.');
	await expect(task.getByLabel('Status')).toHaveValue('doing');
	await task.getByRole('link', { name: 'Made from a ticket: open it' }).click();
	await expect(page).toHaveURL(ticketUrl);
	await expect(page.getByRole('region', { name: 'Project task' }).getByRole('link', { name: 'Move the printers' })).toBeVisible();
});
