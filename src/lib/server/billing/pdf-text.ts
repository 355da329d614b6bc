import type { jsPDF } from 'jspdf';

/**
 * Text as the invoice PDF can print it. The PDF uses jsPDF's built-in
 * Helvetica (nothing embedded, so a run of 1,000 invoices stays small), which
 * encodes WinAnsi only: one character outside it makes jsPDF write the whole
 * string as UTF-16 and the line comes out as garbage. So every string is made
 * WinAnsi first — accents dropped where that leaves a letter it has ("Ś" → "S"),
 * a few letters and dashes that do not decompose spelled plainly ("Ł" → "L"),
 * "?" otherwise — and wrapped here by the font's own widths, long words broken
 * by characters, so no cell runs past its column whatever a customer typed.
 */

/** WinAnsi's characters in 0x80–0x9F, the ones above Latin-1 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** letters with a stroke and typographic marks that NFKD leaves as they are */
const PLAIN: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't', '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2212': '-', '\u2032': "'", '\u2033': '"' };
const PRINTABLE_LATIN1 = /^[\x20-\x7e\xa0-\xff]*$/;
const SPACE_OR_CONTROL = /[\s\p{Cc}]/u;
const INVISIBLE = /\p{Cf}/u;
const MARKS = /\p{M}/gu;
const SPACES = /\s+/;

function encodable(ch: string): boolean {
	const code = ch.codePointAt(0) ?? 0;
	return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

function fallback(ch: string): string {
	if (SPACE_OR_CONTROL.test(ch)) return ' ';
	if (INVISIBLE.test(ch)) return '';
	if (PLAIN[ch]) return PLAIN[ch];
	const base = ch.normalize('NFKD').replace(MARKS, '');
	return base !== '' && [...base].every(encodable) ? base : '?';
}

/** The text with every character the built-in font cannot print replaced. */
export function pdfSafe(text: string): string {
	if (PRINTABLE_LATIN1.test(text)) return text;
	let out = '';
	for (const ch of text.normalize('NFC')) out += encodable(ch) ? ch : fallback(ch);
	return out;
}

/**
 * Each character's width at size 1, per font, measured once: jsPDF's own
 * measure runs its Arabic shaping over the string on every call, and the
 * invoice measures every word it wraps. The text is WinAnsi by then (pdfSafe),
 * so each table holds at most a couple of hundred characters.
 */
const widthTables = new Map<string, Map<string, number>>();

type Measure = (text: string) => number;

/** Width in points, in the document's current font and size. */
function measureIn(doc: jsPDF): Measure {
	const font = doc.getFont();
	const key = `${font.fontName}/${font.fontStyle}`;
	let table = widthTables.get(key);
	if (!table) widthTables.set(key, (table = new Map()));
	const widths = table;
	const size = doc.getFontSize();
	return (text) => {
		let width = 0;
		for (const ch of text) {
			let w = widths.get(ch);
			if (w === undefined) widths.set(ch, (w = doc.getStringUnitWidth(ch)));
			width += w;
		}
		return width * size;
	};
}

/** A word wider than the column, cut into pieces that fit. */
function breakWord(measure: Measure, word: string, width: number): string[] {
	const pieces: string[] = [];
	let piece = '';
	let used = 0;
	for (const ch of word) {
		const w = measure(ch);
		if (used + w > width && piece !== '') {
			pieces.push(piece);
			piece = '';
			used = 0;
		}
		piece += ch;
		used += w;
	}
	pieces.push(piece);
	return pieces;
}

/** One paragraph wrapped greedily at spaces. */
function wrapParagraph(measure: Measure, paragraph: string, width: number): string[] {
	const text = pdfSafe(paragraph).trim();
	if (measure(text) <= width) return [text];
	const space = measure(' ');
	const lines: string[] = [];
	let line = '';
	let used = 0;
	for (const word of text.split(SPACES)) {
		const w = measure(word);
		if (line !== '' && used + space + w <= width) {
			line += ` ${word}`;
			used += space + w;
			continue;
		}
		if (line !== '') lines.push(line);
		const pieces = w > width ? breakWord(measure, word, width) : [word];
		lines.push(...pieces.slice(0, -1));
		line = pieces.at(-1) ?? '';
		used = measure(line);
	}
	lines.push(line);
	return lines;
}

/** Text (newlines kept as breaks) as lines no wider than width points, in the document's current font and size. */
export function wrapText(doc: jsPDF, text: string, width: number): string[] {
	const measure = measureIn(doc);
	return text.split(/\r\n|\r|\n/).flatMap((paragraph) => wrapParagraph(measure, paragraph, width));
}
