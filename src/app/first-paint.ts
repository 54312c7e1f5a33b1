/**
 * Resolves once the browser has painted content, so loading TensorFlow.js never delays the first
 * paint; a timer covers browsers without paint timing.
 */
export function afterFirstContentfulPaint(): Promise<void> {
  return new Promise((resolve) => {
    const painted = (): boolean => performance.getEntriesByName('first-contentful-paint').length > 0;
    if (painted()) {
      resolve();
      return;
    }
    const observer = new PerformanceObserver(() => {
      if (!painted()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'paint', buffered: true });
    setTimeout(resolve, 1000);
  });
}
