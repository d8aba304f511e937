/**
 * Where a plan's inputs are, by input key, and which of them the user typed. Generators place an
 * input as `ctx.inputs[key] ?? default`; running them once with inputs that answer every key with
 * a marker of that key shows where each key lands, without any generator having to publish its
 * addresses. A cell that differs from what the generators put there with no inputs is typed.
 */
import type { RawContent } from '../../src/model/cell';
import type { Notebook, Sheet } from '../../src/model/notebook';
import { generatePlanPart, PLAN_GENERATORS } from './plan';
import type { ClientShape } from './shape';
import type { PlanInputs, SheetGenerator } from './types';

const MARK = '\u0000input:';

export interface InputCell {
  sheetId: string;
  sheet: string;
  addr: string;
}

/** Inputs that answer every key with its marker, and remember which keys were asked for. */
export function probeInputs(): { inputs: PlanInputs; asked: Set<string> } {
  const asked = new Set<string>();
  const mark = (key: string) => {
    asked.add(key);
    return MARK + key;
  };
  const inputs = new Proxy({} as Record<string, RawContent>, {
    get: (_t, key) => (typeof key === 'string' ? mark(key) : undefined),
    has: (_t, key) => typeof key === 'string',
    getOwnPropertyDescriptor: (_t, key) => (typeof key === 'string' ? { value: mark(key), writable: false, enumerable: true, configurable: true } : undefined),
  });
  return { inputs, asked };
}

/** Each input key of the plan for `shape` → the cell it lands in. */
export function inputCells(shape: ClientShape, generators: readonly SheetGenerator[] = PLAN_GENERATORS): Map<string, InputCell> {
  const { inputs } = probeInputs();
  const part = generatePlanPart(shape, inputs, generators);
  const out = new Map<string, InputCell>();
  for (const s of part.sheets) {
    for (const [addr, raw] of Object.entries(s.cells)) {
      if (typeof raw === 'string' && raw.startsWith(MARK)) out.set(raw.slice(MARK.length), { sheetId: s.id, sheet: s.name, addr });
    }
  }
  return out;
}

/** The input keys the plan for `shape` reads (placed or not). */
export function inputKeysAsked(shape: ClientShape, generators: readonly SheetGenerator[] = PLAN_GENERATORS): Set<string> {
  const { inputs, asked } = probeInputs();
  generatePlanPart(shape, inputs, generators);
  return asked;
}

/** The sheet an input lands in, by name (generators name their sheets; ids may be the notebook's own). */
function sheetOf(sheets: readonly Sheet[], at: InputCell): Sheet | undefined {
  const lower = at.sheet.toLowerCase();
  return sheets.find((s) => s.name.toLowerCase() === lower);
}

/**
 * The inputs typed into a plan built for `shape`: every input cell whose content differs from the
 * generators' default, by input key. A cleared cell falls back to the default.
 */
export function typedInputs(nb: Pick<Notebook, 'sheets'>, shape: ClientShape, generators: readonly SheetGenerator[] = PLAN_GENERATORS): Record<string, RawContent> {
  const cells = inputCells(shape, generators);
  const defaults = generatePlanPart(shape, {}, generators);
  const out: Record<string, RawContent> = {};
  for (const [key, at] of cells) {
    const raw = sheetOf(nb.sheets, at)?.cells[at.addr];
    if (raw === undefined) continue;
    if (raw !== sheetOf(defaults.sheets, at)?.cells[at.addr]) out[key] = raw;
  }
  return out;
}
