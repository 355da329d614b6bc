import { DELETED_AT, type ProjectionTable } from './projection-columns.js';

/**
 * The projection tables of timesheet documents (migration 019). None goes out
 * in the rows feed: the feed is tenant-wide, and a person's week is theirs and
 * the managers' (DESIGN.md §2) — a browser projects the weeks it holds itself.
 */
// every row names the person and the ISO week of the document it comes from
const OF_WEEK: ProjectionTable['columns'] = { id: ['id', 'text'], userId: ['user_id', 'text'], week: ['week', 'text'] };

export const TIMESHEET_TABLES = {
	timesheets: {
		name: 'timesheets',
		feed: false,
		columns: {
			...OF_WEEK,
			status: ['status', 'text'],
			submittedAt: ['submitted_at', 'timestamptz'],
			...DELETED_AT
		}
	},
	timeEntries: {
		name: 'time_entries',
		feed: false,
		columns: {
			...OF_WEEK,
			date: ['date', 'date'],
			startMinute: ['start_minute', 'integer'],
			endMinute: ['end_minute', 'integer'],
			minutes: ['minutes', 'integer'],
			ticketId: ['ticket_id', 'text'],
			taskId: ['task_id', 'text'],
			projectId: ['project_id', 'text'],
			customerId: ['customer_id', 'text'],
			workRole: ['work_role', 'text'],
			billable: ['billable', 'boolean'],
			notes: ['notes', 'text'],
			createdAt: ['created_at', 'timestamptz'],
			...DELETED_AT
		}
	},
	expenses: {
		name: 'expenses',
		feed: false,
		columns: {
			...OF_WEEK,
			date: ['date', 'date'],
			category: ['category', 'text'],
			amount: ['amount', 'bigint'],
			billable: ['billable', 'boolean'],
			markupBasisPoints: ['markup_basis_points', 'integer'],
			receiptFileId: ['receipt_file_id', 'text'],
			customerId: ['customer_id', 'text'],
			ticketId: ['ticket_id', 'text'],
			projectId: ['project_id', 'text'],
			notes: ['notes', 'text'],
			createdAt: ['created_at', 'timestamptz'],
			...DELETED_AT
		}
	}
} satisfies Record<string, ProjectionTable>;
