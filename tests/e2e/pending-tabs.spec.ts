import { expect, test } from '@playwright/test';
import { newCustomer, profile, serviceWorkerReady, signUpOwner, syncStatus } from './support.js';

/**
 * The count of changes not yet on the server, with two tabs of one browser on
 * one customer: each tab counts its own, the top bar shows the sum, a closed
 * tab's count survives a reload, and everything drains once the server has it.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Adatum MSP ${stamp}`, name: 'Riley Owner', email: `riley-${stamp}@example.test`, password: 'correct horse battery' };

test('two tabs offline add up their unsent changes', async ({ browser }) => {
	const context = await browser.newContext();
	const one = await context.newPage();
	await signUpOwner(one, owner);
	await serviceWorkerReady(one);
	await newCustomer(one, 'Adatum');
	await expect(syncStatus(one)).toContainText('all changes saved');
	const two = await context.newPage();
	await two.goto(one.url());
	await expect(profile(two).getByLabel('Name')).toHaveValue('Adatum');

	await context.setOffline(true);
	await profile(one).getByLabel('Phone').fill('+1 206 555 0100');
	// a change is a second of editing: this is the first tab's second change
	await one.waitForTimeout(1_200);
	await profile(one).getByLabel('Email').fill('it@adatum.example');
	await profile(two).getByLabel('Industry').fill('Aviation');
	for (const page of [one, two]) await expect(syncStatus(page)).toContainText('Offline — 3 changes not yet on the server');

	await context.setOffline(false);
	for (const page of [one, two]) await expect(syncStatus(page)).toContainText('Online — all changes saved', { timeout: 20_000 });

	// a tab closed with a change unsent: its count stays, through a reload, until the server has it
	await context.setOffline(true);
	await profile(two).getByLabel('Website').fill('https://adatum.example');
	await expect(syncStatus(one)).toContainText('Offline — 1 change not yet on the server');
	await two.close();
	await one.reload();
	await expect(profile(one).getByLabel('Website')).toHaveValue('https://adatum.example');
	await expect(syncStatus(one)).toContainText('Offline — 1 change not yet on the server');
	await context.setOffline(false);
	await expect(syncStatus(one)).toContainText('Online — all changes saved', { timeout: 20_000 });
	await context.close();
});
