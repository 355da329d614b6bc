import { expect, type Page } from '@playwright/test';

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
