import { expect, test, type Page } from '@playwright/test';
import { addDevice, inviteMember, newCustomer, newPerson, signUpOwner, type Person } from './support.js';

/**
 * The stack: products in the catalog, one rolled out to three customers at
 * once from its page (quantities from each customer's devices, changed for
 * some in the preview), the quantities on the product page and on each
 * customer's Stack, a bulk quantity change, another staff member seeing it
 * all, and a customer's own stack edited directly.
 */

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const owner = { company: `Stack MSP ${stamp}`, name: 'Rory Owner', email: `rory-${stamp}@example.test`, password: 'correct horse battery' };
const tech = { name: 'Sam Tech', email: `sam-${stamp}@example.test`, password: 'another long secret' };
const EDR = 'Huntress EDR';
const M365 = 'Microsoft 365 Business Premium';

let a: Person;
let b: Person;
let productUrl = '';
const customerUrls: Record<string, string> = {};

const region = (page: Page, name: RegExp) => page.getByRole('region', { name });
const stackOf = (page: Page) => region(page, /^Stack/);
const productCustomers = (page: Page) => page.getByTestId('product-customers');
/** the quantity shown for a customer on the product page */
const quantityOf = (page: Page, customer: string) => productCustomers(page).getByRole('row', { name: new RegExp(customer) }).getByTestId('customer-quantity');
const deploymentQuantity = (page: Page, product: string) => stackOf(page).getByRole('row', { name: new RegExp(product) }).getByTestId('deployment-quantity');

async function addProduct(page: Page, product: { name: string; unit: string; cost: string; price: string }) {
	await page.getByRole('button', { name: 'New product' }).first().click();
	await page.getByLabel('Product name').fill(product.name);
	await page.getByLabel('Counted').selectOption({ label: product.unit });
	await page.getByLabel(/^Unit cost/).fill(product.cost);
	await page.getByLabel(/^Unit price/).fill(product.price);
	await page.getByRole('button', { name: 'Save product' }).click();
	await expect(page.getByTestId('products').getByRole('link', { name: product.name })).toBeVisible();
}

test.afterAll(async () => {
	await a?.context.close();
	await b?.context.close();
});

test('an owner, a technician, a catalog and three customers', async ({ browser }) => {
	a = await newPerson(browser);
	await signUpOwner(a.page, owner);
	b = await inviteMember(a.page, browser, tech);

	const page = a.page;
	await page.goto('/stack');
	await expect(page.getByRole('heading', { name: 'No products yet' })).toBeVisible();
	await addProduct(page, { name: EDR, unit: 'per device', cost: '3.00', price: '7.00' });
	await addProduct(page, { name: M365, unit: 'per user', cost: '18.00', price: '22.00' });

	// Contoso has two billable devices (a network switch is not one)
	for (const name of ['Contoso', 'Fabrikam', 'Litware']) {
		await newCustomer(page, name);
		customerUrls[name] = new URL(page.url()).pathname;
	}
	await page.goto(customerUrls.Contoso);
	await addDevice(page, 'WS-01', 'workstation');
	await addDevice(page, 'FS-01', 'server');
	await addDevice(page, 'SW-01', 'network');
	await expect(stackOf(page)).toContainText('No products yet');
});

test('roll a product out to three customers', async () => {
	const page = a.page;
	await page.goto('/stack');
	await page.getByTestId('products').getByRole('link', { name: EDR }).click();
	await expect(page.getByRole('heading', { level: 1, name: EDR })).toBeVisible();
	productUrl = new URL(page.url()).pathname;
	await expect(region(page, /^Customers/)).toContainText(`No customer runs ${EDR} yet`);

	await page.getByRole('button', { name: 'Roll out to customers' }).click();
	const rollout = region(page, new RegExp(`^Roll out ${EDR}`));
	// a per-device product starts from each customer's billable devices
	await expect(rollout.getByLabel(/billable devices/)).toBeChecked();
	await rollout.getByRole('button', { name: 'Preview' }).click();
	await expect(rollout.getByRole('alert')).toHaveText('Choose at least one customer');
	await rollout.getByRole('button', { name: 'Select all 3 customers' }).click();
	await expect(page.getByTestId('rollout-chosen')).toHaveText('3 customers chosen');
	await rollout.getByRole('button', { name: 'Preview' }).click();

	const preview = region(page, /^Preview/);
	await expect(preview.getByLabel('Quantity for Contoso')).toHaveValue('2');
	await expect(preview.getByLabel('Quantity for Fabrikam')).toHaveValue('0');
	await preview.getByLabel('Quantity for Fabrikam').fill('5');
	await preview.getByLabel('Quantity for Litware').fill('ten');
	await preview.getByRole('button', { name: 'Roll out to 3 customers' }).click();
	await expect(preview.getByRole('alert')).toHaveText('Litware: Enter a whole number');
	await preview.getByLabel('Quantity for Litware').fill('10');
	await expect(page.getByTestId('rollout-summary')).toContainText(/Added to\s*3/);
	await expect(page.getByTestId('rollout-summary')).toContainText(/Units in all\s*17/);
	await preview.getByRole('button', { name: 'Roll out to 3 customers' }).click();

	// each customer is its own document: the progress tells how far it got
	await expect(page.getByTestId('batch-status')).toHaveText('Done: 3 of 3 customers');
	await expect(page.getByTestId('batch-outcome')).toContainText(/Added\s*3/);
	await expect(quantityOf(page, 'Contoso')).toHaveText('2');
	await expect(quantityOf(page, 'Fabrikam')).toHaveText('5');
	await expect(quantityOf(page, 'Litware')).toHaveText('10');
	await expect(page.getByTestId('product-total-quantity')).toHaveText('17');
	await expect(page.getByTestId('product-usage')).toContainText(/Monthly value\s*\$119\.00/);

	// the same quantities on each customer's Stack
	for (const [name, quantity] of [['Contoso', '2'], ['Fabrikam', '5'], ['Litware', '10']]) {
		await page.goto(customerUrls[name]);
		await expect(deploymentQuantity(page, EDR)).toContainText(quantity);
	}
});

test('change quantities in bulk', async () => {
	const page = a.page;
	await page.goto(productUrl);
	await productCustomers(page).getByLabel('Select Fabrikam').check();
	await productCustomers(page).getByLabel('Select Litware').check();
	const bar = page.getByRole('form', { name: 'Change the quantity of the selected customers' });
	await expect(bar).toContainText('2 selected');
	await bar.getByLabel('Change').selectOption('add');
	await bar.getByLabel('Quantity').fill('3');
	await bar.getByRole('button', { name: 'Apply' }).click();
	await expect(page.getByTestId('batch-status')).toHaveText('Done: 2 of 2 customers');
	await expect(quantityOf(page, 'Fabrikam')).toHaveText('8');
	await expect(quantityOf(page, 'Litware')).toHaveText('13');
	await expect(quantityOf(page, 'Contoso')).toHaveText('2');

	// sorting by quantity puts the biggest first
	await productCustomers(page).getByRole('button', { name: 'Quantity' }).click();
	await expect(productCustomers(page).getByRole('row').nth(1)).toContainText('Litware');

	// select all, then set one number for all
	await productCustomers(page).getByLabel('Select all').check();
	await bar.getByLabel('Change').selectOption('set');
	await bar.getByLabel('Quantity').fill('4');
	await bar.getByRole('button', { name: 'Apply' }).click();
	await expect(page.getByTestId('batch-status')).toHaveText('Done: 3 of 3 customers');
	await expect(page.getByTestId('product-total-quantity')).toHaveText('12');
	await page.goto(customerUrls.Litware);
	await expect(deploymentQuantity(page, EDR)).toContainText('4');
});

test('another staff member sees the rollout', async () => {
	const page = b.page;
	// the product page reads this browser's row index, which the server's feed fills
	await expect(async () => {
		await page.goto(productUrl);
		await expect(page.getByTestId('product-total-quantity')).toHaveText('12', { timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
	for (const name of ['Contoso', 'Fabrikam', 'Litware']) await expect(quantityOf(page, name)).toHaveText('4');
	// the technician rolls out but does not edit the catalog
	await expect(page.getByRole('button', { name: 'Roll out to customers' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Edit product' })).toHaveCount(0);

	await page.goto(customerUrls.Fabrikam);
	await expect(deploymentQuantity(page, EDR)).toContainText('4');
});

test("a customer's stack: add from the catalog, edit, remove and restore", async () => {
	const page = a.page;
	await page.goto(customerUrls.Contoso);
	const stack = stackOf(page);
	await stack.getByRole('button', { name: 'Add product' }).click();
	await stack.getByLabel('Product').selectOption({ label: M365 });
	await expect(stack.getByLabel('Quantity')).toHaveValue('1');
	await stack.getByLabel('Quantity').fill('25');
	await stack.getByLabel('Notes').fill('E3 → E5 next year');
	await stack.getByRole('button', { name: 'Add to stack' }).click();
	await expect(deploymentQuantity(page, M365)).toContainText('25');
	// 25 × $22.00 + 4 × $7.00
	await expect(page.getByTestId('stack-monthly')).toHaveText('$578.00');

	await stack.getByRole('button', { name: `Edit ${EDR}` }).click();
	await stack.getByLabel('Quantity').fill('6');
	await stack.getByLabel('Notes').fill('Pilot group first');
	await stack.getByRole('button', { name: 'Done' }).click();
	await expect(deploymentQuantity(page, EDR)).toContainText('6');
	await expect(stack.getByRole('row', { name: new RegExp(EDR) })).toContainText('Pilot group first');

	await stack.getByRole('button', { name: `Remove ${M365}` }).click();
	await expect(stack.getByRole('row', { name: new RegExp(M365) })).toHaveCount(0);
	await stack.getByText('Deleted products (1)').click();
	await stack.getByRole('button', { name: `Restore ${M365}` }).click();
	await expect(deploymentQuantity(page, M365)).toContainText('25');

	// the product page follows the customer's own edits
	await page.goto(productUrl);
	await expect(quantityOf(page, 'Contoso')).toHaveText('6');
});
