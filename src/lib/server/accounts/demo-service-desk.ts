import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import { upsertRecord } from '#lib/domain/documents/shape.js';
import { TRIAGE_QUEUE } from '#lib/domain/servicedesk/read.js';
import { addChecklistItem, addNote, changeWorkflow, createTicket, scheduleVisit, ticketDocName, type NewTicket } from '#lib/domain/ticket/edits.js';
import { STAMPS } from '#lib/domain/ticket/projection.js';
import { todayIn } from '#lib/domain/today.js';

/**
 * The demo tenant's service desk: queues, ticket types the portal offers,
 * business hours with an SLA policy, and a morning's worth of tickets in every
 * state — new from the portal, mail and alerts, in progress, waiting on the
 * customer, scheduled on the tech's days, done — relative to when it is seeded.
 */

export interface DemoStaff {
	id: string;
	name: string;
	role: string;
}

export const DISPATCH_QUEUE = 'dispatch';
const IMMEDIATE_QUEUE = 'immediate-attention';

/** Settings into the demo catalog document. */
export function fillServiceDesk(catalog: Y.Doc, timeZone: string): void {
	catalog.transact(() => {
		upsertRecord(catalog, 'queues', DISPATCH_QUEUE, { name: 'Dispatch', rank: 'a', deletedAt: null });
		upsertRecord(catalog, 'queues', 'projects', { name: 'Projects', rank: 'b', deletedAt: null });
		upsertRecord(catalog, 'ticketTypes', 'hardware', { name: 'Hardware problem', subTypes: 'Workstation\nPrinter\nNetwork', questions: 'Which device (the label on it)?\nSince when?', portal: true, deletedAt: null });
		upsertRecord(catalog, 'ticketTypes', 'new-user', { name: 'New user', subTypes: null, questions: 'Start date?\nWhich office?\nWhich applications?', portal: true, deletedAt: null });
		upsertRecord(catalog, 'ticketTypes', 'maintenance', { name: 'Maintenance', subTypes: null, questions: null, portal: false, deletedAt: null });
		upsertRecord(catalog, 'calendars', 'office', { name: 'Office hours', timeZone, hours: 'Mon-Fri 08:00-18:00', holidays: '2026-12-25 Christmas\n2027-01-01 New Year', deletedAt: null });
		upsertRecord(catalog, 'slaPolicies', 'standard', {
			name: 'Standard', calendarId: 'office', isDefault: true,
			firstResponseCritical: 30, resolutionCritical: 240, firstResponseHigh: 60, resolutionHigh: 480,
			firstResponseNormal: 240, resolutionNormal: 1440, firstResponseLow: 480, resolutionLow: 2880, deletedAt: null
		});
	});
}

/**
 * The three rules, as the demo's people and customers make them: a
 * customer's portal requests routed to a tech, web server alerts to the lead
 * tech with an escalation when nobody works on them, and Premier tickets that
 * run late moved up.
 */
export function fillRules(catalog: Y.Doc, ids: { portalCustomerId: string; tech: DemoStaff; manager: DemoStaff }): void {
	const rule = (id: string, rank: string, name: string, trigger: string, conditions: unknown[], actions: unknown[]) =>
		upsertRecord(catalog, 'rules', id, { name, enabled: true, trigger, conditions: JSON.stringify(conditions), actions: JSON.stringify(actions), rank, deletedAt: null });
	catalog.transact(() => {
		upsertRecord(catalog, 'queues', IMMEDIATE_QUEUE, { name: 'Immediate Attention', rank: 'c', deletedAt: null });
		rule('portal-routing', 'a', 'Tailspin portal requests to Theo', 'created', [{ field: 'source', op: 'is', value: 'portal' }, { field: 'customerId', op: 'is', value: ids.portalCustomerId }], [
			{ assign: ids.tech.id },
			{ queue: DISPATCH_QUEUE }
		]);
		rule('web-down', 'b', 'Web server down', 'created', [{ field: 'source', op: 'is', value: 'alert' }, { field: 'title', op: 'contains', value: 'web server' }], [
			{ assign: 'lead' },
			{ priority: 'critical' },
			{ notify: 'lead', subject: '{{ticket.number}}: {{ticket.title}} ({{customer.name}})', body: '{{ticket.title}} is {{ticket.priority}}.' }
		]);
		rule('web-down-idle', 'c', 'Web server still down after 10 minutes', 'timer', [{ field: 'source', op: 'is', value: 'alert' }, { field: 'title', op: 'contains', value: 'web server' }, { open: true }, { idleMinutes: 10 }], [
			{ notify: { user: ids.manager.id }, subject: 'Nobody is on {{ticket.number}} ({{customer.name}})' }
		]);
		rule('premier-overdue', 'd', 'Premier tickets overdue', 'timer', [{ field: 'customerClass', op: 'is', value: 'Premier' }, { overdue: true }], [
			{ queue: IMMEDIATE_QUEUE },
			{ priority: 'critical' },
			{ notify: { user: ids.manager.id }, subject: 'Overdue: {{ticket.number}} {{ticket.title}} ({{customer.name}})' }
		]);
	});
}

interface DemoTicket {
	customer: string | null;
	minutesAgo: number;
	fields: NewTicket;
	/** later changes, minutes after it was made: workflow fields, notes (public / internal), checklist, a visit in days from today */
	then?: (doc: Y.Doc, ctx: { at: (minutesAfter: number) => Date; tech: DemoStaff; dispatcher: DemoStaff; day: (days: number) => string }) => void;
}

const TICKETS: DemoTicket[] = [
	{ customer: 'Contoso Pharma', minutesAgo: 20, fields: { title: 'Server room temperature alarm on CON-SRV1', source: 'alert', priority: 'critical', alertKey: 'nagios:CON-SRV1:temperature', description: 'CRITICAL: inlet temperature 34 °C (threshold 30 °C)' } },
	{ customer: 'Tailspin Toys', minutesAgo: 40, fields: { title: 'POS terminal will not print receipts', source: 'portal', type: 'hardware', priority: 'high', answers: 'Which device (the label on it)?: POS-2\nSince when?: This morning' } },
	{ customer: null, minutesAgo: 55, fields: { title: 'Question about our invoice', source: 'mail', queue: TRIAGE_QUEUE.id, description: 'Hello, who should we ask about the November invoice?' } },
	{ customer: 'Wide World Importers', minutesAgo: 90, fields: { title: 'Label printer offline in the warehouse', source: 'mail', queue: DISPATCH_QUEUE, description: 'The Zebra printer by door 3 shows offline since the power cut.' } },
	{
		customer: 'Contoso Pharma', minutesAgo: 180, fields: { title: 'Outlook keeps asking for the password', source: 'phone' },
		then: (doc, { at, tech }) => {
			changeWorkflow(doc, { assignee: tech.id, status: 'in-progress' }, { by: tech.name, at: at(10) });
			addNote(doc, { body: 'Reset the credential cache; asked Dana to restart Outlook and tell us if it comes back.', visibility: 'public' }, { by: tech.name, at: at(25) });
			addNote(doc, { body: 'Conditional access policy changed last week: check with the security team.', visibility: 'internal' }, { by: tech.name, at: at(30) });
		}
	},
	{
		customer: 'Woodgrove Dental', minutesAgo: 300, fields: { title: 'X-ray workstation very slow', source: 'phone', priority: 'high', queue: DISPATCH_QUEUE }
	},
	{
		customer: 'Wide World Importers', minutesAgo: 360, fields: { title: 'Backup job failed on WWI-SRV1', source: 'alert', priority: 'high', alertKey: 'datto:WWI-SRV1:backup' },
		then: (doc, { at, tech }) => {
			changeWorkflow(doc, { assignee: tech.id, status: 'in-progress' }, { by: tech.name, at: at(15) });
			addNote(doc, { body: 'Disk D: full; cleared old shadow copies, re-running the job.', visibility: 'internal' }, { by: tech.name, at: at(40) });
		}
	},
	{
		customer: 'Tailspin Toys', minutesAgo: 1500, fields: { title: 'Wi-Fi drops in the back office', source: 'phone', priority: 'high', queue: DISPATCH_QUEUE },
		then: (doc, { at, tech, dispatcher, day }) => {
			changeWorkflow(doc, { assignee: tech.id, status: 'scheduled' }, { by: dispatcher.name, at: at(30) });
			scheduleVisit(doc, { userId: tech.id, day: day(1), startMinute: 10 * 60, minutes: 90 });
			addNote(doc, { body: 'Theo comes by tomorrow at 10:00 to look at the access point.', visibility: 'public' }, { by: dispatcher.name, at: at(32) });
		}
	},
	{
		customer: 'Alpine Ski House', minutesAgo: 2900, fields: { title: 'Replace the front desk PC', source: 'manual', priority: 'low', type: 'maintenance' },
		then: (doc, { at, tech, dispatcher, day }) => {
			changeWorkflow(doc, { assignee: tech.id, status: 'in-progress' }, { by: dispatcher.name, at: at(60) });
			scheduleVisit(doc, { userId: tech.id, day: day(0), startMinute: 14 * 60, minutes: 120 });
			const first = addChecklistItem(doc, 'Order the replacement', 'a');
			addChecklistItem(doc, 'Move the printer queue', 'b');
			addChecklistItem(doc, 'Wipe and recycle the old PC', 'c');
			doc.getMap<Y.Map<unknown>>('checklist').get(first)?.set('done', true);
		}
	},
	{
		customer: 'Fabrikam Legal', minutesAgo: 1400, fields: { title: 'New starter: Jane Doe', source: 'portal', type: 'new-user', answers: 'Start date?: Monday\nWhich office?: Hartford\nWhich applications?: Office, the case system' },
		then: (doc, { at, dispatcher }) => {
			changeWorkflow(doc, { assignee: dispatcher.id, status: 'waiting-on-customer' }, { by: dispatcher.name, at: at(45) });
			addNote(doc, { body: 'Which licence should Jane have: Business Premium like the others?', visibility: 'public' }, { by: dispatcher.name, at: at(46) });
		}
	},
	{
		customer: 'Contoso Pharma', minutesAgo: 1700, fields: { title: 'VPN access for a contractor', source: 'mail' },
		then: (doc, { at, tech }) => {
			changeWorkflow(doc, { assignee: tech.id, status: 'resolved' }, { by: tech.name, at: at(200) });
			addNote(doc, { body: 'Account created, valid until the end of the month.', visibility: 'public' }, { by: tech.name, at: at(190) });
		}
	},
	{
		customer: 'Fabrikam Legal', minutesAgo: 200, fields: { title: 'Toner for the second floor printer', source: 'phone', priority: 'low' },
		then: (doc, { at, dispatcher }) => {
			addNote(doc, { body: 'Ordered; arrives this afternoon.', visibility: 'public' }, { by: dispatcher.name, at: at(20) });
			changeWorkflow(doc, { assignee: dispatcher.id, status: 'closed' }, { by: dispatcher.name, at: at(25) });
		}
	}
];

export interface DemoTicketDoc {
	name: string;
	doc: Y.Doc;
	ticketId: string;
	number: number;
}

/** The demo's tickets, numbered in the order they were opened. */
export function demoTickets(tenantId: string, customerIds: ReadonlyMap<string, string>, staff: DemoStaff[], timeZone: string, now = new Date()): DemoTicketDoc[] {
	const tech = staff.find((s) => s.role === 'technician') ?? staff[0];
	const dispatcher = staff.find((s) => s.role === 'dispatcher') ?? staff[0];
	const day = (days: number) => todayIn(timeZone, new Date(now.getTime() + days * 86_400_000));
	return [...TICKETS]
		.sort((a, b) => b.minutesAgo - a.minutesAgo)
		.map((ticket, i) => {
			const ticketId = uuidv7();
			const doc = new Y.Doc({ guid: 'demo' });
			const opened = now.getTime() - ticket.minutesAgo * 60_000;
			const at = (minutesAfter: number) => new Date(opened + minutesAfter * 60_000);
			const by = ticket.fields.source === 'alert' ? 'alert: monitoring' : dispatcher.name;
			createTicket(doc, ticketId, { ...ticket.fields, customerId: ticket.customer ? (customerIds.get(ticket.customer) ?? null) : null }, { by, at: at(0) });
			ticket.then?.(doc, { at, tech, dispatcher, day });
			doc.getMap(STAMPS).set('number', i + 1);
			return { name: ticketDocName(tenantId, ticketId), doc, ticketId, number: i + 1 };
		});
}
