/**
 * The projection tables and their typed columns (field → [column, SQL type]).
 * One list drives the materializer's upserts, the rows feed and rematerialize.
 */
export interface ProjectionTable {
	name: string;
	columns: Record<string, [column: string, type: string]>;
}

const DELETED_AT: ProjectionTable['columns'] = { deletedAt: ['deleted_at', 'timestamptz'] };

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
			currency: ['currency', 'text'],
			paymentTermsDays: ['payment_terms_days', 'integer'],
			taxId: ['tax_id', 'text'],
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
	}
} satisfies Record<string, ProjectionTable>;

export type ProjectionTableName = keyof typeof PROJECTION_TABLES;
export const PROJECTION_TABLE_NAMES = Object.keys(PROJECTION_TABLES) as ProjectionTableName[];
