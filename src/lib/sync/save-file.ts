/** Hands a CSV text to the browser as a download named `name`. */
export function saveCsv(name: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
	const link = Object.assign(document.createElement('a'), { href: url, download: name });
	document.body.append(link);
	link.click();
	link.remove();
	// the download has taken the blob by the time the click returns; a moment later it can go
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
