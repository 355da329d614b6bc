import { describe, expect, it } from 'vitest';
import { fit, htmlToText, mailText, normalMessageId, referencedIds, stripQuotedReply, ticketNumberFromSubject, titleFromSubject } from './mail.js';

describe('ticket numbers in subjects', () => {
	it('finds T-123 however it is written', () => {
		expect(ticketNumberFromSubject('T-123')).toBe(123);
		expect(ticketNumberFromSubject('[T-123] Printer jams')).toBe(123);
		expect(ticketNumberFromSubject('Re: RE: Fwd: Printer jams (T-42)')).toBe(42);
		expect(ticketNumberFromSubject('re: [t-7] still broken')).toBe(7);
		expect(ticketNumberFromSubject('Ticket T-9: and T-10')).toBe(9);
	});

	it('does not see numbers that are not ticket numbers', () => {
		expect(ticketNumberFromSubject('New T-shirts')).toBeNull();
		expect(ticketNumberFromSubject('AT-123 router')).toBeNull();
		expect(ticketNumberFromSubject('T-123abc')).toBeNull();
		expect(ticketNumberFromSubject('T-0')).toBeNull();
		expect(ticketNumberFromSubject(undefined)).toBeNull();
	});

	it('makes a title of a subject', () => {
		expect(titleFromSubject('Re: Fwd: AW:  Printer\n jams')).toBe('Printer jams');
		expect(titleFromSubject('   ')).toBe('(no subject)');
		expect(titleFromSubject('x'.repeat(400))).toHaveLength(300);
	});
});

describe('mail bodies as text', () => {
	it('drops scripts, styles and every tag', () => {
		const html = '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><p>Hello <b>there</b> &amp; welcome</p><script>steal()</script><img src=x onerror=alert(2)><p onclick="x()">Bye</p></body></html>';
		const text = htmlToText(html);
		expect(text).toBe('Hello there & welcome\n\nBye');
		expect(text).not.toMatch(/<|alert|steal|color/);
	});

	it('keeps links, lists and line breaks readable', () => {
		expect(htmlToText('<p>See <a href="https://status.example">the status page</a></p><ul><li>one</li><li>two</li></ul>line<br>break')).toBe(
			'See the status page [https://status.example]\n\n * one\n * two\n\nline\nbreak'
		);
	});

	it('prefers the text part and converts the HTML part otherwise', () => {
		expect(mailText({ text: 'plain\r\nbody  \r\n', html: '<p>html</p>' })).toBe('plain\nbody');
		expect(mailText({ html: '<div>only <i>html</i></div>' })).toBe('only html');
		expect(mailText({})).toBe('');
	});

	it('cuts the quoted history off a reply', () => {
		expect(stripQuotedReply('Works now, thanks!\n\nOn Mon, 1 Dec 2026 at 09:00, Help Desk <help@msp.example> wrote:\n> Did you restart it?')).toBe('Works now, thanks!');
		expect(stripQuotedReply('Still broken.\n\n-----Original Message-----\nFrom: Help Desk')).toBe('Still broken.');
		expect(stripQuotedReply('Yes.\n\nFrom: Help Desk <help@msp.example>\nSent: Monday\nSubject: T-1')).toBe('Yes.');
		expect(stripQuotedReply('See below\n> quoted\n> more')).toBe('See below');
		// a quote in the middle, answered below, stays
		expect(stripQuotedReply('> you asked\nmy answer')).toBe('> you asked\nmy answer');
		expect(stripQuotedReply('> only a quote')).toBe('> only a quote');
	});

	it('reads Message-IDs and what a reply refers to', () => {
		expect(normalMessageId(' <abc@mail.example> ')).toBe('abc@mail.example');
		expect(normalMessageId('')).toBeNull();
		expect(referencedIds('<b@x>', '<a@x> <b@x>')).toEqual(['b@x', 'a@x']);
	});

	it('cuts text that is too long, and says so', () => {
		const cut = fit('x'.repeat(500), 100);
		expect(cut).toHaveLength(100);
		expect(cut).toContain('was cut');
		expect(fit('short', 100)).toBe('short');
	});
});
