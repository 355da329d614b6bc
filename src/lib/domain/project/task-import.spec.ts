import { describe, expect, it } from 'vitest';
import { previewTaskImport, tasksToAdd } from './task-import.js';
import { parseDuration, parsePredecessors, parseTaskDate, resourceNames } from './task-values.js';

const TEAM = [
	{ userId: 'u-ann', name: 'Ann Lee' },
	{ userId: 'u-bo', name: 'Bo Chen' }
];

/** Project 2019, File → Save As → CSV with the default task map (field names with underscores). */
const PROJECT_EXPORT = `ID,Task_Name,Duration,Start_Date,Finish_Date,Predecessors,Resource_Names
1,Site survey,2 days,Mon 1/6/25,Tue 1/7/25,,Ann Lee
2,Order switches,1 day,Wed 1/8/25,Wed 1/8/25,1,Bo Chen
3,Rack switches,3 days,Thu 1/9/25,Mon 1/13/25,2,"Ann Lee,Bo Chen"
4,Cabling,4 hrs,Thu 1/9/25,Thu 1/9/25,2SS+2 days,Ann Lee[50%]
5,Cut-over approved,0 days,Mon 1/13/25,Mon 1/13/25,"3,4",
`;

/** The same plan from Excel, with long dates and a header as people type it. */
const EXCEL_EXPORT = `Name,Duration,Start,Finish,Predecessors,Resource Names
Kick-off,1d,"January 6, 2025 8:00 AM","January 6, 2025 5:00 PM",,Ann Lee
Design,5 days?,2025-01-07,2025-01-13,1,Dana Fox; Bo Chen
Go-live,0 days,NA,"January 20, 2025 5:00 PM",2,
`;

/** A malformed export: every row wrong in its own way. */
const MALFORMED = `Name,Duration,Start,Finish,Predecessors,Resource Names
Survey,2 days,Mon 1/6/25,Tue 1/7/25,,
,1 day,Wed 1/8/25,Wed 1/8/25,1,
Order kit,ten days,Thu 13/45/25,Fri 1/10/25,,
Install,3 days,Mon 1/13/25,Fri 1/10/25,9,
Test,1 day,Tue 1/14/25,Tue 1/14/25,6,
Sign-off,1 day,Wed 1/15/25,Wed 1/15/25,5,
Loose,1 day,Wed 1/15/25,Wed 1/15/25,2,
`;

describe('values as Project writes them', () => {
	it('reads durations in working time: 8-hour days, 5-day weeks', () => {
		expect(['5 days', '3d', '4 hrs', '0 days', '1.5 days', '2 wks?', '30 mins', '2 edays', '1 day'].map((d) => parseDuration(d))).toEqual(
			[2400, 1440, 240, 0, 720, 4800, 30, 960, 480].map((value) => ({ value }))
		);
		expect(parseDuration('')).toEqual({ value: null });
		expect(parseDuration('ten days')).toEqual({ reason: expect.stringContaining('is not a duration') });
		expect(parseDuration('5 parsecs')).toEqual({ reason: expect.stringContaining('is not a duration') });
	});

	it('reads dates with a weekday, a two-digit year, a month name or a time, and ISO', () => {
		const dates = ['Mon 1/6/25', 'January 6, 2025 8:00 AM', '2025-01-06', '1/6/2025 8:00:00 AM', 'Mon 1/6/25 8:00 AM', 'Jan 6, 2025', '6 January 2025', '2025-01-06T08:00:00', 'Monday, January 6, 2025'];
		for (const date of dates) expect(parseTaskDate(date), date).toEqual({ value: '2025-01-06' });
		expect(parseTaskDate('NA')).toEqual({ value: null });
		expect(parseTaskDate('')).toEqual({ value: null });
		for (const bad of ['Thu 13/45/25', 'Smarch 3, 2025', 'soon', '2025-02-30']) expect(parseTaskDate(bad), bad).toEqual({ reason: expect.stringContaining('is not a date') });
	});

	it('reads predecessors with their link type and lag', () => {
		expect(parsePredecessors('3')).toEqual({ value: [{ row: 3, type: 'FS', lag: null }] });
		expect(parsePredecessors('3FS')).toEqual({ value: [{ row: 3, type: 'FS', lag: null }] });
		expect(parsePredecessors('2,4')).toEqual({ value: [{ row: 2, type: 'FS', lag: null }, { row: 4, type: 'FS', lag: null }] });
		expect(parsePredecessors('5SS+2 days')).toEqual({ value: [{ row: 5, type: 'SS', lag: '+2days' }] });
		expect(parsePredecessors('5FS+0 days; 6')).toEqual({ value: [{ row: 5, type: 'FS', lag: null }, { row: 6, type: 'FS', lag: null }] });
		expect(parsePredecessors('after 3')).toEqual({ reason: expect.stringContaining('“after 3”') });
	});

	it('splits resource names and drops the share of time', () => {
		expect(resourceNames('Ann Lee[50%]; Bo Chen, ')).toEqual(['Ann Lee', 'Bo Chen']);
	});
});

describe('previewTaskImport', () => {
	it('reads a Project export: durations, dates, predecessors by ID, resources matched to the team', () => {
		const preview = previewTaskImport(PROJECT_EXPORT, TEAM);
		expect(preview.fileProblem).toBeNull();
		expect(preview.bad).toBe(0);
		expect(preview.rows.map((r) => [r.row, r.title, r.estimateMinutes, r.start, r.due, r.milestone, r.predecessors, r.assignees])).toEqual([
			[1, 'Site survey', 960, '2025-01-06', '2025-01-07', false, [], ['u-ann']],
			[2, 'Order switches', 480, '2025-01-08', '2025-01-08', false, [1], ['u-bo']],
			[3, 'Rack switches', 1440, '2025-01-09', '2025-01-13', false, [2], ['u-ann', 'u-bo']],
			[4, 'Cabling', 240, '2025-01-09', '2025-01-09', false, [2], ['u-ann']],
			[5, 'Cut-over approved', 0, '2025-01-13', '2025-01-13', true, [3, 4], []]
		]);
		expect(preview.rows[3].warnings).toEqual([expect.stringContaining('2SS+2days are kept as “finishes first”')]);
		const tasks = tasksToAdd(preview, false)!;
		expect(tasks.map((t) => t.dependsOn)).toEqual([[], [0], [1], [1], [2, 3]]);
	});

	it('reads an Excel list: rows numbered from 1, long dates, an unknown resource as a warning', () => {
		const preview = previewTaskImport(EXCEL_EXPORT, TEAM);
		expect(preview.bad).toBe(0);
		expect(preview.rows.map((r) => [r.row, r.line, r.start, r.due, r.estimateMinutes, r.milestone, r.assignees])).toEqual([
			[1, 2, '2025-01-06', '2025-01-06', 480, false, ['u-ann']],
			[2, 3, '2025-01-07', '2025-01-13', 2400, false, ['u-bo']],
			[3, 4, '2025-01-20', '2025-01-20', 0, true, []]
		]);
		expect(preview.rows[1].warnings).toEqual(['Nobody on the team is called “Dana Fox”; the task is imported without them.']);
	});

	it('gives every bad row of a malformed file its message, and imports nothing until they are skipped', () => {
		const preview = previewTaskImport(MALFORMED, TEAM);
		const problems = Object.fromEntries(preview.rows.filter((r) => r.problems.length).map((r) => [r.row, r.problems]));
		expect(problems).toEqual({
			2: ['The task has no name.'],
			3: [expect.stringContaining('Duration “ten days” is not a duration'), expect.stringContaining('Start “Thu 13/45/25” is not a date')],
			4: ['It finishes (2025-01-10) before it starts (2025-01-13).', expect.stringContaining('Predecessor 9 is not a task in this file')],
			5: [expect.stringContaining('These tasks would wait on each other in a circle: “5. Test” → “6. Sign-off” → “5. Test”')]
		});
		expect(preview.bad).toBe(4);
		expect(tasksToAdd(preview, false)).toBeNull();
		// skipping the bad rows keeps the rest, and drops dependencies on skipped rows
		const tasks = tasksToAdd(preview, true)!;
		expect(tasks.map((t) => [t.title, t.dependsOn])).toEqual([
			['Survey', []],
			['Sign-off', []],
			['Loose', []]
		]);
	});

	it('reports a row whose quotes break it, a repeated ID and a task that waits on itself', () => {
		const preview = previewTaskImport(`ID,Name,Predecessors\n1,Plan,1\n1,Again,\n2,"Broken, "quoted" name",\n`, TEAM);
		expect(preview.rows.map((r) => r.problems)).toEqual([
			['It lists itself as its own predecessor.'],
			['Task number 1 is already used by line 2.'],
			[expect.stringContaining('has a quote mark')]
		]);
	});

	it('refuses a file without a Name column or without anything in it', () => {
		expect(previewTaskImport('Summary,Length\nA,1d\n', TEAM).fileProblem).toContain('no Name column. Its columns are: Summary, Length');
		expect(previewTaskImport('', TEAM).fileProblem).toContain('The file is empty');
		expect(tasksToAdd(previewTaskImport('', TEAM), true)).toBeNull();
	});
});
