// types only: erased from the browser bundle
import type { Proposal as StoredProposal } from '#lib/server/repositories/portal-proposals.js';
import { callApi, type JsonRecord } from '../api.js';

/** A proposal as `GET /api/v1/proposals` lists it. */
export type Proposal = JsonRecord<StoredProposal>;

const UNREACHABLE = 'Changes proposed in the portal live on the server, which cannot be reached now. They show once you are back online.';

/**
 * The changes a customer's contacts proposed in the portal and that wait for a
 * decision. They live in Postgres, not in the customer document: the portal
 * writes no documents, and accepting one has the server write it into the
 * document on the reviewer's behalf, so it needs a connection.
 */
export class CustomerProposals {
	pending: Proposal[] = $state.raw([]);
	loaded = $state(false);
	/** why the list could not be fetched */
	error = $state('');
	/** the proposal being decided */
	deciding: string | null = $state(null);
	/** what the last decision did, for the live region */
	message = $state('');

	constructor(readonly customerId: string) {}

	/** Follows the list (browser only; call from an effect): on start and whenever the browser is back online. */
	start(): () => void {
		const refresh = () => void this.refresh();
		refresh();
		window.addEventListener('online', refresh);
		return () => window.removeEventListener('online', refresh);
	}

	async refresh(): Promise<void> {
		const query = new URLSearchParams({ customerId: this.customerId, status: 'pending' });
		try {
			this.pending = (await callApi<{ proposals: Proposal[] }>(`/api/v1/proposals?${query}`, {}, UNREACHABLE)).proposals;
			this.error = '';
		} catch (error) {
			this.error = (error as Error).message;
		} finally {
			this.loaded = true;
		}
	}

	/** Accepts (the server writes the change into the document) or declines, with an optional note for the contact. */
	async decide(id: string, decision: 'accept' | 'decline', note: string): Promise<void> {
		this.deciding = id;
		try {
			const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ note }) };
			const { proposal } = await callApi<{ proposal: Proposal }>(`/api/v1/proposals/${encodeURIComponent(id)}/${decision}`, init, UNREACHABLE);
			this.pending = this.pending.filter((p) => p.id !== id);
			this.message = `${proposal.status === 'accepted' ? 'Accepted' : 'Declined'}: the suggestion of ${proposal.proposedBy}.`;
		} catch (error) {
			this.message = (error as Error).message;
			// someone else may have decided it meanwhile
			await this.refresh();
		} finally {
			this.deciding = null;
		}
	}
}
