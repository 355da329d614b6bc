import { expect, test, type Locator, type Page } from '@playwright/test';
import { inviteMember, newCustomer, newPerson, signUpOwner, syncStatus, type Person } from './support.js';

/**
 * A project's board co-edited live: an owner sets up a project with tasks
 * through the pages, a dispatcher opens the same board, and each sees the
 * other's drags and keyboard moves without reloading — one at a time, at the
 * same moment, and within a column — ending with identical boards.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Projects MSP ${stamp}`, name: 'Olga Owner', email: `olga-${stamp}@example.test`, password: 'correct horse battery' };
const member = { name: 'Pat Planner', email: `pat-${stamp}@example.test`, password: 'another long secret' };
const TASKS = ['Order desks', 'Book movers', 'Move servers', 'Label cables', 'Test Wi-Fi'];

let a: Person;
let b: Person;

test.afterAll(async () => {
	for (const person of [a, b]) await person?.context.close();
});

const column = (page: Page, id: string) => page.locator(`[data-column="${id}"]`);
const card = (page: Page, title: string) => page.getByTestId('task-card').filter({ hasText: title });
const titles = (page: Page, id: string) => column(page, id).getByTestId('task-card').getByRole('button');

/** The board as this page shows it: each column's id with its card titles in order. */
const boardOf = (page: Page) =>
	page.locator('[data-column]').evaluateAll((columns) =>
		columns.map((c) => [c.getAttribute('data-column'), [...c.querySelectorAll('[data-card] button')].map((b) => b.textContent?.trim())])
	);

/**
 * A drag as a person makes it: press on the card's title, move there in steps
 * (crossing other cards and columns), let go. `top`: drop on the target's upper part.
 */
async function drag(page: Page, from: Locator, to: Locator, { top = false } = {}) {
	const source = (await from.getByRole('button').first().boundingBox())!;
	await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
	await page.mouse.down();
	const target = (await to.boundingBox())!;
	await page.mouse.move(target.x + target.width / 2, target.y + (top ? 4 : target.height / 2), { steps: 12 });
	await page.mouse.up();
}

test('two people drag cards on the same project board live', async ({ browser }, testInfo) => {
	a = await newPerson(browser);
	const pa = a.page;
	await signUpOwner(pa, owner);
	await newCustomer(pa, 'Acme');

	// a project for the customer, through the portfolio page
	await pa.getByTestId('nav').getByRole('link', { name: 'Projects' }).click();
	await pa.getByRole('button', { name: 'New project' }).first().click();
	await pa.getByLabel('Project name').fill('Office move');
	await pa.getByLabel('Customer').selectOption({ label: 'Acme' });
	await pa.getByRole('button', { name: 'Create project' }).click();
	await expect(pa).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
	const board = new URL(pa.url()).pathname;

	// its tasks, typed one after another under To do
	await column(pa, 'todo').getByRole('button', { name: 'Add task' }).click();
	for (const title of TASKS) {
		await pa.getByLabel('Title of the new task in To do').fill(title);
		await pa.keyboard.press('Enter');
		await expect(card(pa, title)).toBeVisible();
	}
	await pa.getByRole('button', { name: 'Done', exact: true }).click();
	await expect(titles(pa, 'todo')).toHaveText(TASKS);
	await expect(syncStatus(pa)).toContainText('all changes saved');

	b = await inviteMember(pa, browser, member, 'dispatcher');
	const pb = b.page;
	await Promise.all([pa.goto(board), pb.goto(board)]);
	await expect(titles(pa, 'todo')).toHaveText(TASKS);
	await expect(titles(pb, 'todo')).toHaveText(TASKS, { timeout: 20_000 });
	await expect(pa.getByTestId('presence')).toContainText(member.name);
	await expect(pb.getByTestId('presence')).toContainText(owner.name);

	// A drags a card to another column: B sees it move, no reload
	await drag(pa, card(pa, 'Order desks'), column(pa, 'doing'));
	await expect(titles(pa, 'doing')).toHaveText(['Order desks']);
	await expect(titles(pb, 'doing')).toHaveText(['Order desks'], { timeout: 2_000 });
	await expect(titles(pb, 'todo')).toHaveText(['Book movers', 'Move servers', 'Label cables', 'Test Wi-Fi']);

	// B moves one with the keyboard: Alt+→ takes it to the next column at the same height, focus kept on it
	await card(pb, 'Book movers').getByRole('button').focus();
	await pb.keyboard.press('Alt+ArrowRight');
	await expect(titles(pb, 'doing')).toHaveText(['Book movers', 'Order desks']);
	await expect(card(pb, 'Book movers').getByRole('button')).toBeFocused();
	await expect(titles(pa, 'doing')).toHaveText(['Book movers', 'Order desks'], { timeout: 2_000 });

	// a reorder within a column: A drops Test Wi-Fi on the top of Move servers, B puts it back down one by keys
	await drag(pa, card(pa, 'Test Wi-Fi'), card(pa, 'Move servers'), { top: true });
	await expect(titles(pa, 'todo')).toHaveText(['Test Wi-Fi', 'Move servers', 'Label cables']);
	await expect(titles(pb, 'todo')).toHaveText(['Test Wi-Fi', 'Move servers', 'Label cables'], { timeout: 2_000 });
	await card(pb, 'Test Wi-Fi').getByRole('button').focus();
	await pb.keyboard.press('Alt+ArrowDown');
	await expect(titles(pb, 'todo')).toHaveText(['Move servers', 'Test Wi-Fi', 'Label cables']);
	await expect(titles(pa, 'todo')).toHaveText(['Move servers', 'Test Wi-Fi', 'Label cables'], { timeout: 2_000 });

	// both drag different cards at the same moment, into the same column and into another
	await Promise.all([drag(pa, card(pa, 'Move servers'), column(pa, 'review')), drag(pb, card(pb, 'Label cables'), column(pb, 'review'))]);
	// at the same moment again: A drags from a column B's move leaves alone, so nothing shifts under A's pointer mid-drag
	await card(pb, 'Test Wi-Fi').getByRole('button').focus();
	await Promise.all([drag(pa, card(pa, 'Label cables'), column(pa, 'done')), pb.keyboard.press('Alt+ArrowRight')]);
	await expect(syncStatus(pa)).toContainText('all changes saved');
	await expect(syncStatus(pb)).toContainText('all changes saved');
	await expect.poll(async () => JSON.stringify(await boardOf(pb)), { timeout: 5_000 }).toBe(JSON.stringify(await boardOf(pa)));
	const settled = await boardOf(pa);
	const cards = settled.flatMap(([, list]) => list as string[]);
	expect([...cards].sort()).toEqual([...TASKS].sort());
	expect(settled.find(([id]) => id === 'review')![1]).toEqual(['Move servers']);
	expect(settled.find(([id]) => id === 'done')![1]).toEqual(['Label cables']);
	expect(settled.find(([id]) => id === 'doing')![1]).toEqual(expect.arrayContaining(['Book movers', 'Order desks', 'Test Wi-Fi']));

	// and a reload reads the same board from the device
	await pb.reload();
	await expect.poll(async () => JSON.stringify(await boardOf(pb))).toBe(JSON.stringify(settled));
	await pa.screenshot({ path: testInfo.outputPath('project-board.png'), fullPage: true });
});
