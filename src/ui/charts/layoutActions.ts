/**
 * The shown sheet's layout items and the named actions that change them. Every change is one
 * `setLayout` edit (undoable, autosaved, exported with the notebook).
 *
 * A template sheet without any item of its own shows its default layout (`templates/layouts.ts`)
 * without writing it; the first change writes the whole sheet's items, so the document never
 * changes by merely being looked at.
 */
import { createMemo } from 'solid-js';
import type { NotebookSession } from '../../engine/session';
import type { LayoutItem, Sheet } from '../../model/notebook';
import { itemsOfSheet } from '../../model/notebook';
import { defaultLayout } from '../../../templates/layouts';
import { isChart } from './kinds';

export type LayoutActions = ReturnType<typeof createLayoutActions>;

const plain = <T,>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function group(item: LayoutItem): string {
  return isChart(item) ? 'chart' : item.kind;
}

export function createLayoutActions(session: NotebookSession, sheet: () => Sheet) {
  const current = createMemo(() => {
    const s = sheet();
    const own = itemsOfSheet(session.doc.layout.items, s.name);
    if (own.length || !s.template || s.stub) return { items: own, virtual: false };
    return { items: defaultLayout(s.name).map((i) => ({ ...i, sheet: s.name })), virtual: true };
  });

  /** Replaces the shown sheet's items, keeping them where the sheet's block was in the layout. */
  function commit(next: LayoutItem[], label: string): boolean {
    const name = sheet().name.toLowerCase();
    const all = plain(session.plain().layout.items);
    const first = all.findIndex((i) => i.sheet.toLowerCase() === name);
    const others = all.filter((i) => i.sheet.toLowerCase() !== name);
    const taken = new Set(others.map((i) => i.id));
    const mine = plain(next).map((i) => {
      let id = i.id;
      for (let n = 2; taken.has(id); n++) id = `${i.id}~${n}`;
      taken.add(id);
      return { ...i, id };
    });
    others.splice(first < 0 ? others.length : first, 0, ...mine);
    return session.edit([{ type: 'setLayout', items: others }], label);
  }

  const items = () => current().items;

  function update(id: string, patch: Partial<LayoutItem>, label = 'layout'): boolean {
    return commit(items().map((i) => (i.id === id ? { ...plain(i), ...patch } : i)), label);
  }

  /** Moves an item one place earlier (−1) or later (+1) among items of its group (charts, KPI cards). */
  function move(id: string, dir: -1 | 1): boolean {
    const list = plain(items());
    const i = list.findIndex((x) => x.id === id);
    if (i < 0) return false;
    const g = group(list[i]);
    let j = i + dir;
    while (j >= 0 && j < list.length && (group(list[j]) !== g || list[j].hidden)) j += dir;
    if (j < 0 || j >= list.length) return false;
    [list[i], list[j]] = [list[j], list[i]];
    return commit(list, 'move chart');
  }

  function canMove(id: string, dir: -1 | 1): boolean {
    const list = items();
    const i = list.findIndex((x) => x.id === id);
    if (i < 0) return false;
    const g = group(list[i]);
    for (let j = i + dir; j >= 0 && j < list.length; j += dir) if (group(list[j]) === g && !list[j].hidden) return true;
    return false;
  }

  return {
    current,
    items,
    update,
    move,
    canMove,
    hide: (id: string) => update(id, { hidden: true }, 'hide chart'),
    show: (id: string) => update(id, { hidden: false }, 'show chart'),
    remove: (id: string) => commit(items().filter((i) => i.id !== id), 'remove chart'),
    add: (item: LayoutItem) => commit([...plain(items()), item], 'add chart'),
  };
}
