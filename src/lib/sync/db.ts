import { Dexie, type EntityTable } from 'dexie';
import yDexie, { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import type { ContactRow, CustomerRow, DeploymentRow, DeviceRow, SiteRow } from '#lib/domain/customer/projection.js';
import type { ProjectPhaseRow, ProjectRow, TaskRow } from '#lib/domain/project/projection.js';
import type { TicketRow, TicketVisitRow } from '#lib/domain/ticket/projection.js';
import { repackStacks, type LocalStack } from './packed-stacks.js';

/**
 * The browser's local database (DESIGN.md §3): every Yjs document the user has
 * opened (y-dexie keeps its updates), the row index that lists read, the
 * documents kept offline, and a few facts about this replica. One database per
 * tenant and user, so a shared computer never shows one person's data to another.
 */

/** Every row in the index names the document it came from, so a document's rows can be replaced as a set. */
type Indexed<R> = R & { docName: string };

export type LocalCustomer = Indexed<CustomerRow> & { nameKey: string };
export type LocalSite = Indexed<SiteRow>;
export type LocalContact = Indexed<ContactRow>;
export type LocalDeployment = Indexed<DeploymentRow>;
export type LocalDevice = Indexed<DeviceRow>;
export type LocalTicket = Indexed<TicketRow>;
export type LocalTicketVisit = Indexed<TicketVisitRow>;
export type LocalProject = Indexed<ProjectRow>;
export type LocalProjectPhase = Indexed<ProjectPhaseRow>;
export type LocalTask = Indexed<TaskRow>;

/** A document held locally; its content is the y-dexie property `doc` (read through `openYDoc`). */
export interface DocRecord {
	name: string;
	kind: string;
	createdAt: string;
}

/** A document the person keeps offline; `downloadedAt` is set once the server's copy is stored here. */
export interface PinRecord {
	name: string;
	pinnedAt: string;
	downloadedAt: string | null;
	/**
	 * Kept because it is the person's work (a ticket assigned to them or on
	 * their day), not pinned by hand: dropped once it no longer is.
	 */
	auto?: boolean;
}

/**
 * A contract document's bytes waiting to reach the server: its attachment record is
 * already in the document, so only the upload is owed. `error` is set when the server
 * refused it for good (the person removes it).
 */
export interface UploadRecord {
	fileId: string;
	name: string;
	blob: Blob;
	queuedAt: string;
	error: string | null;
}

export interface MetaRecord {
	key: string;
	value: unknown;
}

export type LocalDb = Dexie & {
	docs: EntityTable<DocRecord, 'name'>;
	customers: EntityTable<LocalCustomer, 'id'>;
	sites: EntityTable<LocalSite, 'id'>;
	contacts: EntityTable<LocalContact, 'id'>;
	deployments: EntityTable<LocalDeployment, 'id'>;
	devices: EntityTable<LocalDevice, 'id'>;
	tickets: EntityTable<LocalTicket, 'id'>;
	ticketVisits: EntityTable<LocalTicketVisit, 'id'>;
	projects: EntityTable<LocalProject, 'id'>;
	projectPhases: EntityTable<LocalProjectPhase, 'id'>;
	tasks: EntityTable<LocalTask, 'id'>;
	stacks: EntityTable<LocalStack, 'docName'>;
	meta: EntityTable<MetaRecord, 'key'>;
	pins: EntityTable<PinRecord, 'name'>;
	uploads: EntityTable<UploadRecord, 'fileId'>;
};

const PREFIX = 'stackdesk';

export function dbName(tenantId: string, userId: string): string {
	return `${PREFIX}-${tenantId}-${userId}`;
}

export function openDb(tenantId: string, userId: string): LocalDb {
	const db = new Dexie(dbName(tenantId, userId), { addons: [yDexie] }) as LocalDb;
	db.version(1).stores({
		docs: 'name, kind, doc: Y.Doc',
		customers: 'id, nameKey, status, createdAt, docName',
		sites: 'id, customerId, docName',
		contacts: 'id, customerId, docName',
		meta: 'key'
	});
	// 2: the documents kept offline
	db.version(2).stores({ pins: 'name, pinnedAt' });
	// 3: the stack (deployments) and devices of customers; the feed fills them from the start
	db.version(3)
		.stores({ deployments: 'id, customerId, productId, docName', devices: 'id, customerId, type, docName' })
		.upgrade((tx) => tx.table('meta').delete('feedCursor'));
	// 4: contract documents attached offline, until they are uploaded
	db.version(4).stores({ uploads: 'fileId, queuedAt' });
	// 5: each customer's stack packed, which the catalog list reads instead of every deployment
	db.version(5)
		.stores({ stacks: 'docName' })
		.upgrade((tx) => repackStacks({ deployments: tx.table('deployments'), customers: tx.table('customers'), stacks: tx.table('stacks') }));
	// 6: tickets and their visits (the dispatch board), indexed by what lists and boards filter on;
	// the feed starts over, for the ticket rows it sent before this version took them
	db.version(6)
		.stores({
			tickets: 'id, docName, status, queue, assignee, customerId, number',
			ticketVisits: 'id, docName, ticketId, day, userId'
		})
		.upgrade((tx) => tx.table('meta').delete('feedCursor'));
	// 7: projects, their phases and tasks (the portfolio and task lists); the feed starts over for them too
	db.version(7)
		.stores({
			projects: 'id, docName, customerId, status',
			projectPhases: 'id, docName, projectId',
			tasks: 'id, docName, projectId, status'
		})
		.upgrade((tx) => tx.table('meta').delete('feedCursor'));
	// 8: tasks by the ticket they were made from (a ticket's page links to its task); the rows already hold it
	db.version(8).stores({ tasks: 'id, docName, projectId, status, ticketId' });
	return db;
}

/**
 * The Y.Doc of a document, loaded from IndexedDB. y-dexie destroys a document
 * whose parent row is missing, so the row is created first. Release it with
 * `DexieYProvider.release(doc)`.
 */
export async function openYDoc(db: LocalDb, name: string, kind: string): Promise<Y.Doc> {
	// a read first: the row is there on every open but the first, and a read-write transaction costs a commit
	if (!(await db.docs.get(name))) {
		await db.transaction('rw', db.docs, async () => {
			if (!(await db.docs.get(name))) await db.docs.add({ name, kind, createdAt: new Date().toISOString() });
		});
	}
	const doc = DexieYProvider.getOrCreateDocument(db, 'docs', 'doc', name);
	await DexieYProvider.load(doc).whenLoaded;
	return doc;
}

/**
 * Resolves once IndexedDB has stored every update y-dexie took from `doc` so
 * far. y-dexie writes each update in a read-write transaction of its own, and
 * IndexedDB starts a read of the same table only after every read-write
 * transaction created before it has finished.
 */
export async function whenStored(db: LocalDb, doc: Y.Doc): Promise<void> {
	const { updatesTable } = doc.meta as { updatesTable: string };
	await db.table(updatesTable).count();
}

export async function getMeta<T>(db: LocalDb, key: string): Promise<T | undefined> {
	return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: LocalDb, key: string, value: unknown): Promise<void> {
	await db.meta.put({ key, value });
}

/** Deletes every Stackdesk database in this browser except `keep` (another person's, or all on logout); resolves to how many. */
export async function deleteOtherDbs(keep?: string): Promise<number> {
	const names = (await Dexie.getDatabaseNames()).filter((n) => n.startsWith(`${PREFIX}-`) && n !== keep);
	await Promise.all(names.map((n) => Dexie.delete(n)));
	return names.length;
}
