/**
 * What a notebook holds besides its cells — scenarios, the decision log, the layout (charts,
 * KPI cards, saved what-if runs, …), sheet ids and the title — carried inside the `.xlsx` it
 * exports, so that the file reimports as the same notebook. It travels as JSON text in a very
 * hidden sheet (`_opsbook`, column A, in chunks under Excel's 32,767 characters a cell): Excel and
 * LibreOffice keep a hidden sheet's cells when they save, where a custom XML part is dropped.
 *
 * The cells themselves always come from the workbook, so what was edited in Excel is kept; the
 * sheets the export derived from the notebook (Scenarios, Decisions) are listed here and left out
 * on reimport, because the notebook's own records replace them.
 */
import type { Decision } from '../model/decisionLog';
import type { Layout, Locale, Notebook, Scenario, Sheet } from '../model/notebook';

export const NOTEBOOK_PART_SHEET = '_opsbook';
const FORMAT = 'opsbook-xlsx-notebook';
const VERSION = 1;
/** Characters per cell: below Excel's limit of 32,767. */
const CHUNK = 30_000;

export interface NotebookPart {
  format: typeof FORMAT;
  version: number;
  title: string;
  locale: Locale;
  scenarios: Scenario[];
  activeScenario?: string;
  decisions?: Decision[];
  layout: Layout;
  /** Per sheet (by name, as exported): what the workbook cannot say about it. */
  sheets: { name: string; id: string; stub?: boolean; template?: string }[];
  /** Sheets the export added from the notebook's records (not the notebook's own). */
  derived: string[];
}

export function notebookPart(nb: Notebook, derived: string[]): NotebookPart {
  return {
    format: FORMAT,
    version: VERSION,
    title: nb.title,
    locale: nb.locale,
    scenarios: nb.scenarios,
    ...(nb.activeScenario ? { activeScenario: nb.activeScenario } : {}),
    ...(nb.decisions?.length ? { decisions: nb.decisions } : {}),
    layout: nb.layout,
    sheets: nb.sheets.map((s) => ({ name: s.name, id: s.id, ...(s.stub ? { stub: true } : {}), ...(s.template ? { template: s.template } : {}) })),
    derived,
  };
}

/** The part as the hidden sheet's column A, one chunk a row. */
export function notebookPartRows(part: NotebookPart): string[][] {
  const text = JSON.stringify(part);
  const rows: string[][] = [];
  for (let i = 0; i < text.length; i += CHUNK) rows.push([text.slice(i, i + CHUNK)]);
  return rows;
}

/** The part from the hidden sheet's cells (A1, A2, … joined); null when absent or not ours. */
export function readNotebookPart(cells: Readonly<Record<string, unknown>>): NotebookPart | null {
  let text = '';
  for (let r = 1; typeof cells[`A${r}`] === 'string'; r++) text += cells[`A${r}`] as string;
  if (!text) return null;
  try {
    const data = JSON.parse(text) as Partial<NotebookPart>;
    if (data?.format !== FORMAT || typeof data.version !== 'number' || data.version > VERSION) return null;
    if (!Array.isArray(data.sheets) || !Array.isArray(data.derived) || typeof data.layout !== 'object' || data.layout === null) return null;
    return data as NotebookPart;
  } catch {
    return null;
  }
}

/**
 * The imported notebook as the exported one: its records and layout back, each sheet that still
 * has its name its id (charts and moves refer to ids), the derived sheets and the part's own
 * sheet left out. The result still goes through the file reader's validation.
 */
export function applyNotebookPart(nb: Notebook, part: NotebookPart): Notebook {
  const drop = new Set([NOTEBOOK_PART_SHEET, ...part.derived].map((n) => n.toLowerCase()));
  const sheets: Sheet[] = nb.sheets
    .filter((s) => !drop.has(s.name.toLowerCase()))
    .map((s) => {
      const was = part.sheets.find((x) => x.name === s.name);
      return was ? { ...s, id: was.id, ...(was.stub ? { stub: true } : {}), ...(was.template ? { template: was.template } : {}) } : s;
    });
  return {
    ...nb,
    title: typeof part.title === 'string' && part.title ? part.title : nb.title,
    locale: part.locale === 'en' || part.locale === 'zh-CN' ? part.locale : nb.locale,
    sheets,
    scenarios: Array.isArray(part.scenarios) ? part.scenarios : [],
    ...(part.activeScenario ? { activeScenario: part.activeScenario } : {}),
    ...(Array.isArray(part.decisions) ? { decisions: part.decisions } : {}),
    layout: part.layout,
  };
}
