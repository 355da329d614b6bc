import type { jsPDF } from 'jspdf';

/**
 * The page flow of one invoice in a PDF that may hold many (a billing run).
 * Drawing goes down the page from `y`; whatever does not fit below `BOTTOM`
 * goes on a new page, which gets the invoice's short heading and — while a
 * table is being drawn — the table's header again. Page numbers count the
 * invoice's own pages ("Page 2 of 3"), so they are written when the invoice
 * is done and its page count is known.
 */

/** A4 portrait in points */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
const MARGIN = 42;
export const LEFT = MARGIN;
export const RIGHT = PAGE_WIDTH - MARGIN;
export const TOP = MARGIN;
/** below this the page is the footer's: the page number */
export const BOTTOM = PAGE_HEIGHT - 60;
const FOOTER_BASELINE = PAGE_HEIGHT - 30;

export const GREY = 110;

export class Sheet {
	y = TOP;
	/** where the body starts on the current page, under its headings */
	bodyTop = TOP;
	/** drawn at the top of a continuation page while a table runs */
	tableHeader: (() => void) | null = null;
	private readonly firstPage: number;

	/** Starts an invoice on a page of its own: the document's first page, or a new one. */
	constructor(
		readonly doc: jsPDF,
		firstInDocument: boolean,
		private readonly heading: (sheet: Sheet) => void
	) {
		if (!firstInDocument) doc.addPage();
		this.firstPage = doc.getNumberOfPages();
	}

	/** points left above the footer */
	room(): number {
		return BOTTOM - this.y;
	}

	/** whether height could fit on any page: more than that is split wherever it starts */
	static fitsAPage(height: number): boolean {
		return height <= BOTTOM - TOP;
	}

	fits(height: number): boolean {
		return height <= this.room();
	}

	/** A new page when height does not fit on this one (and this one is not already empty). */
	ensure(height: number): void {
		if (!this.fits(height) && this.y > this.bodyTop) this.newPage();
	}

	newPage(): void {
		this.doc.addPage();
		this.y = TOP;
		this.heading(this);
		this.tableHeader?.();
		this.bodyTop = this.y;
	}

	/** Writes "Page n of m" on each of the invoice's pages, with the label (its number) beside it. */
	finish(label: string): void {
		const { doc } = this;
		const last = doc.getNumberOfPages();
		const count = last - this.firstPage + 1;
		doc.setFont('helvetica', 'normal').setFontSize(7.5).setTextColor(GREY);
		for (let page = this.firstPage; page <= last; page++) {
			doc.setPage(page);
			doc.text(label, LEFT, FOOTER_BASELINE);
			doc.text(`Page ${page - this.firstPage + 1} of ${count}`, RIGHT, FOOTER_BASELINE, { align: 'right' });
		}
		doc.setTextColor(0);
	}
}
