import { expect, test, type Page } from '@playwright/test';
import { addPortalContact, newCustomer, openPortalAs, profile, signUpOwner } from './support.js';

/**
 * A customer's contact sees what their company runs in the portal and
 * suggests changes; the MSP sees each suggestion beside the values it has and
 * accepts or declines it; the contact sees the outcome.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Proposal MSP ${stamp}`, name: 'Ola Owner', email: `ola-${stamp}@example.test`, password: 'correct horse battery' };
const patEmail = `pat-${stamp}@contoso.example`;

const region = (page: Page, name: RegExp) => page.getByRole('region', { name });

test('the portal shows devices, a contact suggests changes, staff accept one and decline another', async ({ page, browser }) => {
	await signUpOwner(page, owner);
	await newCustomer(page, 'Contoso');
	await addPortalContact(page, 'Pat Contoso', patEmail);
	const devices = region(page, /^Devices/);
	await devices.getByRole('button', { name: 'Add device' }).click();
	await devices.getByLabel('Device name').fill('CON-FS01');
	await devices.getByLabel('Type').selectOption('server');
	await devices.getByRole('button', { name: 'Save device' }).click();
	await expect(page.getByTestId('sync-status')).toContainText('all changes saved');

	const { page: portal, context: portalContext } = await openPortalAs(page, browser, 'Pat Contoso');
	await expect(portal.getByRole('heading', { level: 1, name: 'Contoso' })).toBeVisible();
	await expect(portal.getByTestId('portal-devices')).toContainText('CON-FS01');
	await expect(portal.getByTestId('portal-device-counts')).toHaveText('1 server');

	// the company's phone number
	await portal.getByRole('region', { name: 'Company' }).getByRole('button', { name: 'Suggest a change' }).click();
	const form = portal.getByRole('form', { name: 'Suggest a change to your company' });
	await form.getByLabel('Phone').fill('+1 555 0199');
	await form.getByLabel('Note for your IT provider').fill('We moved offices');
	await form.getByRole('button', { name: 'Send suggestion' }).click();
	await expect(portal.getByRole('status').filter({ hasText: 'your IT provider will review your suggestion' })).toBeVisible();
	await expect(portal.getByTestId('portal-proposals')).toContainText('Waiting for review');

	// a new colleague, first with a mistyped address: the form says what is wrong and keeps what was typed
	await portal.getByRole('button', { name: 'Suggest a new contact' }).click();
	const newContact = portal.getByRole('form', { name: 'Suggest a new contact' });
	await newContact.getByLabel('Name').fill('Sam <b>New</b>');
	await newContact.getByLabel('Email').fill('sam@');
	await newContact.getByRole('button', { name: 'Send suggestion' }).click();
	await expect(newContact.getByText('This is not an email address.').first()).toBeVisible();
	await expect(newContact.getByLabel('Name')).toHaveValue('Sam <b>New</b>');
	await newContact.getByLabel('Email').fill(`sam-${stamp}@contoso.example`);
	await newContact.getByRole('button', { name: 'Send suggestion' }).click();
	await expect(portal.getByTestId('portal-proposal')).toHaveCount(2);

	// staff: beside the values the customer has now
	await page.reload();
	const suggested = region(page, /^Suggested in the portal/);
	await expect(suggested.getByTestId('proposal')).toHaveCount(2);
	const phone = suggested.getByTestId('proposal').filter({ hasText: 'Company profile of Contoso' });
	await expect(phone).toContainText('We moved offices');
	await expect(phone.getByRole('row', { name: /Phone/ })).toHaveText(/Phone\s*—\s*\+1 555 0199/);
	await phone.getByRole('button', { name: /^Accept/ }).click();
	await expect(profile(page).getByLabel('Phone')).toHaveValue('+1 555 0199');
	await expect(region(page, /^History/)).toContainText(`${owner.name} (proposed by Pat Contoso)`);

	const sam = suggested.getByTestId('proposal').filter({ hasText: 'New contact' });
	// the name is shown as text, never as markup
	await expect(sam).toContainText('Sam <b>New</b>');
	await sam.getByLabel(/Note for Pat Contoso/).fill('Sam starts next month; we will add them then');
	await sam.getByRole('button', { name: /^Decline/ }).click();
	await expect(page.getByText('Declined: the suggestion of Pat Contoso.')).toBeVisible();
	await expect(region(page, /^Suggested in the portal/)).toHaveCount(0);
	await expect(region(page, /^Contacts/)).not.toContainText('Sam');

	// the contact sees both outcomes and the new number
	await expect(async () => {
		await portal.reload();
		await expect(portal.getByRole('region', { name: 'Company' })).toContainText('+1 555 0199', { timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	const outcomes = portal.getByTestId('portal-proposals');
	await expect(outcomes.getByTestId('portal-proposal').filter({ hasText: 'Company profile' })).toContainText('Accepted');
	await expect(outcomes.getByTestId('portal-proposal').filter({ hasText: 'New contact' })).toContainText('Declined');
	await expect(outcomes).toContainText('Sam starts next month');
	await portalContext.close();
});
