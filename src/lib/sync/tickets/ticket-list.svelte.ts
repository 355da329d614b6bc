import { v7 as uuidv7 } from 'uuid';
import { TRIAGE_QUEUE } from '#lib/domain/servicedesk/read.js';
import { getMeta, setMeta, type LocalTicket } from '../db.js';
import { DeskLink, type DeskData } from './desk-data.svelte.js';
import { slaBadge, slaLeft, type SlaBadge } from './sla-badge.js';
import { ALL_OPEN, filterTickets, sameQuery, type FilterContext, type TicketQuery } from './ticket-filter.js';
import { builtInViews, deleteFilter, parseSavedFilters, saveFilter, type SavedFilter, type TicketView } from './views.js';

export const PAGE_SIZE = 50;
const FILTERS_KEY = 'ticketFilters';
/** performance marks the bench reads: a query changed → its list rendered */
export const QUERY_MARK = 'tickets:query';
export const RENDER_MEASURE = 'tickets:render';

/**
 * The service desk list's state: every ticket row in memory (DeskData),
 * the query of the current view or saved filter, what it lets through, and
 * the page of it on screen (only a page is rendered, so 20,000 tickets stay
 * instant).
 */
export class TicketList {
	query: TicketQuery = $state({ ...ALL_OPEN, assignee: 'me' });
	saved: SavedFilter[] = $state.raw([]);
	page = $state(0);
	private readonly link = new DeskLink();

	get data(): DeskData | null {
		return this.link.data;
	}

	readonly views: TicketView[] = $derived(builtInViews(this.data?.desk?.queues ?? [TRIAGE_QUEUE]));
	/** the view or saved filter the query is, if any */
	readonly current: TicketView | null = $derived([...this.views, ...this.saved].find((v) => sameQuery(v.query, this.query)) ?? null);
	readonly matches: LocalTicket[] = $derived(this.data ? filterTickets(this.data.tickets.rows, this.query, this.context(this.data)) : []);
	readonly pages = $derived(Math.max(1, Math.ceil(this.matches.length / PAGE_SIZE)));
	readonly visible: LocalTicket[] = $derived(this.matches.slice(this.page * PAGE_SIZE, (this.page + 1) * PAGE_SIZE));
	readonly loaded = $derived(this.data?.tickets.loaded ?? false);
	/** tickets that are not deleted, for "no tickets at all" */
	readonly total = $derived(this.data?.tickets.rows.filter((r) => !r.deletedAt).length ?? 0);

	private context(data: DeskData): FilterContext<LocalTicket> {
		const sla = data.sla;
		// a sweep of fresh readings re-sorts by time left
		void sla.version;
		return { me: data.me, done: data.done, searchText: data.searchText, slaLeft: (row) => slaLeft(sla.reading(row)) };
	}

	/** Follows the tickets and the saved filters (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		return this.link.start(async (data) => {
			this.saved = parseSavedFilters(await getMeta(data.engine.db, FILTERS_KEY));
		});
	}

	/** Changes the query (a filter, the search, the sort, a view) and goes back to the first page. */
	set(patch: Partial<TicketQuery>): void {
		if (typeof performance !== 'undefined') performance.mark(QUERY_MARK);
		this.query = { ...this.query, ...patch };
		this.page = 0;
	}

	show(view: TicketView): void {
		this.set({ ...view.query });
	}

	goTo(page: number): void {
		this.page = Math.min(Math.max(0, page), this.pages - 1);
	}

	/** the search or a filter narrows the list beyond "all open" */
	get filtering(): boolean {
		return !sameQuery({ ...this.query, sort: ALL_OPEN.sort }, ALL_OPEN);
	}

	/** Saves the current query under a name; resolves to an error to show, or null. */
	async saveAs(name: string): Promise<string | null> {
		const result = saveFilter(this.saved, name, $state.snapshot(this.query), uuidv7);
		if ('error' in result) return result.error;
		await this.store(result.filters);
		return null;
	}

	async remove(id: string): Promise<void> {
		await this.store(deleteFilter(this.saved, id));
	}

	private async store(filters: SavedFilter[]) {
		this.saved = filters;
		if (this.data) await setMeta(this.data.engine.db, FILTERS_KEY, $state.snapshot(filters));
	}

	/** What a row shows of its SLA. */
	badge(row: LocalTicket): SlaBadge | null {
		return this.data ? slaBadge(this.data.sla.reading(row)) : null;
	}
}
