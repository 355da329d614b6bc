/**
 * A fixed-window counter per key: at most `limit` hits in `windowMs`.
 * In memory, per process: with several nodes each allows `limit`, which is
 * still a hard bound for password guessing (docs/decisions/003).
 */
export class RateLimiter {
	readonly #hits = new Map<string, { count: number; resetAt: number }>();

	constructor(
		readonly limit: number,
		readonly windowMs: number,
		readonly now: () => number = Date.now
	) {}

	/** Records a hit; returns the seconds to wait when over the limit, else 0. */
	hit(key: string): number {
		const now = this.now();
		const entry = this.#hits.get(key);
		if (!entry || entry.resetAt <= now) {
			this.#sweep(now);
			this.#hits.set(key, { count: 1, resetAt: now + this.windowMs });
			return 0;
		}
		entry.count += 1;
		return entry.count > this.limit ? Math.ceil((entry.resetAt - now) / 1000) : 0;
	}

	reset(key: string): void {
		this.#hits.delete(key);
	}

	// bounded memory: expired windows go whenever a new one opens
	#sweep(now: number): void {
		if (this.#hits.size < 10_000) return;
		for (const [key, entry] of this.#hits) if (entry.resetAt <= now) this.#hits.delete(key);
	}
}
