import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readServiceDesk } from '#lib/domain/servicedesk/read.js';
import { ranked } from '#lib/domain/servicedesk/ordering.js';
import { addSetting, moveSetting, setSettingDeleted, updateSetting } from './settings-edits.js';

const names = (records: { name: string }[]) => records.map((r) => r.name);

describe('service desk settings edits', () => {
	it('writes the default statuses on the first status edit, with the ids tickets hold', () => {
		const doc = new Y.Doc();
		expect(doc.getMap('ticketStatuses').size).toBe(0);
		addSetting(doc, 'ticketStatuses', { name: 'Waiting on vendor', pausesSla: true, done: false });
		const desk = readServiceDesk(doc);
		expect(desk.problems).toEqual([]);
		expect(names(ranked(desk.statuses))).toEqual(['New', 'In progress', 'Waiting on customer', 'Scheduled', 'Resolved', 'Closed', 'Waiting on vendor']);
		expect(desk.statuses.find((s) => s.id === 'waiting-on-customer')).toMatchObject({ pausesSla: true, done: false });
	});

	it('renames a default status in place', () => {
		const doc = new Y.Doc();
		updateSetting(doc, 'ticketStatuses', 'in-progress', { name: 'Working' });
		expect(names(ranked(readServiceDesk(doc).statuses))).toEqual(['New', 'Working', 'Waiting on customer', 'Scheduled', 'Resolved', 'Closed']);
	});

	it('moves a record between its neighbours, Triage included before it was ever edited', () => {
		const doc = new Y.Doc();
		addSetting(doc, 'queues', { name: 'Dispatch' });
		addSetting(doc, 'queues', { name: 'Projects' });
		expect(names(ranked(readServiceDesk(doc).queues))).toEqual(['Triage', 'Dispatch', 'Projects']);
		const projects = readServiceDesk(doc).queues.find((q) => q.name === 'Projects')!;
		moveSetting(doc, 'queues', projects.id, -1);
		moveSetting(doc, 'queues', projects.id, -1);
		expect(names(ranked(readServiceDesk(doc).queues))).toEqual(['Projects', 'Triage', 'Dispatch']);
		moveSetting(doc, 'queues', 'triage', 1);
		expect(names(ranked(readServiceDesk(doc).queues))).toEqual(['Projects', 'Dispatch', 'Triage']);
		expect(readServiceDesk(doc).problems).toEqual([]);
	});

	it('concurrent moves on two replicas merge into one order', () => {
		const a = new Y.Doc();
		for (const name of ['One', 'Two', 'Three']) addSetting(a, 'queues', { name });
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const id = (doc: Y.Doc, name: string) => readServiceDesk(doc).queues.find((q) => q.name === name)!.id;
		moveSetting(a, 'queues', id(a, 'Three'), -1);
		moveSetting(b, 'queues', id(b, 'One'), 1);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(names(ranked(readServiceDesk(a).queues))).toEqual(names(ranked(readServiceDesk(b).queues)));
	});

	it('keeps one default policy', () => {
		const doc = new Y.Doc();
		addSetting(doc, 'slaPolicies', { name: 'Standard', isDefault: true });
		addSetting(doc, 'slaPolicies', { name: 'Premier', isDefault: true });
		const policies = readServiceDesk(doc).slaPolicies;
		expect(policies.filter((p) => p.isDefault).map((p) => p.name)).toEqual(['Premier']);
		const standard = policies.find((p) => p.name === 'Standard')!;
		updateSetting(doc, 'slaPolicies', standard.id, { isDefault: true });
		expect(readServiceDesk(doc).slaPolicies.filter((p) => p.isDefault).map((p) => p.name)).toEqual(['Standard']);
	});

	it('deletes by marking and restores', () => {
		const doc = new Y.Doc();
		const id = addSetting(doc, 'ticketTypes', { name: 'Hardware', portal: true });
		setSettingDeleted(doc, 'ticketTypes', id, true, new Date('2026-03-01T10:00:00Z'));
		expect(readServiceDesk(doc).ticketTypes[0].deletedAt).toBe('2026-03-01T10:00:00.000Z');
		setSettingDeleted(doc, 'ticketTypes', id, false);
		expect(readServiceDesk(doc).ticketTypes[0].deletedAt).toBeNull();
	});
});
