import { LINE_KIND_LABELS, LINE_KINDS, type InvoiceLine } from '#lib/domain/billing/invoice.js';
import { GREY, LEFT, RIGHT, Sheet } from './pdf-sheet.js';
import { pdfSafe, wrapText } from './pdf-text.js';

/**
 * The invoice's lines as a table, grouped by kind under LINE_KIND_LABELS
 * headings: date, description, quantity, unit price, amount. Laid out by hand:
 * every line of the table is the same height, so the part of the table on a
 * page is drawn with one jsPDF text call per column (an array of strings, ''
 * where a column has nothing) instead of one per cell — each text call costs
 * about as much as the PDF's whole page setup, and a table plugin makes several
 * per cell, where a billing run prints tens of thousands of cells. A row moves
 * whole to the next page when it does not fit, a heading with its first row;
 * only a row taller than a page (a description pasted from a log) is split.
 */

const SIZE = 8.5;
const HEADING_SIZE = 9;
/** the height of every line of the table, rows and headings alike */
const LEADING = 13;
/** the baseline below the top of its line */
const ASCENT = 9;
const HEADER_HEIGHT = 18;

const DATE_X = LEFT;
const DESCRIPTION_X = LEFT + 56;
const QTY_RIGHT = RIGHT - 170;
const PRICE_RIGHT = RIGHT - 85;
const AMOUNT_RIGHT = RIGHT;
const DESCRIPTION_WIDTH = QTY_RIGHT - 48 - DESCRIPTION_X;

const quantityFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export type Money = (minor: number) => string;

/** One line of the table: what each column shows on it. */
interface TableLine {
	date: string;
	description: string;
	qty: string;
	price: string;
	amount: string;
	heading: string;
	/** a faint rule above: a row that follows another row */
	rule: boolean;
}

const BLANK: TableLine = { date: '', description: '', qty: '', price: '', amount: '', heading: '', rule: false };

/** The lines by kind, in LINE_KINDS order, each group in the invoice's order; empty groups left out. */
export function groupLines(lines: readonly InvoiceLine[]): { label: string; lines: InvoiceLine[] }[] {
	return LINE_KINDS.map((kind) => ({ label: LINE_KIND_LABELS[kind], lines: lines.filter((l) => l.kind === kind) })).filter((g) => g.lines.length > 0);
}

/** An invoice line as table lines: the figures on the first, the description wrapped over as many as it takes. */
function rowLines(sheet: Sheet, line: InvoiceLine, money: Money, rule: boolean): TableLine[] {
	sheet.doc.setFont('helvetica', 'normal').setFontSize(SIZE);
	const [first, ...more] = wrapText(sheet.doc, line.description, DESCRIPTION_WIDTH);
	const figures = { date: line.serviceDate ? pdfSafe(line.serviceDate) : '', qty: quantityFormat.format(line.quantity), price: money(line.unitPrice), amount: money(line.amount) };
	return [{ ...BLANK, ...figures, description: first, rule }, ...more.map((description) => ({ ...BLANK, description }))];
}

function drawHeader(sheet: Sheet): void {
	const { doc } = sheet;
	const baseline = sheet.y + 10;
	doc.setFont('helvetica', 'bold').setFontSize(8).setTextColor(GREY);
	doc.text('Date', DATE_X, baseline);
	doc.text('Description', DESCRIPTION_X, baseline);
	doc.text('Qty', QTY_RIGHT, baseline, { align: 'right' });
	doc.text('Unit price', PRICE_RIGHT, baseline, { align: 'right' });
	doc.text('Amount', AMOUNT_RIGHT, baseline, { align: 'right' });
	doc.setDrawColor(GREY).setLineWidth(0.6).line(LEFT, sheet.y + 14, RIGHT, sheet.y + 14);
	doc.setTextColor(0);
	sheet.y += HEADER_HEIGHT;
}

/** One column of a slice as a single text call, left out when the column is empty there. */
function drawColumn(sheet: Sheet, texts: string[], x: number, top: number, size: number, align: 'left' | 'right'): void {
	if (texts.every((t) => t === '')) return;
	sheet.doc.text(texts, x, top + ASCENT, { align, lineHeightFactor: LEADING / size });
}

/** The rules of a slice: faint ones between rows, a darker one under each heading (each style set once). */
function drawRules(sheet: Sheet, lines: readonly TableLine[], top: number): void {
	const { doc } = sheet;
	const at = (test: (line: TableLine) => boolean): number[] => lines.flatMap((line, i) => (test(line) ? [top + i * LEADING] : []));
	doc.setDrawColor(225).setLineWidth(0.3);
	for (const y of at((line) => line.rule)) doc.line(LEFT, y + 0.5, RIGHT, y + 0.5);
	doc.setDrawColor(190).setLineWidth(0.4);
	for (const y of at((line) => line.heading !== '')) doc.line(LEFT, y + ASCENT + 3, RIGHT, y + ASCENT + 3);
}

/** The table lines that fell on one page, from top down. */
function drawSlice(sheet: Sheet, lines: readonly TableLine[], top: number): void {
	if (lines.length === 0) return;
	const { doc } = sheet;
	const column = (key: keyof Omit<TableLine, 'rule'>): string[] => lines.map((line) => line[key]);
	drawRules(sheet, lines, top);
	doc.setFont('helvetica', 'normal').setFontSize(SIZE);
	drawColumn(sheet, column('date'), DATE_X, top, SIZE, 'left');
	drawColumn(sheet, column('description'), DESCRIPTION_X, top, SIZE, 'left');
	drawColumn(sheet, column('qty'), QTY_RIGHT, top, SIZE, 'right');
	drawColumn(sheet, column('price'), PRICE_RIGHT, top, SIZE, 'right');
	drawColumn(sheet, column('amount'), AMOUNT_RIGHT, top, SIZE, 'right');
	doc.setFont('helvetica', 'bold').setFontSize(HEADING_SIZE);
	drawColumn(sheet, column('heading'), LEFT, top, HEADING_SIZE, 'left');
}

/** Collects the table lines of the current page and draws them when the page is full or the table ends. */
class TableFlow {
	private lines: TableLine[] = [];
	private top: number;

	constructor(private readonly sheet: Sheet) {
		this.top = sheet.y;
	}

	/** Lines kept together on one page when they fit on one, split over pages only when they do not. */
	place(block: readonly TableLine[]): void {
		const { sheet } = this;
		const height = block.length * LEADING;
		if (!sheet.fits(height) && sheet.y > sheet.bodyTop && Sheet.fitsAPage(height)) this.breakPage();
		// a spacer line is left out at the top of a page
		const lines = this.lines.length === 0 && block[0] === BLANK ? block.slice(1) : block;
		for (const line of lines) {
			if (!sheet.fits(LEADING)) this.breakPage();
			this.lines.push(line);
			sheet.y += LEADING;
		}
	}

	/** Draws this page's lines and goes on to the next page (which repeats the table header). */
	private breakPage(): void {
		this.flush();
		this.sheet.newPage();
		this.top = this.sheet.y;
	}

	flush(): void {
		drawSlice(this.sheet, this.lines, this.top);
		this.lines = [];
	}
}

/** The whole table, from sheet.y down, over as many pages as it takes. */
export function drawLineTable(sheet: Sheet, lines: readonly InvoiceLine[], money: Money): void {
	sheet.tableHeader = () => drawHeader(sheet);
	drawHeader(sheet);
	sheet.bodyTop = sheet.y;
	const flow = new TableFlow(sheet);
	for (const group of groupLines(lines)) {
		const heading = { ...BLANK, heading: pdfSafe(group.label) };
		group.lines.forEach((line, i) => flow.place([...(i === 0 ? [BLANK, heading] : []), ...rowLines(sheet, line, money, i > 0)]));
	}
	flow.flush();
	sheet.tableHeader = null;
	sheet.doc.setDrawColor(GREY).setLineWidth(0.6).line(LEFT, sheet.y + 2, RIGHT, sheet.y + 2);
	sheet.y += 10;
}
