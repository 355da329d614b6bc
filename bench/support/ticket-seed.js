// A service desk with a realistic backlog of open tickets, shared by the SLA and scheduler
// benches: customers with classes and agreement policies, a catalog with business-hours
// calendars (holidays included), SLA policies, statuses and workflow rules, and tickets whose
// event logs look like real work (triage, work, waiting on the customer, priority changes).
// Deterministic: the same seed gives the same desk.
import * as Y from 'yjs';
import { setRecord } from './tenant-seed.js';

/** a small seeded PRNG (mulberry32): benches compare runs, so the data must not move */
export function random(seed = 42) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** England's bank holidays of 2026 and 2027, and a company shutdown between Christmas and New Year */
export const HOLIDAYS = '2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28 2026-12-29 2026-12-30 2026-12-31 2027-01-01 2027-03-26 2027-03-29';

export const CALENDARS = [
	{ id: 'office', name: 'London office', timeZone: 'Europe/London', hours: 'Mon-Fri 08:00-18:00', holidays: HOLIDAYS },
	{ id: 'extended', name: 'Extended', timeZone: 'America/New_York', hours: 'Mon-Fri 07:00-19:00; Sat 09:00-13:00', holidays: '2026-11-26 2026-12-25 2027-01-01' },
	{ id: 'always', name: 'Round the clock', timeZone: 'UTC', hours: '24x7', holidays: null }
];

const targets = (fr, res) => ({
	firstResponseLow: fr * 4, resolutionLow: res * 4, firstResponseNormal: fr * 2, resolutionNormal: res * 2,
	firstResponseHigh: fr, resolutionHigh: res, firstResponseCritical: Math.max(15, fr / 2), resolutionCritical: Math.max(60, res / 4)
});

export const POLICIES = [
	{ id: 'standard', name: 'Standard', calendarId: 'office', isDefault: true, ...targets(240, 1800) },
	{ id: 'extended', name: 'Extended hours', calendarId: 'extended', isDefault: false, ...targets(120, 960) },
	{ id: 'premier', name: 'Premier 24x7', calendarId: 'always', isDefault: false, ...targets(30, 480) }
];

export const STATUSES = [
	{ id: 'new', name: 'New', pausesSla: false, done: false },
	{ id: 'in-progress', name: 'In progress', pausesSla: false, done: false },
	{ id: 'waiting-on-customer', name: 'Waiting on customer', pausesSla: true, done: false },
	{ id: 'waiting-on-vendor', name: 'Waiting on vendor', pausesSla: true, done: false },
	{ id: 'scheduled', name: 'Scheduled', pausesSla: false, done: false },
	{ id: 'resolved', name: 'Resolved', pausesSla: false, done: true },
	{ id: 'closed', name: 'Closed', pausesSla: false, done: true }
];

/** A few timer rules an MSP would run, and one on change; `manager` is whom escalations go to. */
export function benchRules(manager) {
	const rule = (id, name, trigger, conditions, actions) => ({ id, name, enabled: true, trigger, rank: id, conditions: JSON.stringify(conditions), actions: JSON.stringify(actions), deletedAt: null });
	return [
		rule('r1', 'Premier overdue', 'timer', [{ field: 'customerClass', op: 'is', value: 'Premier' }, { overdue: true }], [{ queue: 'immediate-attention' }, { priority: 'critical' }, { notify: { user: manager } }]),
		rule('r2', 'Web server still down', 'timer', [{ field: 'source', op: 'is', value: 'alert' }, { field: 'title', op: 'contains', value: 'web server' }, { idleMinutes: 10 }], [{ notify: { user: manager } }]),
		rule('r3', 'High priority left alone', 'timer', [{ field: 'priority', op: 'in', value: ['high', 'critical'] }, { idleMinutes: 3 * 24 * 60 }], [{ notify: 'assignee' }]),
		rule('r4', 'Unassigned for a day', 'timer', [{ field: 'assignee', op: 'is', value: '' }, { open: true }, { idleMinutes: 24 * 60 }], [{ queue: 'dispatch' }]),
		rule('r5', 'Acme portal requests', 'created', [{ field: 'customerId', op: 'is', value: 'c1' }, { field: 'source', op: 'is', value: 'portal' }], [{ queue: 'dispatch' }])
	];
}

/** The tenant's catalog document: queues, calendars, policies, statuses and `rules`. */
export function catalogDoc(rules) {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const [i, [id, name]] of [['dispatch', 'Dispatch'], ['immediate-attention', 'Immediate Attention'], ['projects', 'Projects']].entries()) setRecord(doc, 'queues', { id, name, rank: `q${i}`, deletedAt: null });
		for (const c of CALENDARS) setRecord(doc, 'calendars', { ...c, deletedAt: null });
		for (const p of POLICIES) setRecord(doc, 'slaPolicies', { ...p, deletedAt: null });
		for (const [i, s] of STATUSES.entries()) setRecord(doc, 'ticketStatuses', { ...s, rank: `s${i}`, deletedAt: null });
		for (const r of rules) setRecord(doc, 'rules', r);
	});
	return doc;
}

/** `count` customers: a tenth Premier (24x7 agreements), some with extended-hours agreements, the rest the default. */
export function benchCustomers(count, techs) {
	return Array.from({ length: count }, (_, i) => ({
		id: `c${i + 1}`,
		name: i === 0 ? 'Acme' : `Customer ${i + 1}`,
		classification: i % 10 === 3 ? 'Premier' : i % 3 === 0 ? null : 'Standard',
		leadTechId: techs[i % techs.length],
		slaPolicyId: i % 10 === 3 ? 'premier' : i % 7 === 0 ? 'extended' : null
	}));
}

const PRIORITIES = ['low', 'normal', 'normal', 'normal', 'high', 'high', 'critical'];
const TITLES = ['Outlook keeps asking for a password', 'Printer offline on floor 2', 'VPN drops every hour', 'New starter laptop', 'Web server down: www01', 'Backup job failed', 'Shared drive full', 'Phone system echo'];

/**
 * `count` open tickets created over the 45 days before `now`, each with its event log:
 * status new and a priority at creation, then (for most) in progress, some waiting on the
 * customer or a vendor and back, some reprioritised; most have a first public answer.
 * Times are effective (the server saw them when they happened).
 */
export function benchTickets(count, customers, techs, now, seed = 7) {
	const rnd = random(seed);
	const pick = (list) => list[Math.floor(rnd() * list.length)];
	const tickets = [];
	for (let i = 0; i < count; i++) {
		// most of a backlog is recent, with a tail of old tickets nobody closed
		const created = now - Math.floor(rnd() ** 2.5 * 45 * 24 * HOUR) - 30 * MINUTE;
		const customer = customers[Math.floor(rnd() * customers.length)];
		const events = [];
		let at = created;
		const id = `01b00000-0000-7000-8000-${String(i).padStart(12, '0')}`;
		const add = (field, value, by = 'Dana') => events.push({ id: `${id}-e${events.length}`, at: new Date(at).toISOString(), by, field, value });
		const title = pick(TITLES);
		const source = title.startsWith('Web server') ? 'alert' : pick(['phone', 'mail', 'portal', 'manual']);
		add('status', 'new');
		add('priority', pick(PRIORITIES));
		add('queue', rnd() < 0.8 ? 'dispatch' : 'projects');
		const step = (maxHours) => (at = Math.min(now - MINUTE, at + Math.floor(rnd() * maxHours * HOUR) + MINUTE));
		if (rnd() < 0.75) {
			step(12);
			add('assignee', pick(techs));
			add('status', 'in-progress');
		}
		for (let w = 0; w < 3 && rnd() < 0.35; w++) {
			step(24);
			add('status', rnd() < 0.8 ? 'waiting-on-customer' : 'waiting-on-vendor');
			step(72);
			add('status', 'in-progress');
		}
		if (rnd() < 0.15) {
			step(48);
			add('priority', pick(PRIORITIES));
		}
		if (rnd() < 0.1) {
			step(24);
			add('status', 'scheduled');
		}
		const answered = rnd() < 0.7 ? new Date(created + Math.floor(rnd() * 8 * HOUR) + MINUTE).toISOString() : null;
		tickets.push({
			id,
			number: i + 1,
			title,
			source,
			customerId: customer.id,
			slaPolicyId: customer.slaPolicyId,
			createdAt: new Date(created).toISOString(),
			firstResponseAt: answered && answered < new Date(now).toISOString() ? answered : null,
			dueDate: rnd() < 0.05 ? new Date(created + 3 * 24 * HOUR).toISOString().slice(0, 10) : null,
			events
		});
	}
	return tickets;
}

const latest = (events, field) => events.filter((e) => e.field === field).at(-1)?.value ?? null;

/** A ticket as a row (projection.ts TicketRow, the fields the SLA clock reads). */
export function ticketRow(ticket) {
	return {
		id: ticket.id,
		createdAt: ticket.createdAt,
		firstResponseAt: ticket.firstResponseAt,
		priority: latest(ticket.events, 'priority'),
		status: latest(ticket.events, 'status'),
		slaLog: ticket.events.filter((e) => e.field === 'status' || e.field === 'priority').map((e) => [e.at, e.field, e.value])
	};
}

/** A ticket's document, as the app writes it (stamps included: it has reached the server). */
export function ticketDoc(ticket) {
	const doc = new Y.Doc();
	doc.transact(() => {
		const meta = doc.getMap('meta');
		meta.set('schemaVersion', 1);
		meta.set('kind', 'ticket');
		const entity = doc.getMap('ticket');
		const fields = { id: ticket.id, title: ticket.title, source: ticket.source, customerId: ticket.customerId, dueDate: ticket.dueDate, createdAt: ticket.createdAt, createdBy: 'Dana', deletedAt: null };
		for (const [k, v] of Object.entries(fields)) entity.set(k, v);
		for (const e of ticket.events) setRecord(doc, 'events', e);
		if (ticket.firstResponseAt) setRecord(doc, 'notes', { id: `${ticket.id}-n1`, body: 'We are on it.', visibility: 'public', origin: 'staff', by: 'Dana', at: ticket.firstResponseAt, deletedAt: null });
		const stamps = doc.getMap('stamps');
		stamps.set('number', ticket.number);
		for (const e of ticket.events) stamps.set(`seen:${e.id}`, e.at);
	});
	return doc;
}
