import { expect, test } from '@playwright/test';
import { signUpOwner } from './support.js';

// Settings → Integrations: the key is shown once, rotating shuts the old one out, and alerts sent with it become tickets.
test('an owner makes the integration key, sends an alert with it, and rotates it', async ({ page, baseURL }) => {
	const tag = Math.random().toString(36).slice(2, 8);
	await signUpOwner(page, { company: `Keys ${tag} IT`, name: 'Kim Owner', email: `kim-${tag}@example.test`, password: 'correct horse battery' });
	await page.goto('/settings');
	await page.getByRole('link', { name: 'Integrations' }).click();
	await expect(page.getByTestId('alerts-endpoint')).toHaveText(`POST ${baseURL}/api/v1/alerts`);
	await expect(page.getByTestId('mail-endpoint')).toHaveText(`POST ${baseURL}/api/v1/inbound-mail`);

	await page.getByRole('button', { name: 'Create key' }).click();
	const key = (await page.getByTestId('integration-key').textContent())!.trim();
	expect(key).toMatch(/^sdk_[a-z2-7]{32}$/);

	const send = (withKey: string) =>
		page.request.post('/api/v1/alerts', {
			headers: { authorization: `Bearer ${withKey}` },
			data: { source: 'e2e-monitor', alertKey: 'web01', customer: 'Nobody', severity: 'critical', title: 'Web server down' }
		});
	expect((await send(key)).status()).toBe(201);

	// shown once: after a reload only its first characters remain, and the alert is listed with its ticket
	await page.reload();
	await expect(page.getByTestId('integration-key')).toHaveCount(0);
	await expect(page.getByTestId('key-state')).toContainText(key.slice(0, 8));
	await expect(page.getByRole('table', { name: 'Recent alerts' })).toContainText('Web server down');

	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Rotate key' }).click();
	const next = (await page.getByTestId('integration-key').textContent())!.trim();
	expect(next).not.toBe(key);
	expect((await send(key)).status()).toBe(401);
	expect((await send(next)).status()).toBe(200);

	// the setting "a resolved alert resolves its ticket" is on until turned off
	const setting = page.getByLabel(/A resolved alert resolves its ticket/);
	await expect(setting).toBeChecked();
	await setting.uncheck();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel(/A resolved alert resolves its ticket/)).not.toBeChecked();
});
