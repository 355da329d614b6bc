import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles.js';
import { documentAccess } from './access.js';
import { docName, parseDocName } from './names.js';

const T = '01a20148-7cee-7341-87c5-bb7f77ec4ff4';
const OTHER = '01a20148-0000-7341-87c5-bb7f77ec4ff4';
const ME = '01a20148-1111-7566-ae94-24c7333f7d1d';
const SOMEONE = '01a20148-2222-7566-ae94-24c7333f7d1d';

function access(role: Role, name: string) {
	const doc = parseDocName(name);
	return doc ? documentAccess({ userId: ME, tenantId: T, role }, doc) : 'invalid';
}

describe('document names', () => {
	it('parse the kinds of DESIGN.md §2 and nothing else', () => {
		expect(parseDocName(`${T}:catalog`)).toEqual({ tenantId: T, kind: 'catalog', parts: [] });
		expect(parseDocName(`${T}:timesheet:${ME}:2026-W47`)).toEqual({ tenantId: T, kind: 'timesheet', parts: [ME, '2026-W47'] });
		expect(docName(T, 'customer', 'abc')).toBe(`${T}:customer:abc`);
		for (const bad of ['', 'catalog', `${T}:invoices`, `${T}:customer:a:b:c`, `${T}:customer:a b`, `${T.toUpperCase()}:catalog`, `${T}:customer:x;drop`]) {
			expect(parseDocName(bad), bad).toBeNull();
		}
	});
});

describe('document access (the DESIGN.md table)', () => {
	it('never opens another tenant\'s document', () => {
		for (const role of ['owner', 'technician'] as Role[]) expect(access(role, `${OTHER}:customer:x`)).toBe('none');
	});

	it('lets all staff write customers, tickets and projects', () => {
		for (const role of ['owner', 'admin', 'dispatcher', 'technician', 'billing'] as Role[]) {
			for (const kind of ['customer', 'ticket', 'project']) expect(access(role, `${T}:${kind}:x1`)).toBe('write');
		}
		expect(access('owner', `${T}:customer`)).toBe('none');
	});

	it('lets owners, admins and billing write the catalog and contracts; others read', () => {
		expect(access('admin', `${T}:catalog`)).toBe('write');
		expect(access('billing', `${T}:contracts`)).toBe('write');
		expect(access('technician', `${T}:catalog`)).toBe('read');
		expect(access('dispatcher', `${T}:contracts`)).toBe('read');
		expect(access('owner', `${T}:catalog:x`)).toBe('none');
	});

	it('keeps the ledger read-only for everyone: only the server writes it', () => {
		for (const role of ['owner', 'admin', 'technician'] as Role[]) expect(access(role, `${T}:ledger`)).toBe('read');
	});

	it('gives timesheets to their person, dispatchers and admins; billing reads', () => {
		expect(access('technician', `${T}:timesheet:${ME}:2026-W47`)).toBe('write');
		expect(access('technician', `${T}:timesheet:${SOMEONE}:2026-W47`)).toBe('none');
		expect(access('dispatcher', `${T}:timesheet:${SOMEONE}:2026-W47`)).toBe('write');
		expect(access('admin', `${T}:timesheet:${SOMEONE}:2026-W47`)).toBe('write');
		expect(access('billing', `${T}:timesheet:${SOMEONE}:2026-W47`)).toBe('read');
		expect(access('technician', `${T}:timesheet:${ME}`)).toBe('none');
		expect(access('technician', `${T}:timesheet:${ME}:week47`)).toBe('none');
	});
});
