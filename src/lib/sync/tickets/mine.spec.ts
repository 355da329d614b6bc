import { describe, expect, it } from 'vitest';
import { dayBefore, myTicketDocs, type MineTicket, type MineVisit } from './mine.js';

const ticket = (docName: string, fields: Partial<MineTicket> = {}): MineTicket => ({ docName, assignee: null, status: 'new', deletedAt: null, ...fields });
const visit = (docName: string, fields: Partial<MineVisit> = {}): MineVisit => ({ docName, userId: 'me', day: '2026-11-23', deletedAt: null, ...fields });
const done = new Set(['resolved', 'closed']);

describe('my tickets, kept on the device', () => {
	it('keeps open tickets assigned to me', () => {
		const tickets = [ticket('a', { assignee: 'me' }), ticket('b', { assignee: 'other' }), ticket('c', { assignee: 'me', status: 'closed' }), ticket('d', { assignee: 'me', deletedAt: '2026-11-01T00:00:00.000Z' })];
		expect(myTicketDocs('me', tickets, [], done, '2026-11-22')).toEqual(['a']);
	});

	it('keeps open tickets on my days, whoever they are assigned to, from the day given on', () => {
		const tickets = [ticket('a', { assignee: 'other' }), ticket('b'), ticket('c', { status: 'resolved' }), ticket('d')];
		const visits = [visit('a'), visit('b', { day: '2026-11-20' }), visit('c'), visit('d', { userId: 'other' }), visit('b', { deletedAt: '2026-11-22T00:00:00.000Z' })];
		expect(myTicketDocs('me', tickets, visits, done, '2026-11-22')).toEqual(['a']);
	});

	it('names each document once', () => {
		expect(myTicketDocs('me', [ticket('a', { assignee: 'me' })], [visit('a'), visit('a', { day: '2026-11-24' })], done, '2026-11-22')).toEqual(['a']);
	});

	it('counts from the day before in UTC', () => {
		expect(dayBefore(new Date('2026-11-23T00:30:00Z'))).toBe('2026-11-22');
	});
});
