import { afterAll, beforeAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface RunningApp {
	url: string;
	database: TestDatabase;
	output: () => string;
	/** SIGTERM and wait for the process to end; returns its exit code */
	stop(): Promise<number | null>;
	/** SIGTERM, then start again on the same database (graceful shutdown and durability) */
	restart(): Promise<RunningApp>;
	/** stops the process with `signal` (SIGKILL: a crash), keeping the database */
	halt(signal?: NodeJS.Signals): Promise<number | null>;
	/** starts the server again on the same database */
	relaunch(): Promise<RunningApp>;
	/** runs the CLI (`build/server/cli.js`) on the same database; with PGlite, halt first */
	cli(...args: string[]): Promise<{ code: number | null; output: string }>;
}

const ENTRY = 'build/server/stackdesk.js';

/**
 * Starts the built server (the same build `npm start` runs) as a child process
 * on a free port, with a database of its own and no demo tenant.
 */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
	if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run the build first (npm test does)`);
	return launch(await createTestDatabase(), env);
}

/** A second server process on the same database (several nodes); stopping it leaves the database. */
export async function startSibling(of: RunningApp, env: Record<string, string> = {}): Promise<RunningApp> {
	const keep = { ...of.database, drop: async () => {} };
	return launch(keep, env);
}

async function launch(database: TestDatabase, env: Record<string, string>): Promise<RunningApp> {
	const child = spawn(process.execPath, [ENTRY], {
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', ...database.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout!.on('data', (chunk) => (log += chunk));
	child.stderr!.on('data', (chunk) => (log += chunk));
	const url = await waitForListening(child, () => log);
	const samePort = { ...env, PORT: new URL(url).port };
	let stopped: Promise<number | null> | undefined;
	return {
		url,
		database,
		output: () => log,
		async restart() {
			await terminate(child);
			return launch(database, samePort);
		},
		halt: (signal = 'SIGTERM') => terminate(child, signal),
		// the same port, so clients that were connected find the server again
		relaunch: () => launch(database, samePort),
		cli: (...args) => runCli(database, args),
		stop() {
			stopped ??= (async () => {
				const code = await terminate(child);
				await database.drop();
				return code;
			})();
			return stopped;
		}
	};
}

function waitForListening(child: ChildProcess, log: () => string): Promise<string> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${log()}`)), 90_000);
		const check = () => {
			const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(log());
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		};
		child.stdout!.on('data', check);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${log()}`));
		});
	});
}

function runCli(database: TestDatabase, args: string[]): Promise<{ code: number | null; output: string }> {
	const child = spawn(process.execPath, ['build/server/cli.js', ...args], {
		env: { ...process.env, ...database.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

function terminate(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => {
		const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
		child.once('exit', (code) => {
			clearTimeout(kill);
			resolve(code);
		});
		child.kill(signal);
	});
}

/**
 * One server for the whole test file: started before its tests, stopped after.
 * Returns a getter, since the server may be replaced (restarted) by a test.
 */
export function serverForFile(env: Record<string, string> = {}) {
	const holder: { app?: RunningApp } = {};
	beforeAll(async () => {
		holder.app = await startApp(env);
	});
	afterAll(() => holder.app?.stop());
	return {
		get app(): RunningApp {
			if (!holder.app) throw new Error('the server has not started');
			return holder.app;
		},
		set app(next: RunningApp) {
			holder.app = next;
		}
	};
}

/**
 * `rematerialize --verify` over everything the server stored: the server is
 * stopped first (PGlite allows one process; stopping folds and projects what
 * it holds), then started again. Returns the command's output and exit code.
 */
export async function rematerializeVerified(server: { app: RunningApp }) {
	await server.app.halt();
	const result = await server.app.cli('rematerialize', '--verify');
	server.app = await server.app.relaunch();
	return result;
}
