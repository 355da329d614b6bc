import { expect, test, type Page } from '@playwright/test';
import { signUpOwner, syncStatus } from './support.js';

/**
 * The dashboard's day on the service desk (due, overdue, at risk, done today;
 * mine or everyone's) and the SLA compliance report with its chart, table and
 * CSV, from tickets made in the app.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Day MSP ${stamp}`, name: 'Mia Manager', email: `mia-${stamp}@example.test`, password: 'correct horse battery' };
// the tenant's zone is UTC until changed
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function newTicket(page: Page, title: string, fields: { due?: string; mine?: boolean } = {}) {
	await page.goto('/service-desk/new');
	const form = page.getByRole('form', { name: 'New ticket' });
	await form.getByLabel('Title').fill(title);
	if (fields.mine) await form.getByLabel('Assignee').selectOption({ label: 'Me' });
	if (fields.due) await form.getByLabel('Due date').fill(fields.due);
	await form.getByLabel('Title').press('Control+Enter');
	await expect(page.locator('#ticket-title')).toHaveValue(title);
}

test('today on the dashboard, and SLA compliance by week and priority', async ({ page }) => {
	await signUpOwner(page, owner);
	await page.goto('/settings/service-desk');
	const policies = page.getByRole('region', { name: 'SLA policies' });
	await policies.getByRole('button', { name: 'Add policy' }).click();
	await policies.getByLabel('Policy name').fill('Standard');
	await policies.getByLabel('First response, Normal').fill('1h');
	await policies.getByLabel('Resolution, Normal').fill('3d');
	await policies.getByRole('button', { name: 'Save policy' }).click();
	await expect(policies.getByRole('listitem').filter({ hasText: 'Standard' })).toContainText('Default');

	await newTicket(page, 'Renew the SSL certificate', { due: day(0), mine: true });
	await newTicket(page, 'Migrate the file share', { due: day(-1), mine: true });
	await newTicket(page, 'Someone else’s ticket', { due: day(-1) });
	await newTicket(page, 'Reset a password', { mine: true });
	await page.getByRole('region', { name: 'Workflow' }).getByLabel('Status').selectOption({ label: 'Resolved' });
	await expect(syncStatus(page)).toContainText('all changes saved');

	await page.getByTestId('nav').getByRole('link', { name: 'Dashboard' }).click();
	await expect(page.getByTestId('day-overdue')).toContainText('1 Overdue');
	await expect(page.getByTestId('day-overdue')).toContainText('Migrate the file share');
	await expect(page.getByTestId('day-due')).toContainText('Renew the SSL certificate');
	await expect(page.getByTestId('day-done')).toContainText('1 Done today');
	await expect(page.getByTestId('day-done')).toContainText('Reset a password');
	// everyone's tickets: the unassigned one is overdue too
	await page.getByRole('button', { name: 'Everyone’s' }).click();
	await expect(page.getByTestId('day-overdue')).toContainText('2 Overdue');
	await page.getByTestId('day-overdue').getByRole('link', { name: /Someone else’s ticket/ }).click();
	await expect(page.locator('#ticket-title')).toHaveValue('Someone else’s ticket');

	await page.goto('/reports');
	await page.getByRole('link', { name: /SLA compliance/ }).click();
	const normal = page.getByTestId('sla-priorities').getByRole('row', { name: /Normal/ });
	await expect(normal).toBeVisible();
	await expect(page.getByRole('img', { name: /Resolution targets met and missed per week/ })).toBeVisible();
	const cells = await normal.getByRole('cell').allTextContents();
	// resolution: one met (resolved at once), three still open
	expect(cells.slice(4)).toEqual(['1', '0', '3', '100%']);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^sla-compliance-\d{4}-\d{2}-\d{2}\.csv$/);
});
