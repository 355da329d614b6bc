/** The server's answer to one upload: status 0 when the request never got one (network). */
export interface PutAnswer {
	status: number;
	message?: string;
}

/**
 * Sends a file's bytes with `PUT /api/v1/files/{id}`. XMLHttpRequest rather than
 * fetch, because only it reports upload progress.
 */
export function putFile(fileId: string, name: string, blob: Blob, onProgress: (fraction: number) => void): Promise<PutAnswer> {
	return new Promise((resolve) => {
		const xhr = new XMLHttpRequest();
		xhr.open('PUT', `/api/v1/files/${fileId}?name=${encodeURIComponent(name)}`);
		xhr.responseType = 'json';
		xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
		xhr.onload = () => resolve({ status: xhr.status, message: (xhr.response as { error?: { message?: string } } | null)?.error?.message });
		xhr.onerror = () => resolve({ status: 0 });
		xhr.ontimeout = () => resolve({ status: 0 });
		xhr.send(blob);
	});
}
