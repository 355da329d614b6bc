import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

/**
 * The pieces of chart.js the app draws with, registered once. `chart.js/auto`
 * would bundle every chart type, scale and plugin; registering by name keeps
 * the other chart types, elements and plugins out of the bundle (the bundler
 * still keeps chart.js's other scale classes: it cannot prove their static
 * fields pure). A report that needs another type (a doughnut, a time scale)
 * registers its pieces here.
 */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

// the chart fills the box its container sizes (Chart.svelte), on any screen width
Chart.defaults.maintainAspectRatio = false;
// a chart of one or two bars would otherwise fill its whole box with them
Chart.defaults.datasets.bar.maxBarThickness = 40;

if (typeof document !== 'undefined') {
	// charts speak in the app's type and muted text colour, taken from app.css rather than repeated
	const style = getComputedStyle(document.documentElement);
	Chart.defaults.font.family = style.getPropertyValue('--font').trim() || Chart.defaults.font.family;
	Chart.defaults.color = style.getPropertyValue('--c-text-muted').trim() || Chart.defaults.color;
	if (matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;
}

/**
 * A copy of a chart's data or options for chart.js, which writes into what it
 * is given (array listeners, merged scales): plain objects and arrays are
 * copied all the way down, so a caller's $state is never changed from inside
 * an effect (and reading it deeply makes the effect follow every change);
 * functions (tick and tooltip callbacks) and other values are kept as they are.
 */
export function copyForChart<V>(value: V): V {
	if (Array.isArray(value)) return value.map(copyForChart) as V;
	if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyForChart(item)])) as V;
	}
	return value;
}

export { Chart };
