/**
 * Bench scenario `staffing`: a hire edit on a 500-rep staffing plan → every value on screen current
 * (engine status `ready` and the hiring row's valid count showing the new count), against raw
 * HyperFormula's setCellContents on the same workbook in the same run. Budget (issue 14's "Fit the
 * client"): DOM p95 ≤ 50 ms.
 *
 * The workbook: F_Staffing from its generator (templates/generators/staffing.ts, loaded through
 * Vite's SSR loader) for 500 reps in 30 regions and three levels, over a `Lists` sheet standing in
 * for B_Target and E_Bonus through the list names (REP_NAME, REP_REGION, REP_LEVEL, REGION_NAME,
 * REGION_FINAL, LEVEL_NAME, LEVEL_BASE, TARGET_TOTAL) — the staffing plan reads nothing else.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';
import { measureEdits, timedImport } from './appDriver.mjs';
import { openRawEngine } from './rawEngine.mjs';
import { engineSheets, toOpsbookText } from './workbook.mjs';

const REPS = 500;
const REGIONS = 30;

async function loadGenerator(root) {
  const server = await createServer({ root, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
  try {
    return await server.ssrLoadModule('/templates/generators/staffing.ts');
  } finally {
    await server.close();
  }
}

/** The 500-rep workbook as an Opsbook notebook, and the hiring row's count and valid-count cells. */
export async function staffingNotebook(root) {
  const { staffingGenerator, staffingLayout } = await loadGenerator(root);
  const regions = Array.from({ length: REGIONS }, (_, i) => `区域${i + 1} Region ${i + 1}`);
  const levels = [
    { name: '高级代表 Senior Rep', ote: 40, base: 24 },
    { name: '代表 Rep', ote: 30, base: 18 },
    { name: '区域经理 Regional Manager', ote: 60, base: 42 },
  ];
  const reps = Array.from({ length: REPS }, (_, i) => ({ name: `R${String(i + 1).padStart(3, '0')}`, region: regions[i % REGIONS], level: levels[i % 3 === 0 ? 0 : 1].name }));
  const shape = { client: 'Bench', fiscalYear: 2026, unit: '万元', language: 'zh-CN', products: [{ name: 'P1', isNew: false }], regions, levels, reps };
  const part = staffingGenerator.generate({ shape, inputs: {}, names: new Map() });
  const lists = {};
  reps.forEach((r, i) => Object.assign(lists, { [`A${i + 1}`]: r.name, [`B${i + 1}`]: r.region, [`C${i + 1}`]: r.level }));
  regions.forEach((r, i) => Object.assign(lists, { [`D${i + 1}`]: r, [`E${i + 1}`]: 2000 + 37 * i }));
  levels.slice(0, 2).forEach((l, i) => Object.assign(lists, { [`F${i + 1}`]: l.name, [`G${i + 1}`]: l.base }));
  const now = Date.now();
  const notebook = {
    id: 'nb_benchstaffing500',
    title: 'Bench staffing 500',
    locale: 'zh-CN',
    sheets: [...part.sheets, { id: 'lists', name: 'Lists', cells: lists, formats: {} }],
    names: [
      { name: 'REP_NAME', expression: `=Lists!$A$1:$A$${REPS}` },
      { name: 'REP_REGION', expression: `=Lists!$B$1:$B$${REPS}` },
      { name: 'REP_LEVEL', expression: `=Lists!$C$1:$C$${REPS}` },
      { name: 'REGION_NAME', expression: `=Lists!$D$1:$D$${REGIONS}` },
      { name: 'REGION_FINAL', expression: `=Lists!$E$1:$E$${REGIONS}` },
      { name: 'LEVEL_NAME', expression: '=Lists!$F$1:$F$2' },
      { name: 'LEVEL_BASE', expression: '=Lists!$G$1:$G$2' },
      { name: 'TARGET_TOTAL', expression: `=SUM(Lists!$E$1:$E$${REGIONS})` },
      ...part.names,
    ],
    scenarios: [],
    layout: { items: [] },
    createdAt: now,
    updatedAt: now,
  };
  const hireRow = staffingLayout(shape).hireRow + 1; // the first region's prefilled hiring row (1-based)
  return { notebook, inputRef: `F_Staffing!E${hireRow}`, watchCell: `F_Staffing!H${hireRow}`, cells: part.sheets[0] ? Object.keys(part.sheets[0].cells).length : 0 };
}

export async function staffingScenario(ctx, { edits, log, percentile, round }) {
  const { notebook, inputRef, watchCell, cells } = await staffingNotebook(ctx.root);
  const file = join(ctx.tmp, 'bench-staffing.opsbook.json');
  writeFileSync(file, toOpsbookText(notebook));
  const values = Array.from({ length: edits }, (_, i) => i + 1);
  log(`staffing: F_Staffing at ${REPS} reps × ${REGIONS} regions (${cells} cells); edit ${inputRef} ×${edits} until ready, watching ${watchCell}`);

  const { sheets, names } = engineSheets(notebook);
  const raw = await openRawEngine(ctx.context, ctx.baseUrl, join(ctx.root, 'node_modules/hyperformula/dist/hyperformula.full.min.js'));
  await raw.build(sheets, names);
  const rawTimes = [];
  for (const v of values) rawTimes.push((await raw.edit(inputRef, v)).ms);
  await raw.close();

  const page = await ctx.newAppPage();
  const open = await timedImport(page, file, 'F_Staffing!B7');
  const r = await measureEdits(page, { inputRef, watchCell, values, untilReady: true });
  await page.context().close();
  const p95 = percentile(r.times, 0.95);
  const rawP95 = percentile(rawTimes, 0.95);
  log(`staffing app: open ${open.ms.toFixed(1)} ms; hire edit → DOM p50 ${percentile(r.times, 0.5).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (${r.mode}); raw setCellContents p95 ${rawP95.toFixed(2)} ms`);
  return {
    staffingOpenMs: round(open.ms, 1),
    staffingHireP50Ms: round(percentile(r.times, 0.5)),
    staffingHireP95Ms: round(p95),
    staffingRawP95Ms: round(rawP95, 3),
    staffingHireRatio: round(p95 / rawP95),
  };
}
