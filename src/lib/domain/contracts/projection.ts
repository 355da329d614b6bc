import type * as Y from 'yjs';
import { projectCollection, type Problem } from '../documents/project.js';
import { planAssociationRecord, rateOverrideRecord } from './billing-schema.js';
import { attachmentRecord, customerContractRecord } from './schema.js';

/**
 * `T:contracts` → its rows: every customer contract (agreements and the
 * customers' third-party contracts) and their attachments, the service plans
 * associated with customers and rate overrides. Pure and
 * deterministic, shared by the materializer and the browser.
 */
export function projectContracts(doc: Y.Doc) {
	const problems: Problem[] = [];
	return {
		customerContracts: projectCollection(doc, 'customerContracts', customerContractRecord, {}, problems),
		attachments: projectCollection(doc, 'attachments', attachmentRecord, {}, problems),
		planAssociations: projectCollection(doc, 'planAssociations', planAssociationRecord, {}, problems),
		rateOverrides: projectCollection(doc, 'rateOverrides', rateOverrideRecord, {}, problems),
		problems
	};
}

export type ContractsProjection = ReturnType<typeof projectContracts>;
