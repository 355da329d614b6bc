import type { Role } from '#lib/domain/auth/roles.js';
import { getMeta, setMeta, type LocalDb } from '../db.js';

/** A member of the company as the service desk names them (assignee, lead tech, a row of the dispatch board). */
export interface StaffMember {
	userId: string;
	name: string;
	email: string;
	role: Role;
}

const KEY = 'staff';

/**
 * The company's people, from `GET /api/v1/people` (memberships live in
 * Postgres, not in a document), kept in the local database so boards and
 * pickers name people offline as they did online.
 */
export class StaffDirectory {
	members: StaffMember[] = $state.raw([]);
	/** the list has been read, kept or fetched */
	loaded = $state(false);

	async load(db: LocalDb): Promise<void> {
		const kept = await getMeta<StaffMember[]>(db, KEY);
		if (kept) this.members = kept;
		this.loaded = kept !== undefined || !navigator.onLine;
		try {
			const response = await fetch('/api/v1/people', { credentials: 'same-origin' });
			if (!response.ok) return;
			const { people } = (await response.json()) as { people: StaffMember[] };
			this.members = people.map(({ userId, name, email, role }) => ({ userId, name, email, role }));
			await setMeta(db, KEY, this.members);
		} catch {
			// offline after all: the kept list stands
		} finally {
			this.loaded = true;
		}
	}

	/** A person's name, or a stand-in for someone no longer in the company (their id stays on old tickets). */
	nameOf(userId: string | null | undefined): string {
		if (!userId) return 'Nobody';
		return this.members.find((m) => m.userId === userId)?.name ?? 'Former member';
	}
}

const directories = new WeakMap<LocalDb, StaffDirectory>();

/** The signed-in person's company's staff, loaded once per sign-in and shared by every page. */
export function staffDirectory(db: LocalDb): StaffDirectory {
	let directory = directories.get(db);
	if (!directory) {
		directory = new StaffDirectory();
		directories.set(db, directory);
		void directory.load(db);
	}
	return directory;
}
