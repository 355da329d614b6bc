/**
 * The event log of a ticket's workflow fields (status, priority, assignee,
 * queue; DESIGN.md §2): append-only `{id, at, by, field, value}` records. The
 * current value of a field is its event with the greatest (time, id), so a
 * change made offline hours ago loses to a later one by time, whichever Yjs
 * client wrote last. A device clock can be wrong: an event's time is at most
 * the moment the server first received it (published in the ledger), so every
 * replica that knows that moment orders the log the same way.
 */

export const WORKFLOW_FIELDS = ['status', 'priority', 'assignee', 'queue'] as const;
export type WorkflowField = (typeof WORKFLOW_FIELDS)[number];

export interface TicketEvent {
	id: string;
	/** ISO instant the device said it happened */
	at: string;
	by: string | null;
	field: WorkflowField;
	value: string | null;
}

/** event id → ISO instant the server first received it */
export type FirstSeen = ReadonlyMap<string, string>;

/** When an event counts as having happened: its own time, unless the server saw it earlier. */
export function effectiveAt(event: TicketEvent, firstSeen?: FirstSeen): string {
	const seen = firstSeen?.get(event.id);
	return seen !== undefined && seen < event.at ? seen : event.at;
}

// ISO instants of one format compare as text; ids break ties so every replica picks the same event
const later = (a: { at: string; id: string }, b: { at: string; id: string }) => a.at > b.at || (a.at === b.at && a.id > b.id);

/** The log in the order it counts: oldest first, by (effective time, id). */
export function orderedEvents(events: Iterable<TicketEvent>, firstSeen?: FirstSeen): (TicketEvent & { effectiveAt: string })[] {
	return [...events]
		.map((event) => ({ ...event, effectiveAt: effectiveAt(event, firstSeen) }))
		.sort((a, b) => (later({ at: a.effectiveAt, id: a.id }, { at: b.effectiveAt, id: b.id }) ? 1 : -1));
}

/** Each workflow field's current value (null where the log never set it). */
export function currentValues(events: Iterable<TicketEvent>, firstSeen?: FirstSeen): Record<WorkflowField, string | null> {
	const best = new Map<WorkflowField, { at: string; id: string; value: string | null }>();
	for (const event of events) {
		const candidate = { at: effectiveAt(event, firstSeen), id: event.id, value: event.value };
		const current = best.get(event.field);
		if (!current || later(candidate, current)) best.set(event.field, candidate);
	}
	return Object.fromEntries(WORKFLOW_FIELDS.map((field) => [field, best.get(field)?.value ?? null])) as Record<WorkflowField, string | null>;
}

/**
 * The spans a field held each value, in effective order: what the SLA clock
 * reads for pauses (a status) and the timeline shows. Each span ends where the
 * next change of that field starts; the last is open (end null).
 */
export function valueSpans(events: Iterable<TicketEvent>, field: WorkflowField, firstSeen?: FirstSeen): { value: string | null; start: string; end: string | null }[] {
	const changes = orderedEvents(events, firstSeen).filter((e) => e.field === field);
	return changes.map((e, i) => ({ value: e.value, start: e.effectiveAt, end: changes[i + 1]?.effectiveAt ?? null }));
}
