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
