/**
 * Excel compatibility must not regress: every Excel-saved workbook under
 * ../shared/compat/excel-calc-tests is imported and computed by the product, each formula cell is
 * compared with Excel's cached value, and the match rate (in all and per category) may not fall
 * below the recorded baseline (test/compat-baseline.json). When a change raises the rate, record the new figures there
 * (`npm run compat -- ../shared/compat/excel-calc-tests` prints them).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categoryTable, runCompat } from '../../scripts/compatCore';
import baseline from '../compat-baseline.json';

const DIR = resolve(__dirname, '../../../shared/compat/excel-calc-tests');

describe('Excel compatibility suite', () => {
  it('matches Excel on at least the baseline share of formula cells', async () => {
    if (!existsSync(DIR)) throw new Error(`the compatibility workbooks are missing: expected them in ${DIR}`);
    const report = await runCompat(DIR);
    const rate = report.total.matched / report.total.total;
    const floor = baseline.total.matched / baseline.total.total;
    if (rate < floor) console.error(categoryTable(report));
    expect(report.files.length).toBe(baseline.files);
    expect(rate).toBeGreaterThanOrEqual(floor);
    // Per category too: the 40,000 cells of ARABIC_ROMAN would otherwise hide a regression elsewhere.
    for (const [name, was] of Object.entries(baseline.categories)) {
      const now = report.categories[name];
      expect({ category: name, atLeastAsGood: now !== undefined && now.matched / now.total >= was.matched / was.total }).toEqual({ category: name, atLeastAsGood: true });
    }
  }, 300_000);
});
