/**
 * Ready-made analyses: the spec's presets (templates/whatifPresets.ts — the D_Expense sensitivity,
 * the annual plan's drivers, defaults for data tables, goal seek and Monte Carlo), or a client
 * plan's own from its generators, at the cells of the notebook as it stands now.
 */
import type { CellValue } from '../../model/cell';
import type { Layout, Notebook } from '../../model/notebook';
import { planVocabulary } from '../../../templates/generators/plan';
import type { PlanPreset, SheetGenerator } from '../../../templates/generators/types';
import { relocate, relocateAll } from '../../model/structure';
import type { Preset } from '../../../templates/whatifPresets';
import {
  ANNUAL_PLAN_TORNADO, EXPENSE_SENSITIVITY, FUNDING_FOR_PAYOUT, GROWTH_FOR_TARGET, num, PAYOUT_THRESHOLD_CAP, PAYOUT_VS_THRESHOLD, PLAN_RISK,
} from '../../../templates/whatifPresets';

export type { Preset } from '../../../templates/whatifPresets';
export {
  ANNUAL_PLAN_DRIVERS, ANNUAL_PLAN_TORNADO, EXPENSE_SENSITIVITY, FUNDING_FOR_PAYOUT, GOAL_PRESETS, GROWTH_FOR_TARGET, MONTE_CARLO_PRESETS,
  PAYOUT_THRESHOLD_CAP, PAYOUT_VS_THRESHOLD, PLAN_RISK, TORNADO_PRESETS,
} from '../../../templates/whatifPresets';

/**
 * A preset's spec for this notebook: the preset names the spec's cells, and where rows or columns
 * moved since (or a sheet was renamed), both what it reads and the refs it returns are where the
 * cells are now.
 */
export function presetSpec<T>(p: Pick<Preset<T>, 'spec'>, layout: Readonly<Layout> | undefined, value: (ref: string) => CellValue | undefined): T {
  return relocateAll(layout, p.spec((ref) => value(relocate(layout, ref) ?? ref)));
}

type PlanPresetKind = PlanPreset['kind'];

/**
 * The presets a notebook offers for an analysis: a client plan's come from its generators, at
 * the cells they laid out for its shape (the spec's ones would point at other cells there), with
 * the spec preset's title where the id is the same; any other notebook offers the spec's presets.
 * A generated goal seek names its target by cell (`targetRef`): the target is that cell's value.
 */
export function presetsFor<T>(nb: Pick<Notebook, 'layout'>, kinds: readonly PlanPresetKind[], builtIn: readonly Preset<T>[], generators?: readonly SheetGenerator[]): Preset<T>[] {
  const v = planVocabulary(nb, generators);
  if (!v) return [...builtIn];
  return v.presets
    .filter((p) => kinds.includes(p.kind))
    .map((p) => ({
      id: p.id,
      title: builtIn.find((b) => b.id === p.id)?.title ?? KNOWN_TITLES[p.id] ?? { en: p.id, zh: p.id },
      sheets: [],
      spec: (value) => {
        const spec = JSON.parse(JSON.stringify(p.spec)) as Record<string, unknown>;
        if (p.kind === 'goalSeek' && typeof spec.targetRef === 'string') {
          spec.target = num(value(spec.targetRef), 0);
          delete spec.targetRef;
        }
        return spec as T;
      },
    }));
}

/** Titles of the spec's presets by id, for generated presets of a kind the caller did not list. */
const KNOWN_TITLES: Record<string, { en: string; zh: string }> = Object.fromEntries(
  [EXPENSE_SENSITIVITY, ANNUAL_PLAN_TORNADO, PAYOUT_VS_THRESHOLD, PAYOUT_THRESHOLD_CAP, FUNDING_FOR_PAYOUT, GROWTH_FOR_TARGET, PLAN_RISK].map((p) => [p.id, p.title]),
);
