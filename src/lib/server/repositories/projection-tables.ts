import { DELETED_AT, type ProjectionTable } from './projection-columns.js';
import { BILLING_TABLES, BILLING_TERMS } from './billing-tables.js';
import { PROJECT_TABLES } from './project-tables.js';
import { TICKET_TABLES } from './ticket-tables.js';
import { TIMESHEET_TABLES } from './timesheet-tables.js';

export type { ProjectionTable } from './projection-columns.js';

/**
 * The projection tables and their typed columns (field → [column, SQL type]).
 * One list drives the materializer's upserts, the rows feed and rematerialize.
 */

// the term, renewal and notice columns vendor and customer contracts share (termFields in the catalog schema)
const TERM: ProjectionTable['columns'] = {
	start: ['start_date', 'date'],
	termMonths: ['term_months', 'integer'],
	renewalDate: ['renewal_date', 'date'],
	autoRenew: ['auto_renew', 'boolean'],
	noticeDays: ['notice_days', 'integer'],
	amountPerPeriod: ['amount_per_period', 'bigint'],
	period: ['period', 'text'],
	reminderDays: ['reminder_days', 'text'],
	notes: ['notes', 'text'],
	...DELETED_AT
};

export const PROJECTION_TABLES = {
	customers: {
		name: 'customers',
		columns: {
			id: ['id', 'text'],
			name: ['name', 'text'],
			status: ['status', 'text'],
			industry: ['industry', 'text'],
			website: ['website', 'text'],
			phone: ['phone', 'text'],
			email: ['email', 'text'],
			referral: ['referral', 'text'],
			abbreviation: ['abbreviation', 'text'],
			hourlyRate: ['hourly_rate', 'bigint'],
			taxRegion: ['tax_region', 'text'],
			currency: ['currency', 'text'],
			paymentTermsDays: ['payment_terms_days', 'integer'],
			taxId: ['tax_id', 'text'],
			classification: ['classification', 'text'],
			leadTechId: ['lead_tech_id', 'text'],
			createdAt: ['created_at', 'timestamptz'],
			...DELETED_AT
		}
	},
	sites: {
		name: 'sites',
		columns: {
			id: ['id', 'text'],
			customerId: ['customer_id', 'text'],
			name: ['name', 'text'],
			address1: ['address1', 'text'],
			address2: ['address2', 'text'],
			city: ['city', 'text'],
			region: ['region', 'text'],
			postalCode: ['postal_code', 'text'],
			country: ['country', 'text'],
			phone: ['phone', 'text'],
			hours: ['hours', 'text'],
			...DELETED_AT
		}
	},
	contacts: {
		name: 'contacts',
		columns: {
			id: ['id', 'text'],
			customerId: ['customer_id', 'text'],
			siteId: ['site_id', 'text'],
			name: ['name', 'text'],
			title: ['title', 'text'],
			email: ['email', 'text'],
			phone: ['phone', 'text'],
			mobile: ['mobile', 'text'],
			portalAccess: ['portal_access', 'text'],
			...DELETED_AT
		}
	},
	deployments: {
		name: 'deployments',
		columns: {
			id: ['id', 'text'],
			customerId: ['customer_id', 'text'],
			productId: ['product_id', 'text'],
			quantity: ['quantity', 'integer'],
			since: ['since', 'date'],
			siteId: ['site_id', 'text'],
			notes: ['notes', 'text'],
			...DELETED_AT
		}
	},
	devices: {
		name: 'devices',
		columns: {
			id: ['id', 'text'],
			customerId: ['customer_id', 'text'],
			name: ['name', 'text'],
			type: ['type', 'text'],
			make: ['make', 'text'],
			model: ['model', 'text'],
			serial: ['serial', 'text'],
			os: ['os', 'text'],
			purchaseDate: ['purchase_date', 'date'],
			warrantyExpiry: ['warranty_expiry', 'date'],
			contactId: ['contact_id', 'text'],
			siteId: ['site_id', 'text'],
			location: ['location', 'text'],
			notes: ['notes', 'text'],
			...DELETED_AT
		}
	},
	vendors: {
		name: 'vendors',
		columns: {
			id: ['id', 'text'],
			name: ['name', 'text'],
			website: ['website', 'text'],
			phone: ['phone', 'text'],
			email: ['email', 'text'],
			accountNumber: ['account_number', 'text'],
			notes: ['notes', 'text'],
			...DELETED_AT
		}
	},
	categories: {
		name: 'categories',
		columns: { id: ['id', 'text'], name: ['name', 'text'], ...DELETED_AT }
	},
	products: {
		name: 'products',
		columns: {
			id: ['id', 'text'],
			name: ['name', 'text'],
			vendorId: ['vendor_id', 'text'],
			categoryId: ['category_id', 'text'],
			sku: ['sku', 'text'],
			unitCost: ['unit_cost', 'bigint'],
			unitPrice: ['unit_price', 'bigint'],
			unit: ['unit', 'text'],
			description: ['description', 'text'],
			...DELETED_AT
		}
	},
	vendorContracts: {
		name: 'vendor_contracts',
		columns: {
			id: ['id', 'text'],
			name: ['name', 'text'],
			vendorId: ['vendor_id', 'text'],
			productIds: ['product_ids', 'text[]'],
			...TERM
		}
	},
	customFields: {
		name: 'custom_fields',
		columns: {
			id: ['id', 'text'],
			label: ['label', 'text'],
			type: ['type', 'text'],
			choices: ['choices', 'text'],
			rank: ['rank', 'text'],
			...DELETED_AT
		}
	},
	customerContracts: {
		name: 'customer_contracts',
		columns: {
			id: ['id', 'text'],
			customerId: ['customer_id', 'text'],
			name: ['name', 'text'],
			party: ['party', 'text'],
			type: ['type', 'text'],
			vendorName: ['vendor_name', 'text'],
			slaPolicyId: ['sla_policy_id', 'text'],
			...TERM,
			...BILLING_TERMS
		}
	},
	attachments: {
		name: 'attachments',
		columns: {
			id: ['id', 'text'],
			contractId: ['contract_id', 'text'],
			fileId: ['file_id', 'text'],
			name: ['name', 'text'],
			size: ['size', 'bigint'],
			mime: ['mime', 'text'],
			uploadedAt: ['uploaded_at', 'timestamptz'],
			uploadedBy: ['uploaded_by', 'text'],
			...DELETED_AT
		}
	},
	...TICKET_TABLES,
	...PROJECT_TABLES,
	...TIMESHEET_TABLES,
	...BILLING_TABLES
} satisfies Record<string, ProjectionTable>;

export type ProjectionTableName = keyof typeof PROJECTION_TABLES;
export const PROJECTION_TABLE_NAMES = Object.keys(PROJECTION_TABLES) as ProjectionTableName[];
