import path from 'node:path';

/** Every setting of DESIGN.md §1 with its default, read once from the environment. */
export interface Config {
	port: number;
	host: string;
	origin: string;
	/** ORIGIN was set: requests are taken to arrive at it (e.g. https behind a proxy) */
	originFixed: boolean;
	databaseUrl: string | undefined;
	dataDir: string;
	redisUrl: string | undefined;
	smtpUrl: string | undefined;
	mailFrom: string;
	seedDemo: boolean;
	/** how long a websocket token from POST /api/v1/sync/token stays good */
	syncTokenTtlMs: number;
	/** how often every tenant is scanned for due contract reminders */
	reminderScanMs: number;
	/** how often the scheduler evaluates timer rules (idle, overdue) over open tickets */
	rulesTickMs: number;
	/** the test clock (src/lib/server/clock.ts): only with STACKDESK_TEST_CLOCK=unsafe-test-only */
	testClock: boolean;
}

/** The one value that turns the test clock on: nobody types it by accident. */
export const TEST_CLOCK_VALUE = 'unsafe-test-only';

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const port = Number(env.PORT ?? 3000);
	const host = env.HOST ?? '127.0.0.1';
	return {
		port,
		host,
		origin: (env.ORIGIN ?? `http://${host}:${port}`).replace(/\/$/, ''),
		originFixed: !!env.ORIGIN,
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir: path.resolve(env.DATA_DIR ?? './data'),
		redisUrl: env.REDIS_URL || undefined,
		smtpUrl: env.SMTP_URL || undefined,
		mailFrom: env.MAIL_FROM ?? 'Stackdesk <no-reply@stackdesk.local>',
		// the demo tenant is seeded on the first start only; tests turn it off
		seedDemo: env.SEED_DEMO !== 'false',
		syncTokenTtlMs: Number(env.SYNC_TOKEN_TTL_SECONDS ?? 600) * 1000,
		reminderScanMs: Number(env.REMINDER_SCAN_SECONDS ?? 600) * 1000,
		rulesTickMs: Math.max(1, Number(env.RULES_TICK_SECONDS ?? 30) || 30) * 1000,
		testClock: env.STACKDESK_TEST_CLOCK === TEST_CLOCK_VALUE
	};
}

let current: Config | undefined;

/** The process-wide configuration; the process entry may replace it before start. */
export function config(): Config {
	current ??= readConfig();
	return current;
}

export function setConfig(next: Config): void {
	current = next;
}
