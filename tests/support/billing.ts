import * as Y from 'yjs';
import { initMeta, setEntity, upsertRecord, type PlainRecord } from '#lib/domain/documents/shape.js';
import { addEntry, submitTimesheet, type Sheet } from '#lib/domain/timesheet/edits.js';
import { timesheetDocName } from '#lib/domain/timesheet/weeks.js';
import type { ApiClient } from './client.js';
import { allAcknowledged, eventually, openAs } from './sync.js';

/**
 * A tenant set up to bill, written the way the browser writes its documents:
 * the catalog's plans, roles and tax rates, customers with devices, the
 * contracts document's agreements and plan associations, and a person's
 * timesheet weeks, submitted then approved through the API.
 */

type Member = { client: ApiClient; userId: string };
type Owner = Member & { tenantId: string };

export async function writeDoc(owner: Owner, name: string, kind: Parameters<typeof initMeta>[1], fill: (doc: Y.Doc) => void): Promise<void> {
	const open = await openAs(owner.client, `${owner.tenantId}:${name}`);
	open.doc.transact(() => {
		initMeta(open.doc, kind);
		fill(open.doc);
	});
	await allAcknowledged(open.provider);
	open.close();
}

export const upsertAll = (doc: Y.Doc, collection: string, records: Record<string, PlainRecord>) => {
	for (const [id, fields] of Object.entries(records)) upsertRecord(doc, collection, id, { id, ...fields });
};

export async function writeCustomer(owner: Owner, id: string, name: string, devices: Record<string, number> = {}, fields: PlainRecord = {}): Promise<void> {
	await writeDoc(owner, `customer:${id}`, 'customer', (doc) => {
		setEntity(doc, 'customer', { id, name, status: 'active', ...fields });
		let n = 0;
		for (const [type, count] of Object.entries(devices)) for (let i = 0; i < count; i++) upsertRecord(doc, 'devices', `${id}-d${++n}`, { id: `${id}-d${n}`, name: `${type} ${i + 1}`, type });
	});
}

/** An entry for a customer, or on a project (its customer the project's), or for no one (`customerId: null`). */
export type EntryPlan = { date: string; start: number; end: number; customerId: string | null; projectId?: string; workRole?: string; billable?: boolean };

/** A submitted week of entries; returns the document (kept open by the caller when it edits later) and the entry ids. */
export async function submitWeek(owner: Owner, member: Member, week: string, entries: EntryPlan[]) {
	const sheet: Sheet = { doc: new Y.Doc(), userId: member.userId, week };
	const ids = entries.map((e) => {
		const made = addEntry(sheet, { date: e.date, startMinute: e.start, endMinute: e.end, customerId: e.customerId, projectId: e.projectId ?? null, workRole: e.workRole ?? 'Technician', billable: e.billable ?? true, notes: 'support' });
		if (!made.ok) throw new Error(made.errors.join('; '));
		return made.id;
	});
	if (!submitTimesheet(sheet).ok) throw new Error('cannot submit');
	const open = await openAs(member.client, timesheetDocName(owner.tenantId, member.userId, week), { doc: sheet.doc });
	await allAcknowledged(open.provider);
	return { open, ids };
}

/** Approves weeks once they are waiting (their rows projected). */
export async function approveWeeks(owner: Owner, weeks: { userId: string; week: string }[]): Promise<void> {
	await eventually(async () => {
		const waiting = (await owner.client.get('/api/v1/timesheets/approvals?view=waiting')).json.weeks as { userId: string; week: string }[];
		return weeks.every((w) => waiting.some((x) => x.userId === w.userId && x.week === w.week)) || null;
	}, 20_000, 'weeks waiting for approval');
	const res = await owner.client.post('/api/v1/timesheets/approvals', { weeks, decision: 'approve' });
	if (res.status !== 200) throw new Error(`approve: ${res.status} ${res.text}`);
}

/** Re-drafts a run until `ready` holds of it (the documents written just before are projected by then). */
export async function draftUntil(owner: Owner, runId: string, ready: (view: any) => boolean, what: string) {
	return eventually(async () => {
		await owner.client.post(`/api/v1/billing/runs/${runId}/redraft`);
		const view = (await owner.client.get(`/api/v1/billing/runs/${runId}`)).json;
		return ready(view) ? view : null;
	}, 20_000, what);
}

const PLAN = { name: 'Managed', basis: 'devices', workstationPrice: 3_000, serverPrice: 15_000, taxable: true };

/** The catalog (a plan, the technician's rate, 8.25 % tax) and two customers on the plan; Acme on time and materials. */
export async function billingTenant(owner: Owner) {
	await writeDoc(owner, 'catalog', 'catalog', (doc) => {
		upsertAll(doc, 'servicePlans', { 'p-managed': PLAN, 'p-empty': { name: 'Empty plan', basis: 'users' } });
		upsertAll(doc, 'roles', { 'r-tech': { name: 'Technician', ratePerHour: 12_000, costPerHour: 4_500 } });
		upsertAll(doc, 'taxRates', { 't-std': { name: 'Sales tax', basisPoints: 825 }, 't-typo': { name: 'Typo', basisPoints: 12_000, region: 'Nowhere' } });
	});
	await writeCustomer(owner, 'acme', 'Acme Dental', { workstation: 3, server: 1 }, { paymentTermsDays: 30, email: 'ap@acme.example' });
	await writeCustomer(owner, 'globex', 'Globex', {}, { paymentTermsDays: 15 });
	await writeDoc(owner, 'contracts', 'contracts', (doc) => {
		upsertAll(doc, 'customerContracts', {
			'c-acme': { customerId: 'acme', name: 'Support', party: 'msp', type: 'time-and-materials', start: '2026-01-01', incrementMinutes: 15, minimumMinutes: 60, afterHoursBasisPoints: 15_000 }
		});
		upsertAll(doc, 'planAssociations', {
			'a-acme': { customerId: 'acme', planId: 'p-managed', cycle: 'monthly', start: '2026-01-01' },
			'a-globex': { customerId: 'globex', planId: 'p-managed', cycle: 'monthly', start: '2026-11-17', workstations: 10 },
			'a-empty': { customerId: 'globex', planId: 'p-empty', cycle: 'monthly', start: '2026-01-01', users: 4 }
		});
	});
}
