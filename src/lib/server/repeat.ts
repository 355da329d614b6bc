/**
 * Runs a background job now and then every `everyMs`, never two runs at once
 * (a slow run makes the next turn wait, not pile up); a run that fails is
 * logged. `stop()` ends the timer and waits for a run in progress.
 */
export function repeat(label: string, everyMs: number, job: () => Promise<unknown>) {
	let running: Promise<unknown> | undefined;
	const tick = () => {
		running ??= job()
			.catch((error) => console.error(`${label}:`, error))
			.finally(() => (running = undefined));
	};
	tick();
	const timer = setInterval(tick, everyMs);
	timer.unref();
	return {
		async stop() {
			clearInterval(timer);
			await running;
		}
	};
}
