import type { ChartData, ChartOptions } from 'chart.js';
import { compliance, type ComplianceRow, type SlaReport, type Tally } from '#lib/domain/servicedesk/sla-report.js';
import { toCsv, type Column } from '#lib/domain/import/export.js';
import { SERIES_COLORS, type FigureTable } from '../charts/figures.js';
import { formatDate, formatShare } from '../format.js';

/**
 * The SLA compliance report's chart and tables, from the same rows so the
 * table under the chart shows the chart's numbers: per week, the targets met
 * and missed (stacked bars) of one clock, and the share met.
 */

export type Clock = 'resolution' | 'firstResponse';

const [, MISSED, MET] = SERIES_COLORS;
const SHORT_DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

const share = (t: Tally) => {
	const value = compliance(t);
	return value === null ? '—' : formatShare(value);
};

export const tallyCells = (t: Tally) => [String(t.met), String(t.missed), String(t.open), share(t)];
export const TALLY_COLUMNS = ['Met', 'Missed', 'Open', 'Met share'];

export function weeklyFigure(report: SlaReport, clock: Clock): { data: ChartData<'bar'>; table: FigureTable } {
	const weeks = report.weeks.filter((w) => w[clock].met + w[clock].missed + w[clock].open > 0);
	const label = (w: { week: string }) => `Week of ${formatDate(`${w.week}T12:00:00.000Z`, 'UTC')}`;
	return {
		data: {
			// the axis names each week by its Monday, short; the table says it in full
			labels: report.weeks.map((w) => SHORT_DAY.format(new Date(`${w.week}T12:00:00.000Z`))),
			datasets: [
				{ label: 'Met', data: report.weeks.map((w) => w[clock].met), backgroundColor: MET, stack: 'sla' },
				{ label: 'Missed', data: report.weeks.map((w) => w[clock].missed), backgroundColor: MISSED, stack: 'sla' }
			]
		},
		table: {
			heading: 'Week',
			columns: TALLY_COLUMNS,
			rows: weeks.map((w) => ({ label: label(w), cells: tallyCells(w[clock]) })),
			total: tallyCells(report.total[clock])
		}
	};
}

export const STACKED: ChartOptions<'bar'> = {
	scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
	plugins: { legend: { display: true } }
};

interface CsvLine {
	group: string;
	key: string;
	clock: string;
	tally: Tally;
}

const CSV_COLUMNS: Column<CsvLine>[] = [
	['Group', 'group'],
	['Week or priority', 'key'],
	['Clock', 'clock'],
	['Met', (l) => l.tally.met],
	['Missed', (l) => l.tally.missed],
	['Open', (l) => l.tally.open],
	['Met share', (l) => compliance(l.tally)?.toFixed(4) ?? '']
];

/** The report as CSV: a line per week and clock, then per priority and clock. */
export function slaReportCsv(report: SlaReport): string {
	const lines = (group: string, key: string, row: ComplianceRow): CsvLine[] => [
		{ group, key, clock: 'first response', tally: row.firstResponse },
		{ group, key, clock: 'resolution', tally: row.resolution }
	];
	return toCsv([...report.weeks.flatMap((w) => lines('week', w.week, w)), ...report.priorities.flatMap((p) => lines('priority', p.priority, p))], CSV_COLUMNS);
}
