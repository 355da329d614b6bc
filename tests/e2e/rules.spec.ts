import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { expect, test, type APIRequestContext } from '@playwright/test';
import * as Y from 'yjs';
import { inviteMember, newCustomer, signUpOwner } from './support.js';

/**
 * The rules editor: an owner writes the first rule with the keyboard
 * (mistakes named field by field), sees it summed up in the list, switches it
 * off, and it stays so after a reload; a rule that cannot be read says why.
 */

const stamp = Date.now().toString(36);
const owner = { company: `Rules MSP ${stamp}`, name: 'Rita Owner', email: `rita-${stamp}@example.test`, password: 'correct horse battery' };

/** Writes a rule record into the tenant's catalog the way another client would (an import, an old version of the app). */
async function storeRule(request: APIRequestContext, baseURL: string, record: Record<string, unknown>) {
	const tenantId = (await (await request.get('/api/v1/me')).json()).tenant.id;
	const { token } = await (await request.post('/api/v1/sync/token', { headers: { origin: baseURL } })).json();
	const doc = new Y.Doc();
	const socket = new HocuspocusProviderWebsocket({ url: `${baseURL.replace(/^http/, 'ws')}/collab?schemaVersion=1` });
	const provider = new HocuspocusProvider({ websocketProvider: socket, name: `${tenantId}:catalog`, document: doc, token });
	provider.attach();
	await expect.poll(() => provider.isSynced).toBe(true);
	const map = new Y.Map();
	doc.getMap('rules').set(String(record.id), map);
	for (const [k, v] of Object.entries(record)) map.set(k, v);
	await expect.poll(() => provider.unsyncedChanges).toBe(0);
	provider.destroy();
	socket.destroy();
}

test('an owner writes, orders and switches off workflow rules', async ({ page, browser, baseURL }) => {
	await signUpOwner(page, owner);
	const joe = await inviteMember(page, browser, { name: 'Joe Tech', email: `joe-${stamp}@example.test`, password: 'a long password' });
	await joe.context.close();
	await newCustomer(page, 'Acme');

	await page.goto('/settings');
	await page.getByRole('link', { name: 'Rules' }).click();
	await expect(page.getByText('No rules yet.')).toBeVisible();

	await page.getByRole('button', { name: 'Add rule' }).click();
	const form = page.getByRole('form', { name: 'New rule' });
	// the name has the focus; saving an empty form names what is missing and goes back to it
	await expect(form.getByLabel('Name')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(form.getByText('A rule needs a name')).toBeVisible();
	await expect(form.getByText('Choose whom to assign')).toBeVisible();
	await expect(form.getByLabel('Name')).toBeFocused();

	await page.keyboard.type('Acme portal requests');
	await form.getByRole('button', { name: 'Add condition' }).click();
	const first = form.getByRole('group', { name: 'Condition 1' });
	await expect(first.getByLabel('Condition')).toBeFocused();
	await first.getByLabel('Field').selectOption({ label: 'Customer' });
	await first.getByLabel('Value').selectOption({ label: 'Acme' });
	await form.getByRole('button', { name: 'Add condition' }).click();
	const second = form.getByRole('group', { name: 'Condition 2' });
	await second.getByLabel('Field').selectOption({ label: 'Source' });
	await second.getByLabel('Value').selectOption({ label: 'Portal' });
	await form.getByRole('group', { name: 'Action 1' }).getByLabel('Whom').selectOption({ label: 'Joe Tech' });
	await form.getByRole('button', { name: 'Add action' }).click();
	const queue = form.getByRole('group', { name: 'Action 2' });
	await queue.getByLabel('Action').selectOption({ label: 'Move to queue' });
	await queue.getByLabel('To').selectOption({ label: 'Triage' });
	await form.getByRole('button', { name: 'Add action' }).click();
	const notify = form.getByRole('group', { name: 'Action 3' });
	await notify.getByLabel('Action').selectOption({ label: 'Notify' });
	await notify.getByLabel('Whom').selectOption({ label: 'The assignee' });
	await notify.getByLabel('Subject').fill('New request {{ticket.number}} from {{customer.nam}}');
	await form.getByRole('button', { name: 'Save rule' }).click();
	await expect(notify.getByText('{{customer.nam}} is not a variable')).toBeVisible();
	await expect(notify.getByLabel('Subject')).toBeFocused();
	await notify.getByLabel('Subject').fill('New request {{ticket.number}} from {{customer.name}}');
	await form.getByRole('button', { name: 'Save rule' }).click();

	const rule = page.getByRole('article', { name: 'Acme portal requests' });
	await expect(rule.getByText('If customer is Acme and source is Portal')).toBeVisible();
	await expect(rule.getByText('Then assign to Joe Tech, move to Triage, notify the assignee')).toBeVisible();
	await expect(rule.getByText('When a ticket is created')).toBeVisible();

	// a second rule, on a timer, then moved above the first
	await page.getByRole('button', { name: 'Add rule' }).click();
	const timer = page.getByRole('form', { name: 'New rule' });
	await timer.getByLabel('Name').fill('Critical when idle');
	await timer.getByLabel('Runs').selectOption({ label: 'On a timer' });
	await timer.getByRole('button', { name: 'Add condition' }).click();
	await timer.getByRole('group', { name: 'Condition 1' }).getByLabel('Condition').selectOption({ label: 'Nothing happened on it for' });
	await timer.getByRole('group', { name: 'Condition 1' }).getByLabel('Minutes').fill('30');
	await timer.getByRole('group', { name: 'Action 1' }).getByLabel('Action').selectOption({ label: 'Set priority' });
	await timer.getByRole('group', { name: 'Action 1' }).getByLabel('To').selectOption({ label: 'Critical' });
	await timer.getByRole('button', { name: 'Save rule' }).click();
	await page.getByRole('button', { name: 'Move Critical when idle up' }).click();
	await expect(page.getByRole('article').first()).toHaveAccessibleName('Critical when idle');

	// off, and still off after a reload (the catalog is kept on the device)
	await rule.getByRole('checkbox', { name: /On/ }).uncheck();
	await page.reload();
	await expect(page.getByRole('article', { name: 'Acme portal requests' }).getByRole('checkbox', { name: /On/ })).not.toBeChecked();
	await expect(page.getByRole('article').first()).toHaveAccessibleName('Critical when idle');

	// a rule stored by something else that cannot be read shows why, and never runs
	await storeRule(page.request, baseURL!, { id: 'broken-1', name: 'Imported rule', enabled: true, trigger: 'changed', conditions: '[{"colour":"red"}]', actions: '[{"queue":"x"}]', rank: 'z', deletedAt: null });
	const broken = page.getByRole('article', { name: 'Imported rule' });
	await expect(broken.getByText('This rule cannot run: condition 1: not a condition the rules know.')).toBeVisible();
	await broken.getByRole('button', { name: 'Edit Imported rule' }).click();
	await expect(page.getByRole('form', { name: 'Edit rule Imported rule' }).getByText('The stored rule could not be read')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('form', { name: 'Edit rule Imported rule' })).toHaveCount(0);
});
