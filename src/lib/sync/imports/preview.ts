import type { ImportRow, MappedByTemplate, TemplateImport } from '#lib/domain/import/import.js';
import { customerKey, nameKey } from '#lib/domain/import/keys.js';
import { TEMPLATES, type TemplateId } from '#lib/domain/import/templates.js';

/**
 * What an import would do, worked out in the browser before anything is sent:
 * the parser's verdict on each row, plus what only the tenant's data can say —
 * which rows are already there and which name a customer we do not have. The
 * rules are the import API's (service.ts), so the preview's "will import" is
 * what the import then creates.
 */

export interface KnownCustomer {
	id: string;
	name: string;
}

export interface PreviewContext {
	/** the customers in the row index, deleted ones left out (an import does not match them) */
	customers: readonly KnownCustomer[];
	/** contacts, locations and assets go to this customer unless their row names one */
	chosenCustomerId: string | null;
	/** the records of the imported kind the customers already have, as `recordKey`s */
	existing: ReadonlySet<string>;
}

export type PreviewStatus = 'ok' | 'error' | 'duplicate' | 'unplaced' | 'exists';

export interface PreviewRow {
	line: number;
	status: PreviewStatus;
	/** the customer, contact, location or device the row is; null where the row could not be read */
	name: string | null;
	/** the customer a contact, location or device goes to */
	customer: string | null;
	/** a few of the row's other values, to recognise it by */
	detail: string;
	/** why the row is not imported, each starting "row N" */
	messages: string[];
}

export interface PreviewCounts {
	rows: number;
	willImport: number;
	errors: number;
	/** repeated within the file */
	duplicates: number;
	/** already in Stackdesk */
	existing: number;
	/** naming no customer we have */
	unplaced: number;
}

export interface Preview {
	template: TemplateId;
	title: string;
	counts: PreviewCounts;
	/** rows that will not import first, then the first rows that will, then some already there */
	shown: PreviewRow[];
	/** rows not in `shown` */
	hidden: number;
	ignoredColumns: string[];
}

/** How many rows of each group the preview lists: enough to fix a file, few enough to render at once. */
const SHOWN = { problems: 200, ok: 10, exists: 10 } as const;

/**
 * The rows an import sends: rows already there go too, because the server
 * decides (this device's rows may be older than its data) and counts them as
 * skipped, so a file imported twice shows what happened the second time.
 */
export function rowsToSend(counts: PreviewCounts): number {
	return counts.willImport + counts.existing;
}

export function recordKey(customerId: string, name: string): string {
	return `${customerId}\n${nameKey(name)}`;
}

type Mapped = MappedByTemplate[TemplateId];

export function buildPreview(result: TemplateImport, context: PreviewContext): Preview {
	const judge = judgeFor(result.template, context);
	const rows = (result.rows as ImportRow<Mapped>[]).map((row) => (row.mapped ? judge(row.line, row.mapped) : problemRow(row)));
	const group = (...statuses: PreviewStatus[]) => rows.filter((row) => statuses.includes(row.status));
	const problems = group('error', 'duplicate', 'unplaced');
	const ok = group('ok');
	const exists = group('exists');
	const shown = [...problems.slice(0, SHOWN.problems), ...ok.slice(0, SHOWN.ok), ...exists.slice(0, SHOWN.exists)];
	return {
		template: result.template,
		title: TEMPLATES[result.template].title,
		counts: {
			rows: rows.length,
			willImport: ok.length,
			errors: result.counts.error,
			duplicates: result.counts.duplicate,
			existing: exists.length,
			unplaced: rows.length - ok.length - exists.length - result.counts.error - result.counts.duplicate
		},
		shown,
		hidden: rows.length - shown.length,
		ignoredColumns: result.ignoredColumns
	};
}

function problemRow(row: ImportRow<unknown>): PreviewRow {
	return { line: row.line, status: row.status, name: null, customer: null, detail: '', messages: row.errors };
}

/** A readable row's fate: imported, already there, or with no customer to go to. */
function judgeFor(template: TemplateId, context: PreviewContext): (line: number, mapped: Mapped) => PreviewRow {
	const byKey = new Map(context.customers.map((c) => [customerKey(c.name), c]));
	const chosen = context.customers.find((c) => c.id === context.chosenCustomerId) ?? null;
	if (template === 'names' || template === 'itflow-clients') {
		return (line, mapped) => {
			const row = { line, ...summarize(mapped), customer: null, status: 'ok' as const, messages: [] };
			if (!byKey.has(customerKey(row.name))) return row;
			return { ...row, status: 'exists', messages: [`row ${line}: '${row.name}' is already a customer`] };
		};
	}
	return (line, mapped) => {
		const { name, detail, customerName } = summarize(mapped);
		const owner = customerName === null ? chosen : (byKey.get(customerKey(customerName)) ?? null);
		const row = { line, name, detail, customer: owner?.name ?? customerName, status: 'ok' as const, messages: [] };
		if (owner === null) return { ...row, status: 'unplaced', messages: [unplacedMessage(line, customerName)] };
		if (!context.existing.has(recordKey(owner.id, name))) return row;
		return { ...row, status: 'exists', messages: [`row ${line}: ${owner.name} already has '${name}'`] };
	};
}

function unplacedMessage(line: number, customerName: string | null): string {
	return customerName === null
		? `row ${line}: the Client column is empty and no customer was chosen for the file`
		: `row ${line}: there is no customer named '${customerName}'`;
}

const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

function summarize(mapped: Mapped): { name: string; customerName: string | null; detail: string } {
	if ('customer' in mapped) {
		return { name: mapped.customer.name, customerName: null, detail: join(mapped.site?.city, mapped.contact?.name, mapped.contact?.email) };
	}
	if ('device' in mapped) {
		const { device } = mapped;
		return { name: device.name, customerName: mapped.customerName, detail: join(device.type, device.make, device.model, device.serial) };
	}
	if ('site' in mapped) {
		return { name: mapped.site.name, customerName: mapped.customerName, detail: join(mapped.site.city, mapped.site.phone) };
	}
	return { name: mapped.contact.name, customerName: mapped.customerName, detail: join(mapped.contact.title, mapped.contact.email) };
}
