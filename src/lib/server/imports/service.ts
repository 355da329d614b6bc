import { v7 as uuidv7 } from 'uuid';
import { projectCustomer } from '#lib/domain/customer/projection.js';
import type { ClientImport } from '#lib/domain/import/clients.js';
import { importCsv, type TemplateImport } from '#lib/domain/import/import.js';
import { customerKey } from '#lib/domain/import/keys.js';
import type { TemplateId } from '#lib/domain/import/templates.js';
import type { Identity } from '../auth/sessions.js';
import type { Db } from '../db/index.js';
import { editStoredDocs } from '../documents/edit-stored.js';
import { conflict, invalid, notFound } from '../http/errors.js';
import * as batches from '../repositories/import-batches.js';
import { writeProjections } from '../repositories/projection-writes.js';
import { insertNewDocs } from '../repositories/ydocs.js';
import { addImportedRecord, newCustomerDoc, undoImportedItems, type RecordRow } from './customer-docs.js';

/** New customers stored (documents, rows, undo records) per transaction: progress moves, statements stay big. */
const CHUNK = 500;
/** Row problems kept with a batch: enough to fix a file, not a megabyte of JSON. */
const MAX_PROBLEMS = 1000;

export interface ImportInput {
	text: string;
	fileName: string;
	template?: TemplateId;
	/** contacts, locations and assets: the customer they belong to, unless the file names it */
	customerId?: string;
}

/**
 * Starts importing a CSV file: rows are checked at once (a file with the wrong
 * columns is refused, naming them), the batch is recorded with every row's
 * problem, and the import runs on in the background while the caller polls
 * its progress. Rows that would create what is already there are skipped, so
 * importing a file twice creates nothing the second time.
 */
export async function startImport(db: Db, me: Identity, input: ImportInput): Promise<batches.ImportBatch> {
	const parsed = importCsv(input.text, { template: input.template });
	if (parsed.fileError !== null) throw invalid(parsed.fileError, { file: parsed.fileError });
	const batch = await batches.insertBatch(db, me.tenantId, {
		id: uuidv7(),
		template: parsed.template,
		fileName: input.fileName.slice(0, 255) || 'import.csv',
		total: parsed.counts.ok,
		problems: parsed.rows.flatMap((row) => row.errors).slice(0, MAX_PROBLEMS),
		createdBy: me.userId
	});
	void runImport(db, me.tenantId, batch.id, parsed, input.customerId)
		.then(() => batches.finishBatch(db, me.tenantId, batch.id, 'done'))
		.catch(async (error) => {
			console.error(`import ${batch.id} failed:`, error);
			await batches.addProblem(db, me.tenantId, batch.id, 'The import stopped on a server error; what was stored before it stays, and can be undone.');
			await batches.finishBatch(db, me.tenantId, batch.id, 'failed');
		});
	return batch;
}

async function runImport(db: Db, tenantId: string, batchId: string, parsed: TemplateImport, customerId: string | undefined) {
	const ok = parsed.rows.flatMap((row) => (row.status === 'ok' ? [row.mapped!] : []));
	if (parsed.template === 'names' || parsed.template === 'itflow-clients') {
		await importCustomers(db, tenantId, batchId, ok as ClientImport[]);
	} else {
		const rows = ok.map((row) => ({ template: parsed.template, row }) as RecordRow);
		await importRecords(db, tenantId, batchId, rows, customerId);
	}
}

async function importCustomers(db: Db, tenantId: string, batchId: string, rows: ClientImport[]) {
	const existing = new Set((await batches.customerNames(db, tenantId)).map((c) => customerKey(c.name)));
	const now = new Date().toISOString();
	// the next chunk's documents are made while the database writes the last one: the CPU and the database work at once
	let writing: Promise<void> = Promise.resolve();
	for (let at = 0; at < rows.length; at += CHUNK) {
		const chunk = rows.slice(at, at + CHUNK);
		const fresh = chunk.filter((row) => !existing.has(customerKey(row.customer.name)));
		for (const row of fresh) existing.add(customerKey(row.customer.name));
		const docs = fresh.map((row) => newCustomerDoc(tenantId, row, now));
		const projections = docs.map((d) => {
			const { problems, ...tables } = projectCustomer(d.name, d.doc);
			d.doc.destroy();
			return { tenantId, name: d.name, version: 0, tables, problems };
		});
		await writing;
		writing = db.transaction(async (tx) => {
			await insertNewDocs(tx, tenantId, docs);
			// the rows the materializer would write, written now: the customers are in lists before the progress bar ends
			await writeProjections(tx, projections, { fresh: true });
			await batches.insertItems(tx, tenantId, batchId, docs.map((d) => ({ docName: d.name, collection: 'customer', recordId: d.id })));
			await batches.recordProgress(tx, tenantId, batchId, { done: chunk.length, created: docs.length, skipped: chunk.length - docs.length });
		});
	}
	await writing;
}

async function importRecords(db: Db, tenantId: string, batchId: string, rows: RecordRow[], customerId: string | undefined) {
	const customers = await batches.customerNames(db, tenantId);
	const byKey = new Map(customers.map((c) => [customerKey(c.name), c.docName]));
	const chosen = customerId ? customers.find((c) => c.id === customerId)?.docName : undefined;
	if (customerId && !chosen) throw notFound('No such customer.');
	const byDoc = new Map<string, RecordRow[]>();
	let unplaced = 0;
	for (const row of rows) {
		const target = row.row.customerName ? byKey.get(customerKey(row.row.customerName)) : chosen;
		if (!target) unplaced++;
		else byDoc.set(target, [...(byDoc.get(target) ?? []), row]);
	}
	const items: batches.ImportItem[] = [];
	await editStoredDocs(db, tenantId, [...byDoc.keys()], (name, doc) =>
		doc.transact(() => {
			for (const row of byDoc.get(name)!) {
				const item = addImportedRecord(doc, name, row);
				if (item) items.push(item);
			}
		})
	);
	await batches.insertItems(db, tenantId, batchId, items);
	await batches.recordProgress(db, tenantId, batchId, { done: rows.length, created: items.length, skipped: rows.length - items.length - unplaced });
	if (unplaced > 0) await batches.addProblem(db, tenantId, batchId, `${unplaced} rows name no customer you have, or no customer was chosen: they were not imported.`);
}

/** Soft-deletes what a finished import created; the customers and records can be restored one by one like any deleted one. */
export async function undoImport(db: Db, me: Identity, id: string): Promise<batches.ImportBatch> {
	const batch = await batches.findBatch(db, me.tenantId, id);
	if (!batch) throw notFound('No such import.');
	if (!(await batches.markUndone(db, me.tenantId, id))) throw conflict('not_undoable', batch.status === 'undone' ? 'This import was undone already.' : 'Only a finished import can be undone.');
	const items = await batches.batchItems(db, me.tenantId, id);
	const byDoc = Map.groupBy(items, (item) => item.docName);
	const now = new Date().toISOString();
	await editStoredDocs(db, me.tenantId, [...byDoc.keys()], (name, doc) => undoImportedItems(doc, byDoc.get(name)!, now));
	return (await batches.findBatch(db, me.tenantId, id))!;
}

export async function importStatus(db: Db, me: Identity, id: string): Promise<batches.ImportBatch> {
	const batch = await batches.findBatch(db, me.tenantId, id);
	if (!batch) throw notFound('No such import.');
	return batch;
}

export const listImports = (db: Db, me: Identity) => batches.listBatches(db, me.tenantId);
