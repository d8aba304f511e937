/**
 * Before an imported workbook is stored, a throwaway engine is built from it: a notebook that is
 * stored must be one the app can open. When the build fails because of a few formulas (one made
 * the engine throw "Invalid string length" for the whole workbook), those cells keep the value
 * Excel computed — found by halving the suspects, so a handful of builds find them among thousands —
 * and the rest stays live. When even the workbook without formulas does not build, the file is
 * refused with the engine's reason.
 */
import { isFormula } from '../model/cell';
import type { CellValue, RawContent } from '../model/cell';
import type { SheetValues } from '../model/commands';
import type { Notebook } from '../model/notebook';

/** Builds a throwaway engine from the notebook: null when it builds, else the engine's reason. */
export type TryBuild = (nb: Notebook) => Promise<string | null> | string | null;

interface Site {
  sheet: number;
  addr: string;
  formula: string;
}

export type BuildCheck = { ok: true; kept: { cell: string; formula: string }[] } | { ok: false; reason: string };

/** Excel's cached value as the content a cell keeps instead of its formula. */
export function cachedAsContent(v: CellValue): RawContent | undefined {
  if (v === null) return undefined;
  if (typeof v === 'object') return `=${v.error}`;
  if (typeof v === 'string') return /^['=]/.test(v) ? `'${v}` : v;
  return v;
}

export async function checkBuild(nb: Notebook, cached: SheetValues, tryBuild: TryBuild): Promise<BuildCheck> {
  const first = await tryBuild(nb);
  if (first === null) return { ok: true, kept: [] };
  const sites: Site[] = [];
  nb.sheets.forEach((s, sheet) => {
    for (const [addr, raw] of Object.entries(s.cells)) if (isFormula(raw)) sites.push({ sheet, addr, formula: raw });
  });
  const withValues = (replaced: Site[]): Notebook => {
    const sheets = nb.sheets.map((s) => ({ ...s, cells: { ...s.cells } }));
    for (const r of replaced) {
      const cells = sheets[r.sheet].cells;
      const value = cachedAsContent(cached[sheets[r.sheet].name]?.[r.addr] ?? null);
      if (value === undefined) delete cells[r.addr];
      else cells[r.addr] = value;
    }
    return { ...nb, sheets };
  };
  const builds = async (replaced: Site[]) => (await tryBuild(withValues(replaced))) === null;
  if (sites.length === 0 || !(await builds(sites))) return { ok: false, reason: first };

  // The smallest set found by halving: `fixed` are already replaced; replacing fixed ∪ suspects builds.
  const find = async (suspects: Site[], fixed: Site[]): Promise<Site[]> => {
    if (suspects.length === 1) return suspects;
    const half = suspects.length >> 1;
    const a = suspects.slice(0, half);
    const b = suspects.slice(half);
    if (await builds([...fixed, ...a])) return find(a, fixed);
    if (await builds([...fixed, ...b])) return find(b, fixed);
    const inA = await find(a, [...fixed, ...b]);
    return [...inA, ...(await find(b, [...fixed, ...inA]))];
  };
  const culprits = await find(sites, []);
  const fixed = withValues(culprits);
  nb.sheets = fixed.sheets;
  return { ok: true, kept: culprits.map((c) => ({ cell: `${nb.sheets[c.sheet].name}!${c.addr}`, formula: c.formula })) };
}
