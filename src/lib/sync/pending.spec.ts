import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PendingStore } from './pending.js';

/** localStorage as the browser keeps it: strings by key, shared by every tab of the origin. */
class MemoryStorage implements Storage {
	private readonly items = new Map<string, string>();
	get length() {
		return this.items.size;
	}
	clear() {
		this.items.clear();
	}
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	key(index: number) {
		return [...this.items.keys()][index] ?? null;
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
	setItem(key: string, value: string) {
		this.items.set(key, String(value));
	}
}

const DOC = 't:customer:1';
const OTHER = 't:customer:2';

describe('unsent changes counted per page', () => {
	let storage: MemoryStorage;
	const page = (id: string) => new PendingStore('tenant-user', { storage, page: id });

	beforeEach(() => {
		storage = new MemoryStorage();
		vi.useFakeTimers({ now: 1_000 });
	});
	afterEach(() => vi.useRealTimers());

	it('adds up the counts of two tabs on one document instead of keeping the last one written', () => {
		const a = page('a');
		const b = page('b');
		a.set(DOC, 3);
		b.set(DOC, 1);
		expect(a.total()).toBe(4);
		expect(b.total()).toBe(4);
		expect(a.get(DOC)).toBe(4);
		b.set(OTHER, 2);
		expect(a.total()).toBe(6);
		expect(a.names().sort()).toEqual([DOC, OTHER]);
	});

	it('keeps a closed page’s count for the next load, which lists the document to resume', () => {
		page('closed').set(DOC, 2);
		const next = page('next');
		expect(next.names()).toEqual([DOC]);
		expect(next.total()).toBe(2);
		next.set(DOC, 1);
		expect(next.total()).toBe(3);
	});

	it('drains every entry the acknowledged copy had taken in, in every tab', () => {
		const a = page('a');
		const b = page('b');
		page('closed').set(DOC, 2);
		vi.advanceTimersByTime(10);
		a.set(DOC, 3);
		b.set(DOC, 1);
		vi.advanceTimersByTime(10);
		// b's copy took in a's changes through IndexedDB after they were counted
		b.acknowledged(DOC, Date.now());
		expect(a.total()).toBe(0);
		expect(b.total()).toBe(0);
		expect(a.names()).toEqual([]);
	});

	it('keeps a change another tab counted after the acknowledged copy last caught up', () => {
		const a = page('a');
		const b = page('b');
		b.set(DOC, 1);
		const caughtUpAt = Date.now();
		vi.advanceTimersByTime(10);
		a.set(DOC, 2);
		b.acknowledged(DOC, caughtUpAt);
		expect(b.total()).toBe(2);
		// a's own acknowledgement clears it
		a.acknowledged(DOC, 0);
		expect(b.total()).toBe(0);
	});

	it('clears only its own entry when its count falls to zero', () => {
		const a = page('a');
		page('b').set(DOC, 1);
		a.set(DOC, 2);
		a.set(DOC, 0);
		expect(a.total()).toBe(1);
	});

	it('forgets a document in every page', () => {
		page('a').set(DOC, 2);
		const b = page('b');
		b.set(DOC, 1);
		b.set(OTHER, 1);
		b.forget(DOC);
		expect(b.names()).toEqual([OTHER]);
	});

	it('tells its listeners when a count changes, not when nothing did', () => {
		const a = page('a');
		let calls = 0;
		// subscribe also follows other tabs through window 'storage' events, which Node lacks
		vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {} });
		const stop = a.subscribe(() => (calls += 1));
		a.set(DOC, 1);
		a.set(DOC, 1);
		a.acknowledged(OTHER, Date.now());
		a.acknowledged(DOC, Date.now());
		stop();
		a.set(DOC, 5);
		vi.unstubAllGlobals();
		expect(calls).toBe(2);
	});

	it('counts nothing it cannot read', () => {
		storage.setItem('stackdesk:pending:tenant-user', '{"t:customer:1":{"a":{"n":"x"}},"t:customer:2":7}');
		expect(page('a').total()).toBe(0);
		storage.setItem('stackdesk:pending:tenant-user', 'not json');
		expect(page('a').names()).toEqual([]);
	});
});
