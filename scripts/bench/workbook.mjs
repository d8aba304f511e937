/**
 * Generated workbooks for the bench, written as `.opsbook.json` documents (the shape of
 * `src/model/fileFormat.ts` / `src/model/notebook.ts`), plus the same sheets as the 2-D arrays
 * raw HyperFormula's `buildFromSheets` takes (converted as `workers/engineCore.ts` `toGrid` does).
 */

export function colLabel(col) {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function parseA1(addr) {
  const m = /^([A-Z]+)([0-9]+)$/.exec(addr);
  if (!m) throw new Error(`invalid address ${addr}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * A 10,000-formula model in two sheets, built so one input edit has few dependents:
 *
 * - `Inputs`: rows 2..(rows+1) hold price (A), quantity (B) and growth (C) inputs; D2..D51 link
 *   back to each row's total on `Data`, so an edit of `Inputs!A2` shows its effect on the same screen.
 * - `Data`: 10 formula columns per row over that row's inputs (A..H), a running total that restarts
 *   every 10 rows (I: short chains), a row total (J), and one grand total `Data!L2` over column J.
 *
 * Editing `Inputs!A2` touches Data!A2..J2, at most 10 chain cells, Data!L2 and Inputs!D2: ~25 cells.
 */
export function tenThousandFormulaNotebook({ rows = 1000 } = {}) {
  const inputs = { A1: 'Price', B1: 'Quantity', C1: 'Growth', D1: 'Row total (from Data)' };
  const data = { A1: 'Revenue', B1: 'Grown', C1: 'Margin', D1: 'Positive', E1: 'Monthly', F1: 'Score', G1: 'Peak', H1: 'Bonus', I1: 'Running (10-row blocks)', J1: 'Row total', L1: 'Grand total' };
  let formulas = 0;
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    inputs[`A${r}`] = 100 + (i % 37);
    inputs[`B${r}`] = 1 + (i % 11);
    inputs[`C${r}`] = ((i % 7) - 3) / 100;
    data[`A${r}`] = `=Inputs!A${r}*Inputs!B${r}`;
    data[`B${r}`] = `=A${r}*(1+Inputs!C${r})`;
    data[`C${r}`] = `=B${r}-Inputs!A${r}`;
    data[`D${r}`] = `=IF(C${r}>0,C${r},0)`;
    data[`E${r}`] = `=ROUND(B${r}/12,2)`;
    data[`F${r}`] = `=D${r}+E${r}`;
    data[`G${r}`] = `=MAX(A${r},B${r})`;
    data[`H${r}`] = `=F${r}*0.1`;
    data[`I${r}`] = i % 10 === 0 ? `=H${r}` : `=I${r - 1}+H${r}`;
    data[`J${r}`] = `=SUM(A${r}:I${r})`;
    formulas += 10;
  }
  data.L2 = `=SUM(J2:J${rows + 1})`;
  formulas += 1;
  for (let r = 2; r < Math.min(rows, 50) + 2; r++) {
    inputs[`D${r}`] = `=Data!J${r}`;
    formulas += 1;
  }
  const now = Date.now();
  const notebook = {
    id: 'nb_bench10kformulas',
    title: `Bench: ${formulas.toLocaleString('en')} formulas`,
    locale: 'en',
    sheets: [
      { id: 's_bench_inputs', name: 'Inputs', cells: inputs, formats: {} },
      { id: 's_bench_data', name: 'Data', cells: data, formats: {} },
    ],
    names: [],
    scenarios: [],
    layout: { items: [] },
    createdAt: now,
    updatedAt: now,
  };
  return { notebook, formulas };
}

export function toOpsbookText(notebook) {
  return JSON.stringify({ format: 'opsbook', version: 1, notebook, savedAt: new Date().toISOString() });
}

/** What the engine loads: literal text prefixed with `'`, dense rows with nulls (as `toGrid` does). */
export function toEngineContent(raw) {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw.startsWith('=') && raw.length > 1 ? raw : raw.startsWith("'") ? raw : `'${raw}`;
  return raw;
}

export function toGrid(cells) {
  const grid = [];
  for (const [addr, raw] of Object.entries(cells)) {
    const { row, col } = parseA1(addr);
    const r = (grid[row] ??= []);
    r[col] = toEngineContent(raw);
  }
  for (let r = 0; r < grid.length; r++) {
    const row = (grid[r] ??= []);
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  return grid;
}

export function engineSheets(notebook) {
  const sheets = {};
  for (const s of notebook.sheets) sheets[s.name] = toGrid(s.cells);
  return { sheets, names: notebook.names.map((n) => ({ name: n.name, expression: n.expression })) };
}
