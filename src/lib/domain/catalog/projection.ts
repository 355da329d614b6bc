import type * as Y from 'yjs';
import { projectCollection, type Problem } from '../documents/project.js';
import { attachmentRecord } from '../contracts/schema.js';
import { statusRecord, ticketTypeRecord } from '../servicedesk/settings.js';
import { programRecord, roleRecord, servicePlanRecord, taxRateRecord } from './billing-schema.js';
import { categoryRecord, customFieldRecord, productRecord, vendorContractRecord, vendorRecord } from './schema.js';

/**
 * `T:catalog` → its rows: the stack (vendors, categories, products), the MSP's
 * vendor contracts with their attachments, the tenant's custom field
 * definitions, and the ticket statuses and types (the portal names them and
 * asks the types' questions). Pure and deterministic, shared by the
 * materializer and the browser. Also what billing prices by: service plans,
 * program levels, roles and tax rates.
 */
export function projectCatalog(doc: Y.Doc) {
	const problems: Problem[] = [];
	return {
		vendors: projectCollection(doc, 'vendors', vendorRecord, {}, problems),
		categories: projectCollection(doc, 'categories', categoryRecord, {}, problems),
		products: projectCollection(doc, 'products', productRecord, {}, problems),
		vendorContracts: projectCollection(doc, 'vendorContracts', vendorContractRecord, {}, problems),
		customFields: projectCollection(doc, 'customFields', customFieldRecord, {}, problems),
		attachments: projectCollection(doc, 'attachments', attachmentRecord, {}, problems),
		ticketStatuses: projectCollection(doc, 'ticketStatuses', statusRecord, {}, problems),
		ticketTypes: projectCollection(doc, 'ticketTypes', ticketTypeRecord, {}, problems),
		servicePlans: projectCollection(doc, 'servicePlans', servicePlanRecord, {}, problems),
		programs: projectCollection(doc, 'programs', programRecord, {}, problems),
		roles: projectCollection(doc, 'roles', roleRecord, {}, problems),
		taxRates: projectCollection(doc, 'taxRates', taxRateRecord, {}, problems),
		problems
	};
}

export type CatalogProjection = ReturnType<typeof projectCatalog>;
