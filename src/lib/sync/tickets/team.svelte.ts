import type { Role } from '#lib/domain/auth/roles.js';
import { getMeta, setMeta, type LocalDb } from '../db.js';

/** A person of the company, as assignee pickers and boards show them. */
export interface TeamMember {
	userId: string;
	name: string;
	email: string;
	role: Role;
}

const KEY = 'team';

/**
 * The company's people (`GET /api/v1/people`), kept in the local database so
 * a ticket's assignee shows by name, and can be changed, offline. Loaded once
 * per sign-in; `refresh` asks again.
 */
export class Team {
	members: TeamMember[] = $state.raw([]);
	private readonly names = $derived(new Map(this.members.map((m) => [m.userId, m.name])));

	constructor(private readonly db: LocalDb) {}

	/** A person's name; a short id for someone no longer in the company. */
	nameOf(userId: string | null): string | null {
		if (!userId) return null;
		return this.names.get(userId) ?? `Former member ${userId.slice(-4)}`;
	}

	async refresh(): Promise<void> {
		const kept = await getMeta<TeamMember[]>(this.db, KEY);
		if (kept && this.members.length === 0) this.members = kept;
		if (!navigator.onLine) return;
		try {
			const response = await fetch('/api/v1/people');
			if (!response.ok) return;
			const { people } = (await response.json()) as { people: TeamMember[] };
			const members = people.map(({ userId, name, email, role }) => ({ userId, name: name || email, email, role }));
			this.members = members;
			await setMeta(this.db, KEY, members);
		} catch {
			// offline after all: the kept list stands
		}
	}
}
