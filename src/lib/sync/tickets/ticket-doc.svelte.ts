import type * as Y from 'yjs';
import { projectCollection } from '#lib/domain/documents/project.js';
import { setEntity } from '#lib/domain/documents/shape.js';
import * as edits from '#lib/domain/ticket/edits.js';
import type { WorkflowField } from '#lib/domain/ticket/events.js';
import { projectTicket, type TicketEventRow, type TicketNoteRow, type TicketRow, type TicketVisitRow } from '#lib/domain/ticket/projection.js';
import { liveAttachments, type Attachment } from '#lib/domain/documents/attachments.js';
import { checklistItemRecord, type ChecklistItemRecord, type TicketNoteRecord } from '#lib/domain/ticket/schema.js';
import type { DocHandle, DocState, PresenceUser } from '../doc-handle.svelte.js';
import { useSync } from '../engine.svelte.js';
import { OpenDoc, type OpenStatus } from '../open-doc.svelte.js';
import { DocFiles } from '../uploads/doc-files.js';
import { orderedChecklist, rankAtEnd, rankMoved } from './checklist.js';

/** Where the ticket page stands (see OpenStatus). */
export type TicketDocStatus = OpenStatus;

/** The fields of a ticket a person edits in place (the workflow fields are events: see `change`). */
export type TicketFields = Partial<Pick<TicketRow, 'title' | 'customerId' | 'siteId' | 'contactId' | 'type' | 'subType' | 'dueDate'>>;

/**
 * The ticket page's state: the live content of one ticket document, the
 * people viewing it, and every edit it offers. Edits go to the Y.Doc, which
 * saves to IndexedDB and syncs on its own: all of it works offline.
 */
export class TicketDoc {
	/** the ticket as lists read it (fields, current workflow values, number, SLA log) */
	row: TicketRow | null = $state.raw(null);
	/** the timeline: workflow changes in the order they count */
	events: TicketEventRow[] = $state.raw([]);
	/** the thread, oldest first */
	notes: TicketNoteRow[] = $state.raw([]);
	checklist: ChecklistItemRecord[] = $state.raw([]);
	visits: TicketVisitRow[] = $state.raw([]);
	/** attached files, oldest first */
	attachments: Attachment[] = $state.raw([]);
	private readonly opened = new OpenDoc();
	private hasContent = $state(false);

	constructor(readonly id: string) {}

	get status(): TicketDocStatus {
		return this.opened.status(this.hasContent);
	}

	/** where this document stands with the server (offline, syncing, synced) */
	get syncState(): DocState | null {
		return this.handle?.state ?? null;
	}

	/** changes made here the server has not acknowledged yet */
	get pending(): number {
		return this.handle?.pending ?? 0;
	}

	get viewers(): PresenceUser[] {
		return this.opened.viewers;
	}

	private get handle(): DocHandle | null {
		return this.opened.handle;
	}

	/** the co-edited description */
	get description(): Y.Text | null {
		return this.handle?.doc.getText('description') ?? null;
	}

	/** Opens the document (browser only; call from an effect). Returns the function that closes it. */
	open(): () => void {
		let frame = 0;
		const close = this.opened.open({
			name: (engine) => edits.ticketDocName(engine.session.tenant.id, this.id),
			// a burst of updates (typing, a first sync) is one read per frame
			onChange: () => {
				if (!frame) frame = requestAnimationFrame(() => ((frame = 0), this.read()));
			}
		});
		return () => {
			cancelAnimationFrame(frame);
			close();
		};
	}

	private read() {
		const handle = this.handle;
		if (!handle) return;
		const doc = handle.doc;
		this.hasContent = doc.getMap('ticket').size > 0;
		const projection = projectTicket(handle.name, doc);
		this.row = projection.tickets[0] ?? null;
		this.events = [...projection.ticketEvents].sort((a, b) => a.effectiveAt.localeCompare(b.effectiveAt) || a.id.localeCompare(b.id));
		this.notes = projection.ticketNotes.filter((n) => !n.deletedAt).sort((a, b) => String(a.at).localeCompare(String(b.at)) || a.id.localeCompare(b.id));
		this.checklist = orderedChecklist(projectCollection(doc, 'checklist', checklistItemRecord, {}, []));
		this.visits = projection.ticketVisits.filter((v) => !v.deletedAt);
		this.attachments = liveAttachments(doc);
	}

	private get doc(): Y.Doc {
		if (!this.handle) throw new Error('the ticket is not open');
		return this.handle.doc;
	}

	private get author(): edits.Author {
		return { by: this.opened.engine?.user.name ?? null };
	}

	/** Sets fields of the ticket; a blank title is refused (a ticket always has one). */
	update(fields: TicketFields): void {
		if (fields.title !== undefined && !fields.title.trim()) return;
		edits.updateTicket(this.doc, { ...fields, ...(fields.title !== undefined ? { title: fields.title.trim() } : {}) });
	}

	/** The customer changes its site and contact with it: those of the old customer no longer apply. */
	setCustomer(customerId: string | null): void {
		if (customerId === (this.row?.customerId ?? null)) return;
		edits.updateTicket(this.doc, { customerId, siteId: null, contactId: null });
	}

	setRelated(ids: string[]): void {
		const unique = [...new Set(ids.filter((id) => id !== this.id))];
		setEntity(this.doc, 'ticket', { relatedIds: unique.join(' ') || null });
	}

	/** A status, priority, queue or assignee change: an event in the log, never a field written over. */
	change(field: WorkflowField, value: string | null): void {
		edits.changeWorkflow(this.doc, { [field]: value }, this.author);
	}

	addNote(body: string, visibility: TicketNoteRecord['visibility']): boolean {
		if (!body.trim()) return false;
		edits.addNote(this.doc, { body, visibility }, this.author);
		return true;
	}

	addItem(text: string): boolean {
		if (!text.trim()) return false;
		edits.addChecklistItem(this.doc, text, rankAtEnd(this.checklist));
		return true;
	}

	tickItem(id: string, done: boolean): void {
		edits.setChecklistItem(this.doc, id, { done });
	}

	renameItem(id: string, text: string): void {
		if (text.trim()) edits.setChecklistItem(this.doc, id, { text: text.trim() });
	}

	removeItem(id: string): void {
		edits.setChecklistItem(this.doc, id, { deletedAt: new Date().toISOString() });
	}

	/** attached files: attach (kept on this device until uploaded), remove, each upload's state */
	readonly files = new DocFiles(() => this.doc, () => this.opened.engine, 'ticket');

	moveItem(id: string, direction: -1 | 1): void {
		const rank = rankMoved(this.checklist, id, direction);
		if (rank) edits.setChecklistItem(this.doc, id, { rank });
	}
}

/**
 * Creates a ticket on this device (works offline) and returns its id. It is in
 * the list at once, with a provisional label until the server numbers it.
 */
export async function createTicketHere(fields: edits.NewTicket): Promise<string> {
	const engine = await useSync();
	const id = edits.newTicketId();
	const name = edits.ticketDocName(engine.session.tenant.id, id);
	const handle = await engine.pool.acquire(name);
	try {
		edits.createTicket(handle.doc, id, fields, { by: engine.user.name });
		await engine.rows.project(name, handle.doc);
	} finally {
		engine.pool.release(handle);
	}
	return id;
}
