/**
 * Adds a Copy button to each code block (`pre > code`) of a plain page such as the embed demo, and
 * says what happened in one polite live region, so screen readers hear "Copied" too.
 */
import { copyText } from './clipboard.ts';

export function addCopyButtons(root: ParentNode = document): void {
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.className = 'copy-status';
  (document.querySelector('main') ?? document.body).append(status);
  for (const code of root.querySelectorAll<HTMLElement>('pre > code')) {
    const block = code.parentElement!;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    const what = block.getAttribute('aria-label') ?? 'code';
    button.setAttribute('aria-label', `Copy ${what}`);
    button.addEventListener('click', () => {
      void copyText(code.textContent ?? '').then((copied) => {
        button.textContent = copied ? 'Copied' : 'Copy';
        status.textContent = copied ? `Copied ${what} to the clipboard.` : `Could not copy: select the ${what} and copy it by hand.`;
      });
    });
    block.before(button);
  }
}

addCopyButtons();
