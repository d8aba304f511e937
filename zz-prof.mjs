import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
const server = await preview({ preview: { port: 4198, host: '127.0.0.1' }, build: { outDir: '/tmp/prof/dist' } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto('http://127.0.0.1:4198/');
await page.locator('[data-template="annual-plan"]').first().click();
await page.locator('[data-sheet-tab="B_Target"]').first().waitFor();
const ready = () => page.waitForFunction(() => document.querySelector('[data-testid="engine-status"]')?.textContent?.trim() === 'ready', undefined, { polling: 'raf' });
await ready();
await page.locator('[data-sheet-tab="B_Target"]').first().click();
const sel = async (ref) => { const b = page.locator('[data-testid="name-box"]'); await b.fill(ref); await b.press('Enter'); };
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const times = [];
for (let i = 0; i < 14; i++) {
  if (i === 4) await cdp.send('Profiler.start');
  await sel('B_Target!A35'); await page.keyboard.press('Shift+Space');
  const ms = await page.evaluate(() => new Promise((resolve) => {
    const input = document.querySelector('[data-testid="cell-editor"]');
    const done = () => document.querySelector('[data-testid="engine-status"]')?.textContent?.trim() === 'ready' && document.querySelector('[data-cell="B_Target!A36"]')?.getAttribute('data-value') === '西部 West';
    let t0 = 0;
    const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(performance.now() - t0); } });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: '+', code: 'Equal', ctrlKey: true, shiftKey: true, bubbles: true, cancelable: true }));
  }));
  times.push(ms);
  await ready(); await page.keyboard.press('Control+z'); await ready();
}
const { profile } = await cdp.send('Profiler.stop');
writeFileSync('/tmp/prof/insert.cpuprofile', JSON.stringify(profile));
console.log('times', times.map((t) => t.toFixed(1)).join(' '));
await browser.close(); await server.httpServer.close();
