import type { Db } from '../db/index.js';
import { dayText } from './sql-dates.js';

/** A dated thing people must act on before a deadline: a contract's renewal or a device's warranty. */
export interface DatedItem {
	kind: 'customer-contract' | 'vendor-contract' | 'warranty';
	id: string;
	name: string;
	/** the customer (customer contracts, devices) or vendor (vendor contracts) */
	counterparty: string | null;
	customerId: string | null;
	start: string | null;
	termMonths: number | null;
	renewalDate: string | null;
	autoRenew: boolean;
	noticeDays: number | null;
	reminderDays: string | null;
}

const TERM = `${dayText('start_date')} AS start, term_months AS "termMonths", ${dayText('renewal_date')} AS "renewalDate",
	auto_renew AS "autoRenew", notice_days AS "noticeDays", reminder_days AS "reminderDays"`;

/**
 * Every live contract of a tenant with its dates, and every device with a
 * warranty expiry (a warranty is a term that ends, with no notice), in one
 * statement, for the reminder scan and the calendar feed.
 */
export function datedItems(db: Db, tenantId: string): Promise<DatedItem[]> {
	return db.query(
		`SELECT 'customer-contract' AS kind, c.id, c.name, cu.name AS counterparty, c.customer_id AS "customerId", ${TERM}
		 FROM customer_contracts c LEFT JOIN customers cu ON cu.tenant_id = c.tenant_id AND cu.id = c.customer_id
		 WHERE c.tenant_id = $1 AND c.deleted_at IS NULL
		 UNION ALL
		 SELECT 'vendor-contract', v.id, v.name, ve.name, NULL, ${TERM}
		 FROM vendor_contracts v LEFT JOIN vendors ve ON ve.tenant_id = v.tenant_id AND ve.id = v.vendor_id
		 WHERE v.tenant_id = $1 AND v.deleted_at IS NULL
		 UNION ALL
		 SELECT 'warranty', d.id, d.name, cu.name, d.customer_id, NULL, NULL, ${dayText('d.warranty_expiry')}, false, 0, NULL
		 FROM devices d LEFT JOIN customers cu ON cu.tenant_id = d.tenant_id AND cu.id = d.customer_id
		 WHERE d.tenant_id = $1 AND d.deleted_at IS NULL AND d.warranty_expiry IS NOT NULL`,
		[tenantId]
	);
}
