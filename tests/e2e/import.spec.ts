import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { newCustomer, signUpOwner } from './support.js';

/**
 * CSV import and export from the browser: an ITFlow clients file previewed
 * (with its bad row named), imported with a progress bar, imported again
 * (nothing created twice), exported, and the first import undone.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Adatum MSP ${stamp}`, name: 'Casey Owner', email: `casey-${stamp}@example.test`, password: 'correct horse battery' };

const HEADER =
	'Client Name,Industry,Referral,Website,Primary Location Name,Location Phone,Location Address,City,State,Postal Code,Country,' +
	'Primary Contact Name,Title,Contact Phone,Extension,Contact Mobile,Contact Email,Hourly Rate,Currency,Payment Terms,Tax ID,Abbreviation';
const CUSTOMERS = ['Contoso Pharma', 'Northwind Traders', 'Tailspin Toys'];
const CLIENTS_CSV = [
	HEADER,
	'Contoso Pharma,Healthcare,,contoso.example,Head office,+1 555 0100,1 Main St,Springfield,IL,62701,United States,Dana Scully,IT manager,+1 555 0101,12,,dana@contoso.example,125.00,USD,Net 30,,CON',
	'Northwind Traders,Retail,Trade show,,Warehouse,,2 Dock Rd,Seattle,WA,98101,United States,Ann Lee,,,,,ann@northwind.example,,,,,',
	'Tailspin Toys,,,,,,,,,,,,,,,,,,,,,',
	'Woodgrove Bank,Finance,,,,,,,,,,Bob Jones,,,,,bob@,,,,,'
].join('\r\n');
const FILE = { name: 'itflow-clients.csv', mimeType: 'text/csv', buffer: Buffer.from(CLIENTS_CSV) };

const history = (page: Page) => page.getByTestId('import-history');

/** Through the wizard to the preview of the clients file. */
async function previewFile(page: Page) {
	await page.goto('/customers');
	await page.getByRole('link', { name: 'Import / export' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Import and export' })).toBeVisible();
	await page.getByRole('button', { name: 'Next: choose the file' }).click();
	await page.getByLabel('Choose a CSV file').setInputFiles(FILE);
	await expect(page.getByRole('heading', { name: '3. Check the preview' })).toBeVisible();
}

test('import an ITFlow clients file, import it again, export, undo', async ({ page }) => {
	await signUpOwner(page, owner);

	await previewFile(page);
	await expect(page.getByText('is the ITFlow clients template: 4 rows')).toBeVisible();
	const preview = page.getByTestId('import-preview');
	await expect(preview).toContainText("row 5: Contact Email 'bob@' is not an email address");
	// the bad row is listed first, then the rows that will import
	await expect(preview.getByRole('row').nth(1)).toContainText('Error');
	await expect(preview.getByRole('row').nth(2)).toContainText('Contoso Pharma');

	await page.getByRole('button', { name: 'Import 3 rows' }).click();
	await expect(page.getByTestId('import-result')).toHaveText('Imported 3 customers; 0 skipped because they were already there.');
	await expect(page.getByTestId('import-progress')).toHaveAttribute('value', '100');
	await expect(page.getByText('1 row was left out')).toBeVisible();

	await page.getByRole('link', { name: 'See the customers' }).click();
	const list = page.getByTestId('customers');
	for (const name of CUSTOMERS) await expect(list.getByRole('link', { name })).toBeVisible();

	// the same file again: the preview knows they exist, the import creates nothing
	await previewFile(page);
	await expect(page.getByTestId('import-counts')).toContainText(/Already in Stackdesk\s*3/);
	await page.getByRole('button', { name: 'Import 3 rows' }).click();
	await expect(page.getByTestId('import-result')).toHaveText('Imported 0 customers; 3 skipped because they were already there.');
	await expect(history(page).getByRole('row')).toHaveCount(3);

	// export: the ITFlow header and one row per customer, the first site and contact on it
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export customers' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
	const lines = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '').split('\r\n');
	expect(lines[0]).toBe(HEADER);
	expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(CUSTOMERS);
	expect(lines[1]).toContain('Contoso Pharma,Healthcare,,contoso.example,Head office,+1 555 0100,1 Main St,Springfield,IL,62701,United States,Dana Scully');

	// undo the first import (the older row): its customers are deleted
	const first = history(page).getByRole('row').nth(2);
	await expect(first).toContainText('3');
	page.once('dialog', (dialog) => void dialog.accept());
	await first.getByRole('button', { name: /^Undo/ }).click();
	await expect(first).toContainText('Undone');

	await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Customers' }).click();
	await page.getByRole('button', { name: 'Show deleted (3)' }).click({ timeout: 15_000 });
	const deleted = page.getByTestId('deleted-customers');
	for (const name of CUSTOMERS) await expect(deleted).toContainText(name);
	await expect(page.getByText('No active customers.')).toBeVisible();
});

test('contacts of one picked customer, previewed offline, imported once back online', async ({ page, context }) => {
	await signUpOwner(page, { ...owner, email: `casey2-${stamp}@example.test` });
	await newCustomer(page, 'Fabrikam');
	await page.goto('/customers/import');

	await page.getByLabel('Contacts').check();
	await page.getByLabel('All of them belong to one customer').check();
	await page.getByRole('combobox', { name: 'Customer' }).fill('fabri');
	await page.getByRole('combobox', { name: 'Customer' }).press('Enter');
	await expect(page.getByTestId('chosen-customer')).toHaveText('Fabrikam');
	await page.getByRole('button', { name: 'Next: choose the file' }).click();

	await context.setOffline(true);
	const contacts = ['Full Name,Job Title,Email Address,Office Phone,Office Extension,Mobile Phone,Office Location,Department', 'Kim Akers,CFO,kim@fabrikam.example,,,,,Finance', 'Lee Chan,,lee@fabrikam.example,,,,,'];
	await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(contacts.join('\n')) });
	const preview = page.getByTestId('import-preview');
	await expect(preview.getByRole('row', { name: /Kim Akers/ })).toContainText('Fabrikam');
	await expect(page.getByText('Not imported (Stackdesk has no place for them): Department.')).toBeVisible();
	await expect(page.getByText('You are offline. Importing needs the server')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Import 2 rows' })).toBeDisabled();

	await context.setOffline(false);
	await page.getByRole('button', { name: 'Import 2 rows' }).click();
	await expect(page.getByTestId('import-result')).toHaveText('Imported 2 contacts; 0 skipped because they were already there.');
});
