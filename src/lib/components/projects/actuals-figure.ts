import type { ChartData } from 'chart.js';
import type { PhaseRollup, ProjectRollup } from '#lib/domain/project/rollup.js';
import { formatWork } from '#lib/domain/project/work.js';
import { SERIES_COLORS, type FigureTable } from '../charts/figures.js';

/**
 * The estimate-against-actual chart of a project: a pair of bars per phase
 * (hours estimated, hours logged), and the same numbers as its table. Chart
 * values are hours, so the axis reads as people plan.
 */

const [ESTIMATE, ACTUAL] = SERIES_COLORS;
const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
const variance = (minutes: number) => (minutes > 0 ? `+${formatWork(minutes)}` : minutes < 0 ? `−${formatWork(-minutes)}` : '0h');

export function actualsFigure(phases: readonly PhaseRollup[], project: ProjectRollup, phaseName: (id: string | null) => string): { data: ChartData<'bar'>; table: FigureTable } {
	const shown = phases.filter((p) => p.estimateMinutes > 0 || p.actualMinutes > 0);
	return {
		data: {
			labels: shown.map((p) => phaseName(p.phaseId)),
			datasets: [
				{ label: 'Estimate', data: shown.map((p) => hours(p.estimateMinutes)), backgroundColor: ESTIMATE },
				{ label: 'Logged', data: shown.map((p) => hours(p.actualMinutes)), backgroundColor: ACTUAL }
			]
		},
		table: {
			heading: 'Phase',
			columns: ['Estimate', 'Logged', 'Variance', 'Complete'],
			rows: shown.map((p) => ({ label: phaseName(p.phaseId), cells: [formatWork(p.estimateMinutes) || '0h', formatWork(p.actualMinutes) || '0h', variance(p.varianceMinutes), `${p.percentComplete}%`] })),
			total: [formatWork(project.estimateMinutes) || '0h', formatWork(project.actualMinutes) || '0h', variance(project.varianceMinutes), `${project.percentComplete}%`]
		}
	};
}
