// The editors of the project board bench: real providers, a socket each, on one project
// document (the first fills it); the watch that times a move until every other editor has it; and the projected
// task rows read back through the rows feed.
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { acknowledged, connectHocuspocus, waitFor } from './clients.js';

/** The first editor fills the document with `fill(doc)`; resolves once the server has acknowledged it, with the time it took. */
export async function seedProject(editor, fill) {
	const started = performance.now();
	fill(editor.doc);
	await waitFor(() => acknowledged(editor.provider), { what: 'the project acknowledged', timeoutMs: 60_000 });
	return performance.now() - started;
}

/** `count` editors on the document, each on a websocket of its own (ten people, ten browsers). */
export async function connectEditors(server, account, name, count) {
	const token = await account.token();
	const editors = [];
	for (let i = 0; i < count; i++) {
		const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl });
		editors.push(await connectHocuspocus({ url: server.wsUrl, name, token, socket, doc: new Y.Doc() }).then((c) => ({ ...c, destroy: () => (c.provider.destroy(), socket.destroy()) })));
	}
	return editors;
}

/**
 * Times moves: `expect(writer, taskId, t0)` after a move resolves with how long each other
 * editor took to see the task's new rank (a move always writes a new one). A card is `busy`
 * until every editor has seen its move, so no two moves of one card are in flight at once.
 */
export function watchMoves(editors) {
	const pending = new Map();
	let lost = 0;
	editors.forEach(({ doc }, index) => {
		doc.getMap('tasks').observeDeep((events) => {
			const now = performance.now();
			for (const event of events) {
				const record = event.target;
				if (!(record instanceof Y.Map) || !event.keysChanged?.has('rank')) continue;
				const move = pending.get(record.get('id'));
				if (move && move.rank === record.get('rank') && !move.seen.has(index)) move.arrive(index, now);
			}
		});
	});
	return {
		busy: pending,
		lost: () => lost,
		expect(writer, taskId, t0, timeoutMs) {
			const rank = editors[writer].doc.getMap('tasks').get(taskId).get('rank');
			return new Promise((resolve) => {
				const times = [];
				const move = { rank, seen: new Set([writer]) };
				const finish = () => (clearTimeout(timer), pending.delete(taskId), resolve(times));
				const timer = setTimeout(() => ((lost += editors.length - move.seen.size), finish()), timeoutMs);
				move.arrive = (index, now) => {
					move.seen.add(index);
					times.push(now - t0);
					if (move.seen.size === editors.length) finish();
				};
				pending.set(taskId, move);
			});
		}
	};
}

/** The project's task rows as the server projected them, read through the rows feed to its end. */
export async function projectRows(server, account, projectId) {
	const rows = new Map();
	for (let since = '0'; ; ) {
		const res = await fetch(`${server.base}/api/v1/sync/rows?since=${since}&limit=5000`, { headers: { cookie: account.cookie } });
		const body = await res.json();
		for (const row of body.tables.tasks ?? []) if (row.projectId === projectId) rows.set(row.id, row);
		since = body.cursor;
		if (!body.more) return [...rows.values()].filter((r) => !r.deletedAt);
	}
}
