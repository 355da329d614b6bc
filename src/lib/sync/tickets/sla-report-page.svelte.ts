import { slaReport, type SlaReport } from '#lib/domain/servicedesk/sla-report.js';
import type { DeskData } from './desk-data.svelte.js';

/** The SLA compliance report: the tickets opened over the last weeks, for the MSP or one customer. */
export class SlaReportPage {
	/** one customer's tickets; '' for all */
	customerId = $state('');
	weeks = $state(12);

	constructor(
		private readonly timeZone: () => string,
		/** the service desk's data, once loaded (DeskLink) */
		private readonly data: () => DeskData | null
	) {}

	get ready(): boolean {
		const data = this.data();
		return !!data?.tickets.loaded && !!data.desk;
	}

	readonly customers = $derived.by(() =>
		[...(this.data()?.customerNames ?? new Map<string, string>())].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name))
	);

	readonly report: SlaReport | null = $derived.by(() => {
		const data = this.data();
		if (!data?.desk) return null;
		const rows = data.tickets.rows.filter((t) => !t.deletedAt && (!this.customerId || t.customerId === this.customerId));
		return slaReport(rows, { desk: data.desk, policyOf: data.policyOf, timeZone: this.timeZone(), now: new Date() }, this.weeks);
	});
}
