import { DELETED_AT, type ProjectionTable } from './projection-columns.js';

/** The projection tables of ticket documents (migrations 011, 012), and the catalog's ticket statuses and types. */
export const TICKET_TABLES = {
	// from the catalog: the statuses by name, what the portal offers and the questions it asks
	ticketStatuses: {
		name: 'ticket_statuses',
		feed: false,
		columns: {
			id: ['id', 'text'],
			name: ['name', 'text'],
			pausesSla: ['pauses_sla', 'boolean'],
			done: ['done', 'boolean'],
			rank: ['rank', 'text'],
			...DELETED_AT
		}
	},
	ticketTypes: {
		name: 'ticket_types',
		feed: false,
		columns: {
			id: ['id', 'text'],
			name: ['name', 'text'],
			subTypes: ['sub_types', 'text'],
			questions: ['questions', 'text'],
			portal: ['portal', 'boolean'],
			...DELETED_AT
		}
	},
	tickets: {
		name: 'tickets',
		columns: {
			id: ['id', 'text'],
			number: ['number', 'bigint'],
			title: ['title', 'text'],
			description: ['description', 'text'],
			customerId: ['customer_id', 'text'],
			siteId: ['site_id', 'text'],
			contactId: ['contact_id', 'text'],
			type: ['type', 'text'],
			subType: ['sub_type', 'text'],
			source: ['source', 'text'],
			dueDate: ['due_date', 'date'],
			relatedIds: ['related_ids', 'text[]'],
			alertKey: ['alert_key', 'text'],
			answers: ['answers', 'text'],
			status: ['status', 'text'],
			priority: ['priority', 'text'],
			assignee: ['assignee', 'text'],
			queue: ['queue', 'text'],
			statusSince: ['status_since', 'timestamptz'],
			firstResponseAt: ['first_response_at', 'timestamptz'],
			lastActivityAt: ['last_activity_at', 'timestamptz'],
			checklistDone: ['checklist_done', 'integer'],
			checklistTotal: ['checklist_total', 'integer'],
			slaLog: ['sla_log', 'jsonb'],
			createdAt: ['created_at', 'timestamptz'],
			createdBy: ['created_by', 'text'],
			...DELETED_AT
		}
	},
	// the timeline and the thread live in each ticket's document; Postgres keeps them for the portal, reports and rules
	ticketEvents: {
		name: 'ticket_events',
		feed: false,
		columns: {
			id: ['id', 'text'],
			ticketId: ['ticket_id', 'text'],
			at: ['at', 'timestamptz'],
			effectiveAt: ['effective_at', 'timestamptz'],
			by: ['by', 'text'],
			field: ['field', 'text'],
			value: ['value', 'text'],
			...DELETED_AT
		}
	},
	ticketNotes: {
		name: 'ticket_notes',
		feed: false,
		columns: {
			id: ['id', 'text'],
			ticketId: ['ticket_id', 'text'],
			body: ['body', 'text'],
			visibility: ['visibility', 'text'],
			by: ['by', 'text'],
			origin: ['origin', 'text'],
			at: ['at', 'timestamptz'],
			...DELETED_AT
		}
	},
	ticketVisits: {
		name: 'ticket_visits',
		columns: {
			id: ['id', 'text'],
			ticketId: ['ticket_id', 'text'],
			userId: ['user_id', 'text'],
			day: ['day', 'date'],
			startMinute: ['start_minute', 'integer'],
			minutes: ['minutes', 'integer'],
			...DELETED_AT
		}
	}
} satisfies Record<string, ProjectionTable>;
