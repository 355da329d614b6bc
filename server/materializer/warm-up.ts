import * as Y from 'yjs';
import { createCustomer } from '#lib/domain/customer/edits.js';
import { addTask, createProject } from '#lib/domain/project/edits.js';
import { createTicket } from '#lib/domain/ticket/edits.js';
import { addEntry, addExpense } from '#lib/domain/timesheet/edits.js';
import { projectStored } from './projectors.js';

const TENANT = '00000000-0000-4000-8000-000000000000';

/** A small document of each kind people edit live, each with a record of every collection the projection validates most. */
function samples(): [string, Y.Doc][] {
	const sheet = new Y.Doc();
	const week = { doc: sheet, userId: 'warm-up', week: '2026-W01' };
	addEntry(week, { date: '2025-12-29', startMinute: 540, endMinute: 600 });
	addExpense(week, { date: '2025-12-29', category: 'Parking', amount: 500 });
	const project = new Y.Doc();
	createProject(project, 'warm-up', { name: 'Warm-up' });
	addTask(project, { title: 'Warm-up' });
	const ticket = new Y.Doc();
	createTicket(ticket, 'warm-up', { title: 'Warm-up' }, { by: null });
	const customer = new Y.Doc();
	createCustomer(customer, 'warm-up', { name: 'Warm-up' });
	return [
		[`${TENANT}:timesheet:warm-up:2026-W01`, sheet],
		[`${TENANT}:project:warm-up`, project],
		[`${TENANT}:ticket:warm-up`, ticket],
		[`${TENANT}:customer:warm-up`, customer]
	];
}

/**
 * Projects a sample of each live kind once, as a projection worker starts and
 * before it takes jobs: a worker's first projection of a kind compiles its
 * code and schemas (seen at 2 s for two timesheet weeks on a busy machine),
 * which would otherwise land on the first person's edit after a start.
 */
export function warmUp(): void {
	for (const [name, doc] of samples()) {
		projectStored(name, { state: Y.encodeStateAsUpdate(doc), version: 0, updates: [] });
		doc.destroy();
	}
}
