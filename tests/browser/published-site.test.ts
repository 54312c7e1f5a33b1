/**
 * What the built site publishes: a robots.txt of its own (not the app's page in its place), and none of
 * the tests' pages, neither as files nor in the service worker's precache.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';

describe('the published site', () => {
  it('answers robots.txt with a robots file', async () => {
    const response = await fetch(new URL('robots.txt', inject('appUrl')));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/^User-agent: \*$/m);
  });

  it('neither ships nor precaches the test pages', async () => {
    expect(existsSync('dist/tests')).toBe(false);
    const serviceWorker = await readFile('dist/sw.js', 'utf8');
    expect(serviceWorker).not.toMatch(/fused-training|fused-features|tests\/browser/);
    const response = await fetch(new URL('tests/browser/pages/fused-training.html', inject('appUrl')));
    expect(await response.text()).not.toMatch(/fused training check/);
  });
});
