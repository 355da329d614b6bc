import { parseCsv } from '../import/csv.js';
import { cleanHeader } from '../import/headers.js';
import type { Parsed } from '../import/reader.js';
import { cycleMessage, findCycle } from './dependencies.js';
import { parseDuration, parsePredecessors, parseTaskDate, resourceNames, simplified } from './task-values.js';

/**
 * A task list exported from Microsoft Project or Excel as CSV (Name, Duration,
 * Start, Finish, Predecessors, Resource Names) → the tasks to add to a
 * project, each row with what is wrong with it. Rows are numbered as Project
 * numbers tasks (its ID column when the file has one, else 1 for the first
 * task), because that is what Predecessors refers to. A problem blocks the
 * import until the row is fixed or skipped; a warning (a resource nobody on
 * the team is called, a lag the project cannot keep) does not.
 */

export interface TeamName {
	userId: string;
	name: string;
}

export interface TaskImportRow {
	/** the task's number, as Predecessors names it */
	row: number;
	/** its line in the file (the header is line 1) */
	line: number;
	title: string;
	estimateMinutes: number | null;
	start: string | null;
	due: string | null;
	milestone: boolean;
	assignees: string[];
	/** the numbers of the tasks it waits on */
	predecessors: number[];
	problems: string[];
	warnings: string[];
}

export interface TaskImportPreview {
	/** what makes the whole file unreadable (no Name column, an empty file); rows are then empty */
	fileProblem: string | null;
	rows: TaskImportRow[];
	/** rows with a problem */
	bad: number;
}

type Column = 'id' | 'name' | 'duration' | 'start' | 'finish' | 'predecessors' | 'resources';

const COLUMNS: Record<Column, string[]> = {
	id: ['id'],
	name: ['name', 'task name', 'task', 'title'],
	duration: ['duration'],
	start: ['start', 'start date', 'begin'],
	finish: ['finish', 'finish date', 'end', 'end date', 'due', 'due date'],
	predecessors: ['predecessors', 'predecessor', 'depends on'],
	resources: ['resource names', 'resources', 'resource', 'assigned to', 'assignees']
};

const LABELS: Record<Column, string> = { id: 'ID', name: 'Name', duration: 'Duration', start: 'Start', finish: 'Finish', predecessors: 'Predecessors', resources: 'Resource Names' };

function columnsOf(header: string[]): Partial<Record<Column, number>> {
	const at: Partial<Record<Column, number>> = {};
	header.forEach((raw, index) => {
		// Project's export map writes field names with underscores: Task_Name, Start_Date, Resource_Names
		const name = cleanHeader(raw.replace(/_/g, ' ')).toLowerCase();
		const column = (Object.keys(COLUMNS) as Column[]).find((c) => COLUMNS[c].includes(name));
		if (column && at[column] === undefined) at[column] = index;
	});
	return at;
}

const emptyRow = (row: number, line: number): TaskImportRow => ({ row, line, title: '', estimateMinutes: null, start: null, due: null, milestone: false, assignees: [], predecessors: [], problems: [], warnings: [] });

/** Reads the file and checks every row; nothing is imported here. */
export function previewTaskImport(text: string, team: readonly TeamName[]): TaskImportPreview {
	const table = parseCsv(text);
	if (table.header.length === 0) return { fileProblem: 'The file is empty: export the task list from Project (File → Save As → CSV) or Excel with a header row.', rows: [], bad: 0 };
	if (table.headerProblem) return { fileProblem: `The header row (line ${table.headerLine}) ${table.headerProblem}.`, rows: [], bad: 0 };
	const at = columnsOf(table.header);
	if (at.name === undefined) return { fileProblem: `The file has no Name column. Its columns are: ${table.header.map(cleanHeader).join(', ')}. Export Name, Duration, Start, Finish, Predecessors and Resource Names.`, rows: [], bad: 0 };

	const members = new Map(team.map((m) => [m.name.trim().toLowerCase(), m.userId]));
	const rows = table.rows.map((csv, index) => {
		const row = emptyRow(index + 1, csv.line);
		if (csv.problem) {
			row.problems.push(`This row ${csv.problem}.`);
			return row;
		}
		const cell = (column: Column) => (at[column] === undefined ? '' : (csv.fields[at[column]!] ?? '').trim());
		const read = <T>(column: Column, parse: (raw: string) => Parsed<T>, empty: T): T => {
			const raw = cell(column);
			const result = parse(raw);
			if ('value' in result) return result.value;
			row.problems.push(`${LABELS[column]} “${raw}” ${result.reason}.`);
			return empty;
		};
		const number = cell('id');
		if (/^\d+$/.test(number)) row.row = Number(number);
		row.title = cell('name');
		if (!row.title) row.problems.push('The task has no name.');
		row.estimateMinutes = read('duration', parseDuration, null);
		row.milestone = row.estimateMinutes === 0;
		row.start = read('start', parseTaskDate, null);
		row.due = read('finish', parseTaskDate, null);
		if (row.start && row.due && row.due < row.start) row.problems.push(`It finishes (${row.due}) before it starts (${row.start}).`);
		if (row.milestone) [row.start, row.due] = [row.due ?? row.start, row.due ?? row.start];
		const predecessors = read('predecessors', parsePredecessors, []);
		row.predecessors = [...new Set(predecessors.map((p) => p.row))];
		const loose = predecessors.filter(simplified).map((p) => `${p.row}${p.type}${p.lag ?? ''}`);
		if (loose.length) row.warnings.push(`Predecessors ${loose.join(', ')} are kept as “finishes first”: lags and start/finish links other than finish-to-start are not kept.`);
		for (const name of resourceNames(cell('resources'))) {
			const userId = members.get(name.toLowerCase());
			if (userId) row.assignees.push(userId);
			else row.warnings.push(`Nobody on the team is called “${name}”; the task is imported without them.`);
		}
		row.assignees = [...new Set(row.assignees)];
		return row;
	});
	checkLinks(rows);
	return { fileProblem: null, rows, bad: rows.filter((r) => r.problems.length > 0).length };
}

/** Predecessors that are not in the file, repeated task numbers, and tasks that would wait on each other. */
function checkLinks(rows: TaskImportRow[]): void {
	const byNumber = new Map<number, TaskImportRow>();
	for (const row of rows) {
		const first = byNumber.get(row.row);
		if (first) row.problems.push(`Task number ${row.row} is already used by line ${first.line}.`);
		else byNumber.set(row.row, row);
	}
	for (const row of rows) {
		for (const p of row.predecessors) {
			if (p === row.row) row.problems.push('It lists itself as its own predecessor.');
			else if (!byNumber.has(p)) row.problems.push(`Predecessor ${p} is not a task in this file (its tasks are numbered 1 to ${rows.length}${byNumber.size !== rows.length ? ', or by their ID column' : ''}).`);
		}
	}
	// each cycle is reported on its first task; skipping that row breaks it, so the next is looked for without it
	const graph = rows.filter((r) => r.problems.length === 0).map((r) => ({ id: String(r.row), dependencies: r.predecessors.filter((p) => p !== r.row).map(String) }));
	for (let cycle = findCycle(graph); cycle; cycle = findCycle(graph)) {
		const first = byNumber.get(Math.min(...cycle.map(Number)))!;
		first.problems.push(cycleMessage(cycle, (id) => `${id}. ${byNumber.get(Number(id))?.title ?? ''}`.trim()));
		graph.splice(graph.findIndex((t) => t.id === String(first.row)), 1);
	}
}

/** A task ready to add, its dependencies as indexes into the list it belongs to. */
export interface TaskToAdd {
	title: string;
	estimateMinutes: number | null;
	start: string | null;
	due: string | null;
	milestone: boolean;
	assignees: string[];
	dependsOn: number[];
}

/**
 * What the import adds: every row when none has a problem; with `skipBad`,
 * the rows without one, and their dependencies on skipped rows dropped.
 * Null when there are problems and the person has not chosen to skip them.
 */
export function tasksToAdd(preview: TaskImportPreview, skipBad: boolean): TaskToAdd[] | null {
	if (preview.fileProblem || (preview.bad > 0 && !skipBad)) return null;
	const good = preview.rows.filter((r) => r.problems.length === 0);
	const indexOf = new Map(good.map((r, i) => [r.row, i]));
	return good.map((r) => ({
		title: r.title,
		estimateMinutes: r.estimateMinutes,
		start: r.start,
		due: r.due,
		milestone: r.milestone,
		assignees: r.assignees,
		dependsOn: r.predecessors.flatMap((p) => indexOf.get(p) ?? [])
	}));
}
