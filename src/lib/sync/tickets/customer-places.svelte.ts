import { liveQuery } from 'dexie';
import type { LocalContact, LocalDb, LocalSite } from '../db.js';

/** The live sites and contacts of one customer, from the row index (a ticket's site and contact pickers). */
export class CustomerPlaces {
	sites: LocalSite[] = $state.raw([]);
	contacts: LocalContact[] = $state.raw([]);

	/** Follows the customer's rows; returns the function that stops. */
	follow(db: LocalDb, customerId: string | null): () => void {
		if (!customerId) {
			this.sites = [];
			this.contacts = [];
			return () => {};
		}
		const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
		const subscription = liveQuery(() =>
			Promise.all([db.sites.where('customerId').equals(customerId).toArray(), db.contacts.where('customerId').equals(customerId).toArray()])
		).subscribe({
			next: ([sites, contacts]) => {
				this.sites = sites.filter((s) => !s.deletedAt).sort(byName);
				this.contacts = contacts.filter((c) => !c.deletedAt).sort(byName);
			},
			error: (error) => console.warn('tickets: could not read the customer’s sites and contacts', error)
		});
		return () => subscription.unsubscribe();
	}
}
