import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { upsertRecord, setEntity } from '../documents/shape.js';
import { projectCustomer } from './projection.js';

const NAME = '01a20148-7cee-7341-87c5-bb7f77ec4ff4:customer:c1';

/** The operations people do on a customer, offline or live. */
const operation = fc.oneof(
	fc.record({ op: fc.constant('profile' as const), field: fc.constantFrom('name', 'phone', 'status', 'website'), value: fc.string({ maxLength: 12 }) }),
	fc.record({ op: fc.constant('site' as const), id: fc.constantFrom('s1', 's2', 's3'), field: fc.constantFrom('name', 'city', 'hours'), value: fc.string({ maxLength: 12 }) }),
	fc.record({ op: fc.constant('contact' as const), id: fc.constantFrom('p1', 'p2', 'p3'), field: fc.constantFrom('name', 'email', 'siteId', 'portalAccess'), value: fc.string({ maxLength: 12 }) }),
	fc.record({ op: fc.constant('delete' as const), collection: fc.constantFrom('sites', 'contacts'), id: fc.constantFrom('s1', 'p1', 'p2') }),
	fc.record({ op: fc.constant('restore' as const), collection: fc.constantFrom('sites', 'contacts'), id: fc.constantFrom('s1', 'p1') }),
	fc.record({ op: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) })
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(replicas: Y.Doc[], who: number, op: Operation) {
	const doc = replicas[who % replicas.length];
	switch (op.op) {
		case 'profile':
			return setEntity(doc, 'customer', { id: 'c1', [op.field]: op.value });
		case 'site':
			return upsertRecord(doc, 'sites', op.id, { [op.field]: op.value });
		case 'contact':
			return upsertRecord(doc, 'contacts', op.id, { [op.field]: op.value });
		case 'delete':
			return upsertRecord(doc, op.collection, op.id, { deletedAt: '2026-11-22T12:00:00.000Z' });
		case 'restore':
			return upsertRecord(doc, op.collection, op.id, { deletedAt: null });
		case 'sync': {
			// a partial exchange while the others stay apart
			const from = replicas[op.from % replicas.length];
			const to = replicas[op.to % replicas.length];
			Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
		}
	}
}

function syncAll(replicas: Y.Doc[]) {
	for (const a of replicas) for (const b of replicas) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe('convergence (property)', () => {
	it('random concurrent operations on 2–3 replicas always converge, and every replica projects the same rows', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 3 }),
				fc.array(fc.tuple(fc.nat(2), operation), { maxLength: 60 }),
				(count, steps) => {
					const replicas = Array.from({ length: count }, (_, i) => {
						const doc = new Y.Doc();
						doc.clientID = i + 1;
						return doc;
					});
					for (const [who, op] of steps) apply(replicas, who, op);
					syncAll(replicas);
					const [first, ...rest] = replicas;
					for (const other of rest) {
						for (const map of ['customer', 'sites', 'contacts']) expect(other.getMap(map).toJSON()).toEqual(first.getMap(map).toJSON());
						expect(projectCustomer(NAME, other)).toEqual(projectCustomer(NAME, first));
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});
