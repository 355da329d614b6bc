/**
 * Inviting a contact to the customer portal (POST /api/v1/portal/invitations).
 * The server reads the contact from its projections, so a contact created
 * offline can only be invited once it has synced: the message says so.
 */
export class PortalInvite {
	state = $state<'idle' | 'sending' | 'sent' | 'failed'>('idle');
	link = $state('');
	message = $state('');

	async send(customerId: string, contactId: string): Promise<void> {
		this.state = 'sending';
		try {
			const response = await fetch('/api/v1/portal/invitations', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ customerId, contactId })
			});
			const body = await response.json();
			if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
			this.link = body.invitation.acceptUrl;
			this.message = `Invitation sent to ${body.invitation.email}.`;
			this.state = 'sent';
		} catch (error) {
			this.message = navigator.onLine
				? error instanceof Error ? error.message : String(error)
				: 'You are offline: invite this contact once you are back online.';
			this.state = 'failed';
		}
	}
}
