/**
 * What a refusal from the server means for the app:
 * - signed-out: the session ended, log in again;
 * - forbidden / missing: this one document cannot be opened;
 * - retry: the token could not be fetched (a network blip), try again on the next connection;
 * - reload: the server wants a newer client ("please-reload"), or a reason this build does not know.
 */
export type Refusal = 'signed-out' | 'forbidden' | 'missing' | 'retry' | 'reload';

export function classifyRefusal(reason: string): Refusal {
	if (reason === 'unauthenticated') return 'signed-out';
	if (reason === 'forbidden') return 'forbidden';
	if (reason === 'invalid-document-name') return 'missing';
	// the provider's own wording when the token function threw
	if (reason.startsWith('Failed to get token')) return reason.includes('unauthenticated') ? 'signed-out' : 'retry';
	return 'reload';
}
