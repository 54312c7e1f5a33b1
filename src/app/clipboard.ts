/**
 * Puts text on the clipboard. The Clipboard API needs a secure context (https or localhost); a page
 * served over plain http falls back to a hidden text area and the copy command. Resolves to whether
 * the text was copied, so the caller can say so or say what to do instead.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    try {
      // The fallback where the Clipboard API is refused (an insecure origin, an old browser).
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
