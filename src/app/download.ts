/** Hands text to the browser as a file download. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  // The download has started reading the blob by now; give it time before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
