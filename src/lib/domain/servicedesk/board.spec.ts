import { describe, expect, it } from 'vitest';
import { boardColumns, compareCards, neighbourStatus, type BoardStatus, type BoardTicket } from './board.js';
import { DEFAULT_STATUS_RECORDS } from './settings.js';

const statuses: BoardStatus[] = DEFAULT_STATUS_RECORDS.map((s) => ({ ...s, deletedAt: null }));
let n = 0;
const card = (fields: Partial<BoardTicket & { queue: string }> = {}): BoardTicket & { queue: string } => ({
	id: `t${String(++n).padStart(3, '0')}`,
	status: 'new',
	priority: 'normal',
	createdAt: '2026-11-20T09:00:00.000Z',
	statusSince: '2026-11-20T09:00:00.000Z',
	deletedAt: null,
	queue: 'triage',
	...fields
});
const all = { include: () => true, recentSince: '2026-11-16T00:00:00.000Z' };
const ids = (cards: { id: string }[]) => cards.map((c) => c.id);

describe('the status board', () => {
	it('has a column per status in the tenant’s order, done ones last', () => {
		const reordered = [statuses[4], statuses[0], statuses[5], statuses[1]];
		expect(boardColumns(reordered, [], all).map((c) => [c.status.id, c.done])).toEqual([
			['new', false],
			['in-progress', false],
			['resolved', true],
			['closed', true]
		]);
	});

	it('orders cards by priority, then the oldest first, whatever order the rows come in', () => {
		const old = card({ createdAt: '2026-11-01T00:00:00.000Z' });
		const young = card({ createdAt: '2026-11-19T00:00:00.000Z' });
		const critical = card({ priority: 'critical', createdAt: '2026-11-21T00:00:00.000Z' });
		const low = card({ priority: 'low', createdAt: '2026-10-01T00:00:00.000Z' });
		const none = card({ priority: null, createdAt: '2026-11-05T00:00:00.000Z' });
		const column = boardColumns(statuses, [young, low, critical, old, none], all)[0];
		expect(ids(column.cards)).toEqual(ids([critical, old, none, young, low]));
		expect([young, critical].sort(compareCards)).toEqual([critical, young]);
	});

	it('filters with the toolbar, leaves deleted tickets out, and shows only lately finished ones in done columns', () => {
		const mine = card({ queue: 'dispatch' });
		const theirs = card({ queue: 'triage' });
		const gone = card({ queue: 'dispatch', deletedAt: '2026-11-21T00:00:00.000Z' });
		const lately = card({ queue: 'dispatch', status: 'resolved', statusSince: '2026-11-20T00:00:00.000Z' });
		const long = card({ queue: 'dispatch', status: 'resolved', statusSince: '2026-10-20T00:00:00.000Z' });
		const columns = boardColumns(statuses, [mine, theirs, gone, lately, long], { ...all, include: (row) => row.queue === 'dispatch' });
		expect(ids(columns[0].cards)).toEqual(ids([mine]));
		expect(ids(columns.find((c) => c.status.id === 'resolved')!.cards)).toEqual(ids([lately]));
	});

	it('keeps tickets in a status no longer offered in a column of their own, before the done ones', () => {
		const vendor = { id: 'vendor', name: 'Waiting on vendor', done: false, pausesSla: true, deletedAt: '2026-11-01T00:00:00.000Z' };
		const stuck = card({ status: 'vendor' });
		const unknown = card({ status: 'from-elsewhere' });
		const untouched = card({ status: null });
		const columns = boardColumns(statuses, [stuck, unknown, untouched], { ...all, allStatuses: [...statuses, vendor] });
		expect(columns.map((c) => c.status.name)).toEqual(['New', 'In progress', 'Waiting on customer', 'Scheduled', 'from-elsewhere', 'Waiting on vendor', 'Resolved', 'Closed']);
		expect(columns.filter((c) => c.stray).map((c) => ids(c.cards))).toEqual([ids([unknown]), ids([stuck])]);
		expect(ids(columns[0].cards)).toEqual(ids([untouched]));
	});

	it('moves a card to the neighbouring column with the keyboard', () => {
		const columns = boardColumns(statuses, [card({ status: 'gone' })], all);
		expect(neighbourStatus(columns, 'new', 1)).toBe('in-progress');
		expect(neighbourStatus(columns, 'new', -1)).toBeNull();
		expect(neighbourStatus(columns, 'scheduled', 1)).toBe('resolved');
		expect(neighbourStatus(columns, 'closed', 1)).toBeNull();
		expect(neighbourStatus(columns, 'gone', 1)).toBe('new');
	});
});
