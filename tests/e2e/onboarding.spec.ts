import { expect, test, type Page } from '@playwright/test';
import { logIn, signUpOwner } from './support.js';

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const owner = { company: `Contoso MSP ${stamp}`, name: 'Olivia Owner', email: `olivia-${stamp}@example.test`, password: 'correct horse battery' };
const tech = { name: 'Theo Tech', email: `theo-${stamp}@example.test`, password: 'another long secret' };

const NAV = ['Dashboard', 'Service desk', 'Projects', 'Timesheets', 'Customers', 'Stack', 'Contracts', 'Billing', 'Reports', 'Settings'];

async function logOut(page: Page) {
	const toggle = page.getByTestId('user-menu');
	if (await toggle.isVisible()) await toggle.click();
	await page.getByRole('button', { name: 'Log out' }).click();
	await expect(page).toHaveURL(/\/login/);
}

test('sign up, log out, log in, invite a technician who accepts and sees the shell', async ({ page, browser }) => {
	// a signed-out visitor is sent to the login page
	await page.goto('/settings/people');
	await expect(page).toHaveURL(/\/login/);

	await signUpOwner(page, owner);
	await expect(page.getByText(owner.company).first()).toBeVisible();

	await logOut(page);
	await logIn(page, owner.email, owner.password);

	await page.goto('/settings/people');
	await page.getByLabel('Email').fill(tech.email);
	await page.getByLabel('Role').selectOption('technician');
	await page.getByRole('button', { name: 'Send invitation' }).click();
	const link = page.getByTestId('invite-link');
	await expect(link).toBeVisible();
	const inviteUrl = ((await link.textContent()) ?? (await link.inputValue())).trim();
	expect(inviteUrl).toContain('/invite/');

	// the mail went to the outbox too
	await page.goto('/settings/mail');
	await expect(page.getByText(tech.email).first()).toBeVisible();

	// the technician, in a browser of their own
	const techContext = await browser.newContext();
	const techPage = await techContext.newPage();
	await techPage.goto(new URL(inviteUrl).pathname);
	await expect(techPage.getByText(owner.company).first()).toBeVisible();
	await techPage.getByLabel('Name').fill(tech.name);
	await techPage.getByLabel('Password').fill(tech.password);
	await techPage.getByRole('button', { name: 'Accept invitation' }).click();
	const nav = techPage.getByTestId('nav');
	await expect(nav).toBeVisible();
	for (const area of NAV) await expect(nav.getByRole('link', { name: area })).toBeVisible();
	await expect(techPage.getByTestId('sync-status')).toBeVisible();
	await expect(techPage.getByText(/technician/i).first()).toBeVisible();

	// every area opens (no dead links) and says what will be there
	for (const area of NAV) {
		await nav.getByRole('link', { name: area }).click();
		await expect(techPage.locator('h1').first()).toBeVisible();
		await expect(techPage.getByText(/not found|something went wrong/i)).toHaveCount(0);
	}

	// a technician may not manage people
	const people = await techPage.goto('/settings/mail');
	expect(people?.status()).toBe(403);
	await techContext.close();

	// the owner sees the new person with their role
	await page.goto('/settings/people');
	await expect(page.getByRole('row', { name: new RegExp(tech.email) })).toBeVisible();
});

test('the shell works on a phone', async ({ browser }, testInfo) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	await logIn(page, owner.email, owner.password);
	await expect(page.getByTestId('sync-status')).toBeVisible();
	// no sideways scrolling on a phone
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.screenshot({ path: testInfo.outputPath('shell-phone.png'), fullPage: true });
	await testInfo.attach('shell-phone', { path: testInfo.outputPath('shell-phone.png'), contentType: 'image/png' });

	const toggle = page.getByTestId('menu-toggle');
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await page.getByTestId('nav').getByRole('link', { name: 'Customers' }).click();
	await expect(page).toHaveURL(/\/customers/);
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await page.screenshot({ path: 'test-results/shell-phone.png', fullPage: true });
	await context.close();
});
