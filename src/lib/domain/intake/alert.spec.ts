import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTicket } from '../ticket/edits.js';
import { projectTicket } from '../ticket/projection.js';
import { alertBody, alertTicket, priorityOf, repeatNote, resolvedNote, ticketAlertKey } from './alert.js';

const parse = (body: unknown) => alertBody.safeParse(body);
const fieldsOf = (body: unknown) => {
	const result = parse(body);
	return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('alert body', () => {
	const valid = { source: 'uptime-kuma', alertKey: 'web01/http', customer: 'Acme', severity: 'Critical', title: 'Web server down', message: ' HTTP 503 ' };

	it('takes the generic body, with defaults for state and severity', () => {
		expect(parse(valid).data).toEqual({ ...valid, device: null, severity: 'critical', message: 'HTTP 503', state: 'open' });
		expect(parse({ source: 's', alertKey: 'k', title: 't' }).data).toMatchObject({ severity: 'warning', state: 'open', customer: null, message: null });
	});

	it('names the field that is wrong', () => {
		expect(fieldsOf({ ...valid, source: undefined })).toEqual(['source']);
		expect(fieldsOf({ ...valid, alertKey: '' })).toEqual(['alertKey']);
		expect(fieldsOf({ ...valid, severity: 'apocalyptic' })).toEqual(['severity']);
		expect(fieldsOf({ ...valid, state: 'closed' })).toEqual(['state']);
		expect(fieldsOf({ ...valid, title: 42 })).toEqual(['title']);
		expect(fieldsOf({ ...valid, source: 'a:b' })).toEqual(['source']);
		expect(fieldsOf({ ...valid, message: 'x'.repeat(20_001) })).toEqual(['message']);
	});

	it('needs a title to open a ticket, not to resolve one', () => {
		expect(fieldsOf({ source: 's', alertKey: 'k' })).toEqual(['title']);
		expect(parse({ source: 's', alertKey: 'k', state: 'resolved' }).success).toBe(true);
	});
});

describe('alert tickets', () => {
	it('map every severity word onto a priority', () => {
		expect(['critical', 'fatal', 'major', 'error', 'warning', 'average', 'minor', 'info'].map((s) => priorityOf(s as never))).toEqual(['critical', 'critical', 'high', 'high', 'normal', 'normal', 'normal', 'low']);
	});

	it('make a ticket for the customer, or one in triage', () => {
		const body = alertBody.parse({ source: 'zabbix', alertKey: 'db1', device: 'DB1', severity: 'high', title: 'Disk full', message: '/var at 99%' });
		const known = alertTicket(body, { customerId: 'c1', siteId: 's1' }, 'triage');
		expect(known).toMatchObject({ title: 'Disk full', source: 'alert', customerId: 'c1', siteId: 's1', priority: 'high', queue: null, alertKey: 'zabbix:db1' });
		expect(known.description).toContain('/var at 99%');
		expect(known.description).toContain('Device: DB1');
		const unknown = alertTicket(body, { customerId: null, siteId: null }, 'triage');
		expect(unknown.queue).toBe('triage');
		expect(unknown.description).toContain('No customer matched');
		// and the ticket projects with these fields
		const doc = new Y.Doc();
		createTicket(doc, 'a1', known, { by: 'alert: zabbix' });
		expect(projectTicket('01a20000-0000-7000-8000-0000000000aa:ticket:a1', doc).tickets[0]).toMatchObject({ source: 'alert', priority: 'high', alertKey: 'zabbix:db1', createdBy: 'alert: zabbix' });
	});

	it('keep one tool\'s key apart from another\'s', () => {
		expect(ticketAlertKey({ source: 'a', alertKey: 'x' })).not.toBe(ticketAlertKey({ source: 'b', alertKey: 'x' }));
	});

	it('say how often an alert repeated, and how it was resolved', () => {
		const latest = { severity: 'critical', title: 'Down', message: 'timeout', at: '2026-12-01T09:00:00.000Z' };
		expect(repeatNote(1, 2, latest)).toMatch(/^The alert came in once more \(2 in all\)/);
		expect(repeatNote(199, 200, latest)).toContain('199 more times (200 in all)');
		expect(repeatNote(3, 4, latest)).toContain('Latest (critical): Down\ntimeout');
		const body = alertBody.parse({ source: 's', alertKey: 'k', state: 'resolved', message: 'back up' });
		expect(resolvedNote(body, true)).toContain('the ticket is resolved');
		expect(resolvedNote(body, false)).toContain('leave their ticket open');
	});
});
