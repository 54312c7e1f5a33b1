/**
 * Runs `near` once, when `target` first comes within half a window of the viewport (at once if it is
 * there already). For drawings below the fold that take tens of milliseconds on a phone: they are
 * made when they may be seen, not while the page loads. Returns a function that stops watching.
 */
export function whenNearView(target: Element, near: () => void): () => void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      near();
    },
    { rootMargin: '50% 0px' },
  );
  observer.observe(target);
  return () => observer.disconnect();
}
