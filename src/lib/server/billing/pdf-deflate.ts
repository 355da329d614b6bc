import { deflateSync } from 'node:zlib';
import { jsPDF } from 'jspdf';

/**
 * jsPDF 4 compresses each page's content (FlateEncode) and then turns the
 * compressed bytes back into a string one character at a time, by string
 * concatenation: a rope with a node per byte, ~110 MB of them for a run of
 * 1,000 invoices before the document is joined, and a good part of the time
 * spent in output(). Its filter step is one hook for the whole library
 * (jsPDF.API.processDataByFilters), so that is where this goes: a chain that
 * is FlateEncode alone is deflated by node:zlib and converted in one call —
 * the same filter, the same zlib stream format, every document of the process
 * alike — and any other chain is handed to jsPDF's own step unchanged.
 */

type FilterStep = ((data: string, chain?: string | string[]) => { data: string; reverseChain: string }) & { native?: true };

const api = jsPDF.API as unknown as { processDataByFilters: FilterStep };

const flateOnly = (chain: string | string[] | undefined): boolean => {
	const filters = typeof chain === 'string' ? [chain] : (chain ?? []);
	return filters.length === 1 && (filters[0] === 'FlateEncode' || filters[0] === '/FlateEncode');
};

/** Installs the node:zlib step once per process; later calls do nothing. */
export function useNativeDeflate(): void {
	const original = api.processDataByFilters;
	if (typeof original !== 'function' || original.native) return;
	const step: FilterStep = (data, chain) =>
		flateOnly(chain) ? { data: deflateSync(Buffer.from(data, 'latin1')).toString('latin1'), reverseChain: '/FlateDecode' } : original(data, chain);
	step.native = true;
	api.processDataByFilters = step;
}
