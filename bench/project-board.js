// A live project board: one project document with 500 tasks and 10 editors, each a real
// HocuspocusProvider on a socket of its own against the built server (the materializer
// projecting every round into the database, as in production). Editors take turns moving a
// card every GAP ms with the board's own edit (`moveTask` of src/lib/domain/project/edits.ts,
// what a drag or Alt+arrow calls), without waiting for the move before to arrive, so the
// server broadcasts while the materializer projects. Measured: from the moment a move is made
// until each of the 9 other editors has it in its document (performance.now() in this
// process), then that every editor holds the same board and the projected rows match it. The
// same moves through a bare Hocuspocus 4 server give the floor of the machine (it is shared).
import { runnerImport } from 'vite';
import { fmt, noteLoad, percentiles, sleep, verdict, waitFor, writeResult } from './support/clients.js';
import { postgresAvailable, signUp, startBareHocuspocus, startStackdesk } from './support/servers.js';
import { connectEditors, projectRows, seedProject, watchMoves } from './support/board-editors.js';

const TASKS = Number(process.env.BENCH_BOARD_TASKS ?? 500);
const EDITORS = Number(process.env.BENCH_BOARD_EDITORS ?? 10);
const MOVES = Number(process.env.BENCH_BOARD_MOVES ?? 400);
const WARMUP = Number(process.env.BENCH_BOARD_WARMUP ?? 20);
/** one move every 100 ms: each of the 10 people moves a card a second, a busy planning session */
const GAP_MS = Number(process.env.BENCH_BOARD_GAP_MS ?? 100);
const MOVE_TIMEOUT_MS = 5_000;
const TARGETS = { p99Ms: 60 };
const COLUMNS = ['todo', 'doing', 'review', 'done'];

const load = async (file) => (await runnerImport(new URL(`../src/lib/domain/project/${file}`, import.meta.url).pathname, { configFile: false, logLevel: 'error' })).module;
const [edits, { byRank }] = await Promise.all([load('edits.ts'), load('ranks.ts')]);

/** The board as ids per column in board order, from a document's tasks or from projected rows. */
function columnOf(tasks) {
	const live = tasks.filter((t) => !t.deletedAt);
	return Object.fromEntries(COLUMNS.map((c) => [c, byRank(live.filter((t) => t.status === c)).map((t) => t.id)]));
}

/**
 * A move the UI could make: a card nobody is moving right now, to a column and a place in it.
 * Read from the document's maps directly: the bench thread also receives every editor's
 * moves, and validating 500 tasks here would delay those arrivals (moveTask does it once).
 */
function randomMove(doc, busy, n) {
	const tasks = [...doc.getMap('tasks').values()];
	const free = tasks.filter((t) => !busy.has(t.get('id')));
	const task = free[(n * 7919) % free.length];
	const column = COLUMNS[(n * 31 + 1) % COLUMNS.length];
	const others = tasks.filter((t) => t.get('status') === column && t !== task).length;
	return { id: task.get('id'), column, index: (n * 104729) % (others + 1) };
}

/** The moves, editors taking turns; resolves with every (move, other editor) latency. */
async function runMoves(editors) {
	const watch = watchMoves(editors);
	const samples = [];
	const localMs = [];
	const arrivals = [];
	for (let n = 0; n < WARMUP + MOVES; n++) {
		const writer = n % editors.length;
		const { doc } = editors[writer];
		const move = randomMove(doc, watch.busy, n);
		const t0 = performance.now();
		edits.moveTask(doc, move.id, move.column, move.index);
		localMs.push(performance.now() - t0);
		const arrived = watch.expect(writer, move.id, t0, MOVE_TIMEOUT_MS);
		if (n >= WARMUP) arrivals.push(arrived.then((times) => samples.push(...times)));
		await sleep(GAP_MS);
	}
	await Promise.all(arrivals);
	return { samples, lost: watch.lost(), localMs: percentiles(localMs) };
}

/** Every editor holds the same board, each card once; on Stackdesk the database's rows say the same. */
async function checkBoards(server, account, editors, projectId) {
	const boards = editors.map(({ doc }) => JSON.stringify(columnOf(edits.readTasks(doc))));
	const identical = boards.every((b) => b === boards[0]);
	const cards = Object.values(JSON.parse(boards[0])).flat();
	const everyCardOnce = cards.length === TASKS && new Set(cards).size === TASKS;
	if (server.kind !== 'stackdesk') return { identical, everyCardOnce, rowsMatch: null };
	// the materializer has caught up once the rows feed shows the board the editors hold
	const rowsMatch = await waitFor(async () => JSON.stringify(columnOf(await projectRows(server, account, projectId))) === boards[0], { timeoutMs: 10_000, what: 'the projected rows' }).catch(() => false);
	return { identical, everyCardOnce, rowsMatch: !!rowsMatch };
}

/** Stackdesk needs a tenant and its sync tokens; the bare server takes any name and no token. */
const accountOn = (server) => (server.kind === 'stackdesk' ? signUp(server) : { tenantId: 'bench', token: async () => null });

/** The project with its tasks, as the app makes them (one transaction for the tasks, as an import writes them). */
function fillProject(projectId) {
	return (doc) => {
		edits.createProject(doc, projectId, { name: 'Data centre move' });
		doc.transact(() => {
			for (let i = 0; i < TASKS; i++) edits.addTask(doc, { title: `Task ${i + 1}`, status: COLUMNS[i % COLUMNS.length], estimateMinutes: 60 });
		});
	};
}

async function measure(start) {
	const server = await start();
	let editors = [];
	try {
		const account = await accountOn(server);
		const projectId = crypto.randomUUID();
		const name = `${account.tenantId}:project:${projectId}`;
		editors = await connectEditors(server, account, name, EDITORS);
		const seededMs = await seedProject(editors[0], fillProject(projectId));
		await waitFor(() => editors.every(({ doc }) => edits.readTasks(doc).length === TASKS), { what: 'every editor has the tasks' });
		await sleep(1_000);

		const started = performance.now();
		const run = await runMoves(editors);
		const seconds = (performance.now() - started) / 1000;
		const check = await checkBoards(server, account, editors, projectId);
		const s = percentiles(run.samples);
		const pass = s.p99 <= TARGETS.p99Ms && run.lost === 0 && check.identical && check.everyCardOnce && check.rowsMatch !== false;
		console.log(
			`${server.label.padEnd(20)} p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)}` +
				`\n${' '.repeat(20)} ${s.n} arrivals, lost ${run.lost}; boards identical ${check.identical}, every card once ${check.everyCardOnce}, rows match ${check.rowsMatch ?? '—'}; ` +
				`the move itself p50 ${fmt(run.localMs.p50)}; seeded in ${seededMs.toFixed(0)} ms; ${seconds.toFixed(1)} s`
		);
		return { label: server.label, moves: MOVES, arrivals: s.n, lost: run.lost, moveToOtherEditorMs: s, moveItselfMs: run.localMs, ...check, seconds: +seconds.toFixed(1), pass };
	} finally {
		for (const e of editors) e.destroy();
		await server.stop();
	}
}

noteLoad();
console.log(`project board: ${TASKS} tasks, ${EDITORS} editors (a socket each), ${MOVES} moves (+${WARMUP} warm-up), one every ${GAP_MS} ms`);
// the same moves through a bare Hocuspocus 4 (no database, no materializer): the floor of this machine
const bare = await measure(startBareHocuspocus);
const figures = { pglite: await measure(() => startStackdesk({ backend: 'pglite' })) };
if (!process.env.BENCH_SKIP_POSTGRES && (await postgresAvailable())) figures.postgres = await measure(() => startStackdesk({ backend: 'postgres' }));
else console.log('Postgres not reachable: Stackdesk (Postgres) skipped');
const pass = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v.pass]));
pass.all = Object.values(pass).every(Boolean);
for (const [key, run] of Object.entries(figures)) console.log(`${run.label}: p99 ${fmt(run.moveToOtherEditorMs.p99)} (target ≤ ${TARGETS.p99Ms} ms; bare Hocuspocus ${fmt(bare.moveToOtherEditorMs.p99)}) ${verdict(pass[key])}`);
console.log(pass.all ? 'project board: target met' : 'project board: TARGET MISSED (see FAIL above)');
writeResult('project-board', {
	setup: { tasks: TASKS, editors: EDITORS, moves: MOVES, warmupMoves: WARMUP, gapMs: GAP_MS, socketsPerEditor: 1, transport: 'loopback' },
	figures,
	baselines: { bareHocuspocus: bare },
	targets: TARGETS,
	pass
});
process.exit(0);
