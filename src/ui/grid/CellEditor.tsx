/** The in-cell editor: an input over the active cell while typing (Excel's enter/edit modes). */
import { onMount } from 'solid-js';
import type { Workbench } from '../notebook/workbench';

export function CellEditor(props: { wb: Workbench; rect: { left: number; top: number; width: number; height: number }; refocusGrid: () => void }) {
  const wb = props.wb;
  let input!: HTMLInputElement;
  // Typing over a cell is "enter mode" (arrows commit and move); F2 or double-click is "edit mode".
  const enterMode = wb.editing()?.text.length === 1 && wb.editing()?.text !== wb.activeRaw()?.toString();
  onMount(() => {
    input.focus();
    const end = input.value.length;
    input.setSelectionRange(end, end);
  });
  const done = (dir?: 'up' | 'down' | 'left' | 'right') => {
    wb.commitEdit(dir);
    props.refocusGrid();
  };
  return (
    <input
      ref={input}
      class="cell-editor"
      data-testid="cell-editor"
      value={wb.editing()?.text ?? ''}
      style={{ left: `${props.rect.left}px`, top: `${props.rect.top}px`, 'min-width': `${props.rect.width}px`, height: `${props.rect.height}px` }}
      onInput={(e) => wb.updateEdit(e.currentTarget.value)}
      onBlur={() => wb.editing() && wb.commitEdit()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.isComposing) return;
        if (e.key === 'Enter') { e.preventDefault(); done(e.shiftKey ? 'up' : 'down'); }
        else if (e.key === 'Tab') { e.preventDefault(); done(e.shiftKey ? 'left' : 'right'); }
        else if (e.key === 'Escape') { e.preventDefault(); wb.cancelEdit(); props.refocusGrid(); }
        else if (enterMode && e.key.startsWith('Arrow')) {
          e.preventDefault();
          done(e.key.slice(5).toLowerCase() as 'up' | 'down' | 'left' | 'right');
        }
      }}
    />
  );
}
