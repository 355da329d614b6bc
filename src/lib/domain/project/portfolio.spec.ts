import { describe, expect, it } from 'vitest';
import { ALL_PROJECTS, burnPercent, portfolio, projectFlags, type PortfolioProject } from './portfolio.js';

const project = (fields: Partial<PortfolioProject>): PortfolioProject => ({
	id: 'p',
	name: 'Project',
	customerId: null,
	status: 'active',
	start: null,
	due: null,
	budgetMinutes: null,
	percentComplete: 0,
	template: false,
	deletedAt: null,
	...fields
});

const TODAY = '2026-03-10';

describe('the portfolio', () => {
	it('burns the budget in whole percent, past 100 when over; nothing without a budget', () => {
		expect(burnPercent(90, 600)).toBe(15);
		expect(burnPercent(900, 600)).toBe(150);
		expect(burnPercent(90, null)).toBeNull();
		expect(burnPercent(90, 0)).toBeNull();
	});

	it('flags overdue and due this week, but not finished, done or cancelled projects', () => {
		expect(projectFlags(project({ due: '2026-03-09' }), 0, TODAY)).toEqual(['overdue']);
		expect(projectFlags(project({ due: '2026-03-17' }), 0, TODAY)).toEqual(['due-soon']);
		expect(projectFlags(project({ due: '2026-03-18' }), 0, TODAY)).toEqual([]);
		expect(projectFlags(project({ due: '2026-03-09', percentComplete: 100 }), 0, TODAY)).toEqual([]);
		expect(projectFlags(project({ due: '2026-03-09', status: 'done' }), 0, TODAY)).toEqual([]);
		expect(projectFlags(project({ due: '2026-03-09', status: 'cancelled' }), 0, TODAY)).toEqual([]);
	});

	it('is at risk when the budget is spent before the work is done, or spending or the calendar runs ahead of the work', () => {
		expect(projectFlags(project({ budgetMinutes: 600, percentComplete: 90 }), 600, TODAY)).toEqual(['at-risk']);
		expect(projectFlags(project({ budgetMinutes: 600, percentComplete: 30 }), 300, TODAY)).toEqual(['at-risk']);
		expect(projectFlags(project({ budgetMinutes: 600, percentComplete: 40 }), 300, TODAY)).toEqual([]);
		// half the time gone (March 1 → 19), a fifth of the work done
		expect(projectFlags(project({ start: '2026-03-01', due: '2026-03-19', percentComplete: 20 }), 0, TODAY)).toEqual(['at-risk']);
		expect(projectFlags(project({ start: '2026-03-01', due: '2026-03-19', percentComplete: 30 }), 0, TODAY)).toEqual([]);
		expect(projectFlags(project({ start: '2026-03-01', due: '2026-03-12', percentComplete: 0 }), 0, TODAY)).toEqual(['due-soon', 'at-risk']);
	});

	it('lists open projects soonest due first, filtered by status, customer, search and flag', () => {
		const projects = [
			project({ id: 'a', name: 'Office move', customerId: 'c1', due: '2026-04-01' }),
			project({ id: 'b', name: 'Firewall', customerId: 'c2', due: '2026-03-01' }),
			project({ id: 'c', name: 'Archive', status: 'done', due: '2026-01-01' }),
			project({ id: 'd', name: 'Backlog', due: null }),
			project({ id: 'e', name: 'Gone', deletedAt: '2026-01-01T00:00:00.000Z' }),
			// a template is what projects start from, not one of them
			project({ id: 'f', name: 'Office move (template)', template: true, due: '2026-02-01' })
		];
		const context = { today: TODAY, actualOf: (id: string) => (id === 'a' ? 120 : 0), customerName: (id: string | null) => (id === 'c1' ? 'Contoso' : '') };
		const ids = (query: Partial<typeof ALL_PROJECTS>) => portfolio(projects, { ...ALL_PROJECTS, ...query }, context).map((l) => l.project.id);
		expect(ids({})).toEqual(['b', 'a', 'd']);
		expect(ids({ status: '' })).toEqual(['c', 'b', 'a', 'd']);
		expect(ids({ status: 'done' })).toEqual(['c']);
		expect(ids({ customer: 'c2' })).toEqual(['b']);
		expect(ids({ search: 'contoso' })).toEqual(['a']);
		expect(ids({ flag: 'overdue' })).toEqual(['b']);
		expect(portfolio(projects, ALL_PROJECTS, context).find((l) => l.project.id === 'a')?.actualMinutes).toBe(120);
	});
});
