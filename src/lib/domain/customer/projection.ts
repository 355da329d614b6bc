import type * as Y from 'yjs';
import { parseDocName } from '../documents/names.js';
import { projectCollection, validateRecord, type Problem } from '../documents/project.js';
import {
	contactRecord,
	customerRecord,
	deploymentRecord,
	deviceRecord,
	siteRecord,
	type ContactRecord,
	type CustomerRecord,
	type DeploymentRecord,
	type DeviceRecord,
	type SiteRecord
} from './schema.js';

export type CustomerRow = CustomerRecord;
export type SiteRow = SiteRecord & { customerId: string };
export type ContactRow = ContactRecord & { customerId: string };
export type DeploymentRow = DeploymentRecord & { customerId: string };
export type DeviceRow = DeviceRecord & { customerId: string };

export interface CustomerProjection {
	customers: CustomerRow[];
	sites: SiteRow[];
	contacts: ContactRow[];
	deployments: DeploymentRow[];
	devices: DeviceRow[];
	problems: Problem[];
}

/**
 * `T:customer:ID` → its rows. Pure and deterministic: the materializer writes these
 * to Postgres, the browser to its row index, so both see the same customer.
 */
export function projectCustomer(docName: string, doc: Y.Doc): CustomerProjection {
	const name = parseDocName(docName);
	if (!name || name.kind !== 'customer' || name.parts.length !== 1) {
		throw new Error(`not a customer document: ${docName}`);
	}
	const customerId = name.parts[0];
	const problems: Problem[] = [];
	const entity = doc.getMap('customer');
	// an empty document (created, never filled) has no customer yet: no rows, no problem
	const customer = entity.size > 0 ? validateRecord(customerRecord, 'customer', customerId, entity, problems) : undefined;
	return {
		customers: customer ? [customer] : [],
		sites: projectCollection(doc, 'sites', siteRecord, { customerId }, problems),
		contacts: projectCollection(doc, 'contacts', contactRecord, { customerId }, problems),
		deployments: projectCollection(doc, 'deployments', deploymentRecord, { customerId }, problems),
		devices: projectCollection(doc, 'devices', deviceRecord, { customerId }, problems),
		problems
	};
}
