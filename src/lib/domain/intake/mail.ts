import { convert, type HtmlToTextOptions } from 'html-to-text';

/**
 * The pure half of mail intake: which ticket a subject names, a mail body as
 * plain text (HTML converted, scripts and styles dropped, never markup), and
 * a reply without the quoted history below it.
 */

/** The ticket number a subject carries: `T-123`, `[T-123]`, `Re: … (T-123)`; the first one wins. */
export function ticketNumberFromSubject(subject: string | null | undefined): number | null {
	const match = /(?<![A-Za-z0-9])T-(\d{1,12})(?![A-Za-z0-9-])/i.exec(subject ?? '');
	if (!match) return null;
	const number = Number(match[1]);
	return Number.isSafeInteger(number) && number > 0 ? number : null;
}

/** Reply and forward prefixes mail programs put before a subject, in a few languages. */
const PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|vs|antw|tr|r|rif|odp|res)\s*(\[\d+\])?\s*:\s*)+/i;

/** The subject as a ticket title: no "Re:"/"Fwd:" chain, one line, at most `max` characters. */
export function titleFromSubject(subject: string | null | undefined, max = 300): string {
	const clean = (subject ?? '').replace(/\s+/g, ' ').replace(PREFIX, '').trim();
	return (clean || '(no subject)').slice(0, max);
}

const HTML_OPTIONS: HtmlToTextOptions = {
	wordwrap: false,
	selectors: [
		{ selector: 'script', format: 'skip' },
		{ selector: 'style', format: 'skip' },
		{ selector: 'head', format: 'skip' },
		{ selector: 'img', format: 'skip' },
		{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
		{ selector: 'table', format: 'dataTable' }
	]
};

/**
 * An HTML body as the plain text a person would read: blocks become lines,
 * links keep their address, scripts, styles and images are dropped, and no
 * tag survives (entities become the characters they stand for; whoever shows
 * the text escapes it).
 */
export function htmlToText(html: string): string {
	return tidy(convert(html, HTML_OPTIONS));
}

/** Line ends as `\n`, no trailing spaces, at most one blank line in a row. */
function tidy(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[ \t]+$/gm, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** The body of a mail as text: its text part, else its HTML part converted. */
export function mailText(parts: { text?: string | null; html?: string | null }): string {
	if (parts.text?.trim()) return tidy(parts.text);
	if (parts.html?.trim()) return htmlToText(parts.html);
	return '';
}

/** Lines that start the quoted history of a reply in common mail programs. */
const QUOTE_HEADERS = [
	/^On .{1,300}wrote:\s*$/, // Gmail, Apple Mail, Thunderbird
	/^Am .{1,300}schrieb .{1,200}:\s*$/, // the same, in German
	/^Le .{1,300}a écrit\s*:\s*$/, // in French
	/^-{2,}\s*Original Message\s*-{2,}\s*$/i, // Outlook (plain)
	/^-{2,}\s*Forwarded message\s*-{2,}\s*$/i,
	/^From: .+$/ // Outlook's header block, when followed by Sent:/Date:
];

/**
 * A reply without the history it quotes: everything from the first line
 * that starts the quote ("On … wrote:", "-----Original Message-----",
 * Outlook's From:/Sent: block) or from a run of "> " lines to the end. When
 * nothing but quote would be left, the whole text stays.
 */
export function stripQuotedReply(text: string): string {
	const lines = text.split('\n');
	let cut = lines.length;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].trim();
		const header = QUOTE_HEADERS.some((re, k) => re.test(line) && (k < QUOTE_HEADERS.length - 1 || /^(Sent|Date):/i.test(lines[i + 1]?.trim() ?? '')));
		if (header || (line.startsWith('>') && lines.slice(i).every((l) => l.trim() === '' || l.trim().startsWith('>')))) {
			cut = i;
			break;
		}
	}
	const reply = lines.slice(0, cut).join('\n').trim();
	return reply || text.trim();
}

/** A Message-ID without its angle brackets and spaces; null when there is none. */
export function normalMessageId(value: string | null | undefined): string | null {
	const clean = value?.trim().replace(/^<|>$/g, '').trim();
	return clean ? clean.slice(0, 500) : null;
}

/** The Message-IDs a reply refers to (In-Reply-To first, then References, newest first). */
export function referencedIds(inReplyTo: string | null | undefined, references: string | null | undefined): string[] {
	const ids = (value: string | null | undefined) => [...(value ?? '').matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
	return [...new Set([...ids(inReplyTo), ...ids(references).reverse()])].slice(0, 50);
}

/** Text cut to what a note or description holds, saying so when it was cut. */
export function fit(text: string, max: number): string {
	if (text.length <= max) return text;
	const marker = '\n\n[… the rest of this mail was cut: it was too long]';
	return text.slice(0, max - marker.length) + marker;
}
