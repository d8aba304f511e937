/**
 * Schemas for the keys of `notebook.layout` beside `items`: what the notebook page reads back from
 * each, so a file (or the projector channel) cannot hand it a shape that crashes a panel —
 * `importReport: {"unsupported": []}` once did. The reader drops a key that does not match its
 * schema, or that no schema names, and says which (`ReadResult.dropped`); the edit path refuses a
 * `setLayoutKey` whose value does not match. A feature that saves a new key adds its schema here.
 */
import * as v from 'valibot';

const finite = v.pipe(v.number(), v.finite());
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const CellValueSchema = v.union([finite, v.boolean(), v.string(), v.null(), v.object({ error: text(20), message: v.optional(v.string()) })]);

/** `layout.importReport`: what an `.xlsx` import could not carry over (src/ui/notebook/importReport.tsx). */
const ImportReportSchema = v.object({
  fileName: text(500),
  at: finite,
  functions: v.array(text(100)),
  unsupported: v.array(v.object({ sheet: text(31), addr: text(10), functions: v.array(text(100)), cached: CellValueSchema })),
  unsupportedCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  warnings: v.array(v.object({ code: text(100), detail: text(2000) })),
});

/** One saved what-if analysis: its settings and result, as objects (src/ui/whatif/controller.ts). */
const SavedAnalysisSchema = v.looseObject({
  config: v.looseObject({}),
  result: v.looseObject({}),
  at: finite,
  ms: finite,
  cancelled: v.optional(v.boolean()),
});

/** `layout.whatif`: the last run of each analysis. */
const WhatIfSchema = v.strictObject({
  tornado: v.optional(SavedAnalysisSchema),
  dataTable: v.optional(SavedAnalysisSchema),
  goalSeek: v.optional(SavedAnalysisSchema),
  monteCarlo: v.optional(SavedAnalysisSchema),
  bridge: v.optional(SavedAnalysisSchema),
});

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** `layout.moves`: rows and columns inserted and deleted, sheets renamed and removed (src/model/pointers.ts). */
const MovesSchema = v.array(
  v.union([
    v.object({ op: v.picklist(['insert', 'delete']), axis: v.picklist(['rows', 'cols']), sheetId: text(64), sheet: text(31), at: count, count }),
    v.object({ op: v.literal('renameSheet'), sheetId: text(64), from: text(31), to: text(31) }),
    v.object({ op: v.literal('removeSheet'), sheetId: text(64), sheet: text(31) }),
  ]),
);

const amounts = v.pipe(v.array(finite), v.maxLength(100));
/** `layout.buRounds`: the bottom-up rounds sent and their answers (src/model/buRound.ts). */
const BuRoundsSchema = v.pipe(
  v.array(
    v.strictObject({
      id: text(64),
      number: v.pipe(v.number(), v.integer(), v.minValue(1)),
      level: v.optional(v.picklist(['region', 'rep'])),
      region: v.optional(text(255)),
      createdAt: finite,
      due: v.union([v.literal(''), v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))]),
      note: text(2000),
      lines: v.pipe(v.array(text(255)), v.maxLength(100)),
      recipients: v.pipe(
        v.array(
          v.strictObject({
            name: text(255),
            index: count,
            td: amounts,
            bu: amounts,
            answer: v.optional(v.strictObject({ bu: amounts, comments: v.pipe(v.array(text(2000)), v.maxLength(100)), at: finite, file: text(500) })),
            acceptedAt: v.optional(finite),
          }),
        ),
        v.maxLength(1000),
      ),
    }),
  ),
  v.maxLength(200),
);

const name = v.pipe(v.string(), v.minLength(1), v.maxLength(255));
const grid = v.pipe(v.array(v.pipe(v.array(finite), v.maxLength(12))), v.maxLength(30));
/** `layout.plan`: the client's shape a generated plan was built for (templates/generators/plan.ts). */
const PlanSchema = v.strictObject({
  version: v.literal(1),
  shape: v.strictObject({
    client: text(255),
    fiscalYear: v.pipe(v.number(), v.integer()),
    unit: v.picklist(['元', '千元', '万元']),
    language: v.picklist(['zh-CN', 'en']),
    products: v.pipe(v.array(v.strictObject({ name, isNew: v.boolean() })), v.minLength(1), v.maxLength(12)),
    regions: v.pipe(v.array(name), v.minLength(1), v.maxLength(30)),
    levels: v.pipe(v.array(v.strictObject({ name, ote: finite, base: finite })), v.minLength(1), v.maxLength(6)),
    reps: v.pipe(v.array(v.strictObject({ name, region: name, level: name })), v.minLength(1), v.maxLength(500)),
    history: v.optional(grid),
    historyPrior: v.optional(v.pipe(v.array(v.strictObject({ label: name, values: v.pipe(v.array(finite), v.maxLength(12)) })), v.maxLength(2))),
    potential: v.optional(grid),
    accounts: v.optional(v.pipe(v.array(v.strictObject({ rep: name, account: name, revenue: finite })), v.maxLength(5000))),
  }),
});

export const LAYOUT_KEY_SCHEMAS: Record<string, v.GenericSchema> = {
  plan: PlanSchema,
  importReport: ImportReportSchema,
  whatif: WhatIfSchema,
  /** The notebook view's pane above the grid: collapsed to its header strip, its height in px (src/ui/charts/viewState.ts). */
  chartPane: v.strictObject({ collapsed: v.boolean(), height: v.pipe(finite, v.minValue(0), v.maxValue(10000)) }),
  moves: MovesSchema,
  buRounds: BuRoundsSchema,
};

/** Why a layout key's value cannot be kept (`unknown key`, or where it breaks its schema), or null. */
export function layoutKeyProblem(key: string, value: unknown): string | null {
  if (key === 'items') return null;
  const schema = Object.hasOwn(LAYOUT_KEY_SCHEMAS, key) ? LAYOUT_KEY_SCHEMAS[key] : undefined;
  if (!schema) return 'not a layout key this Opsbook knows';
  const r = v.safeParse(schema, value);
  if (r.success) return null;
  const path = v.getDotPath(r.issues[0]);
  return `${path ? `${path}: ` : ''}${r.issues[0].message}`;
}

/** Removes the keys that do not match; answers `key: why` for each one removed. */
export function dropBadLayoutKeys(layout: Record<string, unknown>): string[] {
  const dropped: string[] = [];
  for (const key of Object.keys(layout)) {
    const why = layoutKeyProblem(key, layout[key]);
    if (why) {
      dropped.push(`layout.${key}: ${why}`);
      delete layout[key];
    }
  }
  return dropped;
}
