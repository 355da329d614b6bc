import type * as Y from 'yjs';
import { projectCollection, type Problem } from '../documents/project.js';
import { attachmentRecord, customerContractRecord } from './schema.js';

/**
 * `T:contracts` → its rows: every customer contract (agreements and the
 * customers' third-party contracts) and their attachments. Pure and
 * deterministic, shared by the materializer and the browser.
 */
export function projectContracts(doc: Y.Doc) {
	const problems: Problem[] = [];
	return {
		customerContracts: projectCollection(doc, 'customerContracts', customerContractRecord, {}, problems),
		attachments: projectCollection(doc, 'attachments', attachmentRecord, {}, problems),
		problems
	};
}

export type ContractsProjection = ReturnType<typeof projectContracts>;
