/** One notification as `GET /api/v1/notifications` lists it. */
export interface Notification {
	id: string;
	kind: string;
	title: string;
	body: string;
	link: string | null;
	createdAt: string;
	readAt: string | null;
}

const POLL_MS = 60_000;

/**
 * The signed-in person's notifications (reminders of notice deadlines and
 * warranty ends), from the server: asked for on start, every minute and when
 * the window gets focus again, never while the browser is offline. They live
 * in Postgres, not a document, so offline the bell keeps what it last heard.
 */
export class Inbox {
	items: Notification[] = $state.raw([]);
	unread = $state(0);
	/** the server has answered once */
	loaded = $state(false);

	/** Follows the server (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		const refresh = () => void this.refresh();
		refresh();
		const timer = setInterval(refresh, POLL_MS);
		window.addEventListener('focus', refresh);
		window.addEventListener('online', refresh);
		return () => {
			clearInterval(timer);
			window.removeEventListener('focus', refresh);
			window.removeEventListener('online', refresh);
		};
	}

	async refresh(): Promise<void> {
		if (!navigator.onLine) return;
		try {
			const response = await fetch('/api/v1/notifications');
			if (!response.ok) return;
			const body = (await response.json()) as { notifications: Notification[]; unread: number };
			this.items = body.notifications;
			this.unread = body.unread;
			this.loaded = true;
		} catch {
			// the network went away mid-request: the next poll tries again
		}
	}

	/** Marks the given notifications read (all, without ids); the bell updates at once. */
	async markRead(ids?: string[]): Promise<void> {
		const now = new Date().toISOString();
		const marked = (n: Notification) => !n.readAt && (!ids || ids.includes(n.id));
		this.unread = ids ? Math.max(0, this.unread - this.items.filter(marked).length) : 0;
		this.items = this.items.map((n) => (marked(n) ? { ...n, readAt: now } : n));
		try {
			await fetch('/api/v1/notifications/read', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(ids ? { ids } : {})
			});
		} catch {
			// offline: the next poll shows them unread again, as the server still has them
		}
		await this.refresh();
	}
}
