import { expect, test } from '@playwright/test';
import { addPortalContact, newCustomer, openPortalAs, signUpOwner, syncStatus } from './support.js';

/**
 * The MSP offers a request type with follow-up questions in the portal; a
 * customer's contact submits a request and it appears in the service desk's
 * queue with the answers; staff reply and the contact sees it and answers back.
 */

const stamp = Date.now().toString(36);
// the smallest PNG there is: the server checks that a .png starts like one
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');
const owner = { company: `Request MSP ${stamp}`, name: 'Rita Owner', email: `rita-${stamp}@example.test`, password: 'correct horse battery' };

test('a portal request with follow-up answers appears in the queue, and the conversation goes both ways', async ({ page, browser }) => {
	await signUpOwner(page, owner);
	await page.goto('/settings/service-desk');
	const types = page.getByRole('region', { name: 'Ticket types' });
	await types.getByRole('button', { name: 'Add type' }).click();
	await types.getByLabel('Type name').fill('New user');
	await types.getByLabel('Follow-up questions, one per line').fill('Start date?\nWhich office?');
	await types.getByLabel('Offer this type in the customer portal').check();
	await types.getByRole('button', { name: 'Save type' }).click();
	await expect(types.getByRole('button', { name: 'Edit New user' })).toBeVisible();

	await newCustomer(page, 'Contoso');
	await addPortalContact(page, 'Pat Contoso', `pat-${stamp}@contoso.example`);
	await expect(syncStatus(page)).toContainText('all changes saved');
	const { page: portal, context } = await openPortalAs(page, browser, 'Pat Contoso');

	// the service desk has the list open before the request comes in
	await page.goto('/service-desk');
	await expect(page.getByText('No tickets yet')).toBeVisible();

	await expect(portal.getByText('No requests yet')).toBeVisible();
	await portal.getByRole('link', { name: 'New request' }).click();
	await expect(portal.getByLabel('Type')).toHaveValue(/.+/);
	await portal.getByLabel('Subject').fill('Account for <i>Sam</i>');
	await portal.getByLabel('Start date?').fill('Monday 7 December');
	// an unanswered question is named, and what was typed stays
	await portal.getByRole('button', { name: 'Send request' }).click();
	await expect(portal.getByRole('alert')).toContainText('Which office?: Please answer this question.');
	await expect(portal.getByLabel('Start date?')).toHaveValue('Monday 7 December');
	await portal.getByLabel('Which office?').fill('Berlin');
	await portal.getByRole('button', { name: 'Send request' }).click();
	await expect(portal.getByRole('status').filter({ hasText: 'your request is with' })).toBeVisible();
	await expect(portal.getByRole('heading', { level: 1 })).toContainText('Account for <i>Sam</i>');

	// the service desk sees it arrive, for Contoso, without a reload: the server says rows changed
	// (well before the half-minute poll)
	await page.getByRole('button', { name: 'Unassigned' }).click({ timeout: 5_000 });
	const row = page.getByRole('row').filter({ hasText: 'Account for <i>Sam</i>' });
	await expect(row).toBeVisible();
	await expect(row).toContainText('Contoso');

	// staff read the answers and reply: one note for the customer, one for the team
	await row.getByRole('link', { name: 'Account for <i>Sam</i>' }).click();
	await expect(page.getByTestId('request-answers')).toContainText('Which office?');
	await expect(page.getByTestId('request-answers')).toContainText('Berlin');
	const notes = page.getByRole('region', { name: 'Notes' });
	await notes.getByLabel('Internal').check();
	await notes.getByRole('textbox').fill('Check the licence count first');
	await notes.getByRole('button', { name: 'Add internal note' }).click();
	await notes.getByLabel('Public (customer sees it)').check();
	await notes.getByRole('textbox').fill('Which licence should Sam get?');
	await notes.getByRole('button', { name: 'Add public note' }).click();
	// a screenshot for the file: uploaded, and downloadable by staff
	await page.getByRole('region', { name: 'Files' }).getByLabel('Choose files').setInputFiles({ name: 'licences.png', mimeType: 'image/png', buffer: PNG });
	await expect(page.getByTestId('attachment').filter({ hasText: 'licences.png' })).toContainText('Uploaded');
	await expect(syncStatus(page)).toContainText('all changes saved');

	// the contact sees the public reply only, and answers
	await expect(async () => {
		await portal.goto('/portal');
		await portal.getByTestId('portal-tickets').getByRole('link', { name: 'Account for <i>Sam</i>' }).click({ timeout: 1000 });
		await expect(portal.getByTestId('portal-thread')).toContainText('Which licence should Sam get?', { timeout: 1000 });
	}).toPass({ timeout: 20_000 });
	await expect(portal.getByText('Check the licence count first')).toHaveCount(0);
	await portal.getByLabel('Reply').fill('Business Premium, like the others');
	await portal.getByRole('button', { name: 'Send reply' }).click();
	await expect(portal.getByRole('status').filter({ hasText: 'Your reply was sent' })).toBeVisible();
	await expect(notes).toContainText('Business Premium, like the others', { timeout: 15_000 });
	await context.close();
});
