import { DELETED_AT, type ProjectionTable } from './projection-columns.js';

/**
 * The projection tables of project documents (migrations 018, 022). All three feed
 * the browsers: the portfolio, the task lists and "my tasks" read them
 * without opening each project's document.
 */
export const PROJECT_TABLES = {
	projects: {
		name: 'projects',
		columns: {
			id: ['id', 'text'],
			name: ['name', 'text'],
			customerId: ['customer_id', 'text'],
			contractId: ['contract_id', 'text'],
			status: ['status', 'text'],
			start: ['start_date', 'date'],
			due: ['due_date', 'date'],
			budgetMinutes: ['budget_minutes', 'integer'],
			budgetMoney: ['budget_money', 'bigint'],
			taskCount: ['task_count', 'integer'],
			tasksDone: ['tasks_done', 'integer'],
			estimateMinutes: ['estimate_minutes', 'integer'],
			percentComplete: ['percent_complete', 'integer'],
			template: ['template', 'boolean'],
			createdAt: ['created_at', 'timestamptz'],
			...DELETED_AT
		}
	},
	projectPhases: {
		name: 'project_phases',
		columns: {
			id: ['id', 'text'],
			projectId: ['project_id', 'text'],
			name: ['name', 'text'],
			rank: ['rank', 'text'],
			start: ['start_date', 'date'],
			due: ['due_date', 'date'],
			...DELETED_AT
		}
	},
	tasks: {
		name: 'tasks',
		columns: {
			id: ['id', 'text'],
			projectId: ['project_id', 'text'],
			phaseId: ['phase_id', 'text'],
			title: ['title', 'text'],
			description: ['description', 'text'],
			assignees: ['assignees', 'text[]'],
			estimateMinutes: ['estimate_minutes', 'integer'],
			start: ['start_date', 'date'],
			due: ['due_date', 'date'],
			dependencies: ['dependencies', 'text[]'],
			status: ['status', 'text'],
			rank: ['rank', 'text'],
			done: ['done', 'boolean'],
			milestone: ['milestone', 'boolean'],
			fixedPrice: ['fixed_price', 'bigint'],
			completedAt: ['completed_at', 'timestamptz'],
			ticketId: ['ticket_id', 'text'],
			...DELETED_AT
		}
	}
} satisfies Record<string, ProjectionTable>;
