import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { isSyncStatus } from './ack-gate.js';

function message(address: string, type: number, body: number) {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, address);
	encoding.writeVarUint(encoder, type);
	encoding.writeVarUint(encoder, body);
	return encoding.toUint8Array(encoder);
}

describe('isSyncStatus', () => {
	const name = '01a2359c-c047-7108-8623-22136429c499:customer:c-1';

	it('recognises the acknowledgement after a document address', () => {
		expect(isSyncStatus(message(name, 8, 1))).toBe(true);
		expect(isSyncStatus(message(`${name}\0session-7`, 8, 1))).toBe(true);
	});

	it('lets every other message through', () => {
		for (const type of [0, 1, 2, 3, 5, 7]) expect(isSyncStatus(message(name, type, 8))).toBe(false);
	});

	it('reads an address longer than 127 bytes (a two-byte length)', () => {
		expect(isSyncStatus(message(`${name}:${'x'.repeat(200)}`, 8, 1))).toBe(true);
	});
});
