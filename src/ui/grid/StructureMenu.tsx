/**
 * The grid's context menu: insert rows above/below, columns left/right, delete rows/columns —
 * for the rows and columns of the selection. Opened by a right-click on a row header (row items),
 * a column header (column items) or a cell (all six), and by Ctrl+Shift+= / Ctrl+- when the
 * selection is not whole rows or columns (Excel asks which there too). Items carry `data-action`.
 */
import { createSignal, For, Show } from 'solid-js';
import { Portal } from 'solid-js/web';
import type { Workbench } from '../workbench/workbench';
import { actionLabel, runStructureAction, STRUCTURE_ACTIONS } from '../workbench/structureActions';
import type { StructureAction } from '../workbench/structureActions';

export type MenuScope = 'rows' | 'cols' | 'cells';

const [menu, setMenu] = createSignal<{ x: number; y: number; scope: MenuScope } | null>(null);

const ITEMS: Record<MenuScope, readonly StructureAction[]> = {
  rows: ['insert-rows-above', 'insert-rows-below', 'delete-rows'],
  cols: ['insert-cols-left', 'insert-cols-right', 'delete-cols'],
  cells: STRUCTURE_ACTIONS,
};

export function openStructureMenu(x: number, y: number, scope: MenuScope): void {
  setMenu({ x, y, scope });
}

/** Opens the menu at the active cell (for the keys, which have no pointer position). */
export function openStructureMenuAtActive(): void {
  const r = document.querySelector('.grid .sel-active')?.getBoundingClientRect();
  setMenu({ x: r ? r.left + 8 : 200, y: r ? r.bottom : 200, scope: 'cells' });
}

export function StructureMenu(props: { wb: Workbench; onDone: () => void }) {
  const close = () => {
    setMenu(null);
    props.onDone();
  };
  const run = (action: StructureAction) => {
    setMenu(null);
    void runStructureAction(props.wb, action).finally(props.onDone);
  };
  // Kept inside the window: a menu opened near the right or bottom edge opens leftwards/upwards.
  const place = (m: { x: number; y: number; scope: MenuScope }) => {
    const h = ITEMS[m.scope].length * 32 + 12;
    return { left: `${Math.max(4, Math.min(m.x, window.innerWidth - 240))}px`, top: `${Math.max(4, Math.min(m.y, window.innerHeight - h))}px` };
  };
  return (
    <Show when={menu()}>
      {(m) => (
        // In the body: the grid's `contain: strict` would make it the box a fixed menu is placed in.
        <Portal>
        <div class="menu-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}
          onContextMenu={(e) => { e.preventDefault(); close(); }}>
          <div class="menu structure-menu" role="menu" data-testid="structure-menu" style={place(m())}
            onKeyDown={(e) => {
              e.stopPropagation();
              const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
              const i = items.indexOf(document.activeElement as HTMLButtonElement);
              if (e.key === 'Escape') { e.preventDefault(); close(); }
              else if (e.key === 'ArrowDown') { e.preventDefault(); items[(i + 1) % items.length]?.focus(); }
              else if (e.key === 'ArrowUp') { e.preventDefault(); items[(i - 1 + items.length) % items.length]?.focus(); }
            }}>
            <For each={ITEMS[m().scope]}>
              {(action, i) => (
                <button role="menuitem" data-action={action} classList={{ danger: action.startsWith('delete') }}
                  ref={(el) => i() === 0 && queueMicrotask(() => el.focus())} onClick={() => run(action)}>
                  {actionLabel(props.wb, action)}
                </button>
              )}
            </For>
          </div>
        </div>
        </Portal>
      )}
    </Show>
  );
}
