/**
 * The `.opsbook.json` file: `{ format: "opsbook", version, notebook, savedAt }`.
 * `readOpsbookFile` is the one door for untrusted documents (files, storage, the projector
 * channel): it parses, checks the envelope, migrates old versions forward, validates every field
 * with a schema, and answers with either a clean Notebook or an error that says what and where.
 */
import * as v from 'valibot';
import type { Notebook } from './notebook';
import { describeProblem, validateNotebook } from './validate';
import type { NotebookProblem } from './validate';
import { EXCEL_LIMITS } from './limits';
import { dropBadLayoutKeys } from './layoutKeys';

export const FILE_FORMAT = 'opsbook';
export const FILE_VERSION = 1;
/** Larger files are refused before parsing. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const MAX_SHEETS = 200;

const RawContentSchema = v.union([v.pipe(v.number(), v.finite()), v.boolean(), v.pipe(v.string(), v.maxLength(EXCEL_LIMITS.maxTextLength))]);
const SheetName = v.pipe(v.string(), v.minLength(1), v.maxLength(31), v.regex(/^[^[\]:*?/\\]+$/, 'no [ ] : * ? / \\ in a sheet name'));

const A1_KEY = /^[A-Z]{1,3}[1-9][0-9]{0,6}$/;

/**
 * The cell map is the bulk of a file (100,000 cells and more), so it is checked in one tight loop
 * rather than a schema node per cell; the message names the first bad cell.
 */
function cellMap(check: (value: unknown) => boolean, expected: string) {
  let problem = '';
  return v.custom<Record<string, never>>((input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      problem = 'expected an object of cells';
      return false;
    }
    for (const key of Object.keys(input)) {
      if (!A1_KEY.test(key)) {
        problem = `${key}: not a cell address like C12`;
        return false;
      }
      if (!check((input as Record<string, unknown>)[key])) {
        problem = `${key}: expected ${expected}`;
        return false;
      }
    }
    return true;
  }, () => problem);
}

const isRawContent = (x: unknown) =>
  (typeof x === 'number' && Number.isFinite(x)) || typeof x === 'boolean' || (typeof x === 'string' && x.length <= EXCEL_LIMITS.maxTextLength);
const isFormatCode = (x: unknown) => typeof x === 'string' && x.length <= 255;

const SheetSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  name: SheetName,
  cells: cellMap(isRawContent, 'a number, a boolean or text'),
  formats: cellMap(isFormatCode, 'a number format code'),
  colWidths: v.optional(v.record(v.pipe(v.string(), v.regex(/^[A-Z]{1,3}$/)), v.pipe(v.number(), v.minValue(8), v.maxValue(2000)))),
  stub: v.optional(v.boolean()),
  template: v.optional(v.pipe(v.string(), v.maxLength(64))),
  frozen: v.optional(v.object({ rows: v.pipe(v.number(), v.integer(), v.minValue(0)), cols: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
});

const NameSchema = v.object({
  name: v.pipe(v.string(), v.regex(/^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]{0,254}$/, 'a name made of letters, digits and _')),
  expression: v.pipe(v.string(), v.maxLength(8192)),
});

const ScenarioSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  overrides: v.record(v.pipe(v.string(), v.maxLength(80)), RawContentSchema),
  relative: v.optional(v.record(v.pipe(v.string(), v.maxLength(80)), v.object({
    add: v.optional(v.pipe(v.number(), v.finite())),
    mul: v.optional(v.pipe(v.number(), v.finite())),
  }))),
  basedOn: v.optional(v.record(v.pipe(v.string(), v.maxLength(80)), RawContentSchema)),
});

const DecisionSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  at: v.pipe(v.number(), v.finite()),
  kind: v.picklist(['driver', 'scenario', 'replay', 'edit', 'round']),
  target: v.pipe(v.string(), v.maxLength(300)),
  driver: v.optional(v.pipe(v.string(), v.maxLength(100))),
  old: v.nullable(RawContentSchema),
  new: v.nullable(RawContentSchema),
  scenario: v.optional(v.pipe(v.string(), v.maxLength(64))),
  note: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  undone: v.optional(v.boolean()),
});

const LayoutItemSchema = v.looseObject({
  id: v.string(),
  kind: v.string(),
  sheet: v.string(),
  title: v.optional(v.string()),
  ranges: v.record(v.string(), v.string()),
  hidden: v.optional(v.boolean()),
  options: v.optional(v.record(v.string(), v.unknown())),
});

export const NotebookSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  title: v.pipe(v.string(), v.maxLength(300)),
  locale: v.picklist(['zh-CN', 'en']),
  sheets: v.pipe(v.array(SheetSchema), v.minLength(1), v.maxLength(MAX_SHEETS)),
  names: v.array(NameSchema),
  scenarios: v.array(ScenarioSchema),
  activeScenario: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
  decisions: v.optional(v.pipe(v.array(DecisionSchema), v.maxLength(100_000))),
  layout: v.looseObject({ items: v.array(LayoutItemSchema) }),
  createdAt: v.number(),
  updatedAt: v.number(),
});

export interface OpsbookFile {
  format: typeof FILE_FORMAT;
  version: number;
  notebook: Notebook;
  savedAt: string;
}

/** Why a file was refused; `code` selects the translated message, `detail` says where. */
export interface FileProblem {
  code: 'tooLarge' | 'notJson' | 'notOpsbook' | 'futureVersion' | 'invalid';
  detail: string;
  /** Set when the document has the right shape but the app could not open, compute or export it. */
  unusable?: NotebookProblem[];
}

/** `dropped`: layout keys left out because they did not match their schema (`layout.whatif: …`). */
export type ReadResult = { ok: true; notebook: Notebook; migratedFrom?: number; dropped?: string[] } | { ok: false; problem: FileProblem };

/**
 * Migrations from version N to N+1, by N. Version 0 was the pre-release shape: sheets carried
 * `data` instead of `cells` and had no formats or scenarios.
 */
const MIGRATIONS: Record<number, (nb: Record<string, unknown>) => Record<string, unknown>> = {
  // Migrations see unvalidated input: they reshape what they recognise and leave the rest for
  // the schema to refuse.
  0: (nb) => ({
    ...nb,
    sheets: Array.isArray(nb.sheets)
      ? nb.sheets.map((s: unknown) => {
          if (typeof s !== 'object' || s === null) return s;
          const { data, ...rest } = s as Record<string, unknown>;
          return { formats: {}, ...rest, cells: rest.cells ?? data ?? {} };
        })
      : nb.sheets,
    scenarios: nb.scenarios ?? [],
    layout: nb.layout ?? { items: [] },
  }),
};

export function toOpsbookFile(notebook: Notebook, now = new Date()): OpsbookFile {
  return { format: FILE_FORMAT, version: FILE_VERSION, notebook, savedAt: now.toISOString() };
}

export function serializeOpsbook(notebook: Notebook): string {
  return JSON.stringify(toOpsbookFile(notebook), null, 1);
}

export function readOpsbookText(text: string): ReadResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, problem: { code: 'tooLarge', detail: `${text.length} bytes` } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: { code: 'notJson', detail: e instanceof Error ? e.message : String(e) } };
  }
  return readOpsbookData(data);
}

export function readOpsbookData(data: unknown): ReadResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problem: { code: 'notOpsbook', detail: 'the file is not a JSON object' } };
  }
  const env = data as Record<string, unknown>;
  if (env.format !== FILE_FORMAT) {
    return { ok: false, problem: { code: 'notOpsbook', detail: `format is ${JSON.stringify(env.format ?? null)}, expected "${FILE_FORMAT}"` } };
  }
  const version = env.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, problem: { code: 'invalid', detail: `version: ${JSON.stringify(version ?? null)} is not a version number` } };
  }
  if (version > FILE_VERSION) {
    return { ok: false, problem: { code: 'futureVersion', detail: `version ${version}; this Opsbook reads up to ${FILE_VERSION}` } };
  }
  let nb = env.notebook;
  if (typeof nb !== 'object' || nb === null || Array.isArray(nb)) {
    return { ok: false, problem: { code: 'invalid', detail: 'notebook: expected an object' } };
  }
  for (let ver = version; ver < FILE_VERSION; ver++) nb = MIGRATIONS[ver](nb as Record<string, unknown>);
  const parsed = v.safeParse(NotebookSchema, nb);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = v.getDotPath(issue) ?? '';
    return { ok: false, problem: { code: 'invalid', detail: `notebook${path ? '.' + path : ''}: ${issue.message}` } };
  }
  // Shape is not enough: the engine, the renderer and the exporters must all be able to take it.
  const unusable = validateNotebook(parsed.output as Notebook);
  if (unusable.length) return { ok: false, problem: { code: 'invalid', detail: unusable.slice(0, 3).map(describeProblem).join('; '), unusable } };
  const active = parsed.output.activeScenario;
  if (active !== undefined && !parsed.output.scenarios.some((s) => s.id === active)) {
    return { ok: false, problem: { code: 'invalid', detail: `notebook.activeScenario: no scenario has the id ${JSON.stringify(active)}` } };
  }
  // Saved view state (what-if results, the import report, …) must have the shape its panel reads.
  const dropped = dropBadLayoutKeys(parsed.output.layout as Record<string, unknown>);
  const result: ReadResult = { ok: true, notebook: parsed.output as Notebook, migratedFrom: version < FILE_VERSION ? version : undefined };
  if (dropped.length) result.dropped = dropped;
  return result;
}
