import { slaReport, type SlaReport } from '#lib/domain/servicedesk/sla-report.js';
import type { DeskData } from './desk-data.svelte.js';

/** The SLA compliance report: the tickets opened over the last weeks, for the MSP or one customer. */
export class SlaReportPage {
	desk: DeskData | null = $state.raw(null);
	/** one customer's tickets; '' for all */
	customerId = $state('');
	weeks = $state(12);

	constructor(private readonly timeZone: () => string) {}

	get ready(): boolean {
		return !!this.desk?.tickets.loaded && !!this.desk.desk;
	}

	readonly customers = $derived.by(() =>
		[...(this.desk?.customerNames ?? new Map<string, string>())].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name))
	);

	readonly report: SlaReport | null = $derived.by(() => {
		const data = this.desk;
		if (!data?.desk) return null;
		const rows = data.tickets.rows.filter((t) => !t.deletedAt && (!this.customerId || t.customerId === this.customerId));
		return slaReport(rows, { desk: data.desk, policyOf: (id) => data.agreements.get(id ?? '') ?? null, timeZone: this.timeZone(), now: new Date() }, this.weeks);
	});
}
