/**
 * The grid's one text input. It always sits on the active cell and holds the keyboard focus while
 * the grid has it: invisible while navigating, it becomes the in-cell editor as soon as the user
 * types — so the first keystroke, and an IME composition (中文 input), land in a real text field.
 * Typing starts "enter mode" (arrows commit and move); F2 or a double-click is "edit mode".
 */
import { t } from '../../i18n';
import { createEffect, on } from 'solid-js';
import type { Workbench } from '../workbench/workbench';

type Dir = 'up' | 'down' | 'left' | 'right';

export function GridInput(props: { wb: Workbench; rect: { left: number; top: number; width: number; height: number }; ref: (el: HTMLTextAreaElement) => void }) {
  const wb = props.wb;
  let input!: HTMLTextAreaElement;
  const editing = () => {
    const e = wb.editing();
    return e && e.where === 'cell' && e.sheet === wb.sheetName() ? e : null;
  };

  // Entering edit mode from F2 or a double-click: the caret goes to the end of the content.
  createEffect(on(() => editing()?.mode, (mode) => {
    if (mode === 'edit') {
      input.focus({ preventScroll: true });
      const end = input.value.length;
      input.setSelectionRange(end, end);
    }
  }));

  const done = (dir?: Dir) => wb.commitEdit(dir);

  return (
    <textarea
      ref={(el) => { input = el; props.ref(el); }}
      class="grid-input"
      classList={{ editing: !!editing() }}
      data-testid="cell-editor"
      aria-label={t('a11y.cellInput')}
      rows={1}
      spellcheck={false}
      autocomplete="off"
      value={editing()?.text ?? ''}
      style={{ left: `${props.rect.left}px`, top: `${props.rect.top}px`, 'min-width': `${props.rect.width}px`, height: `${props.rect.height}px` }}
      onInput={(e) => {
        const text = e.currentTarget.value;
        if (!editing()) wb.startEdit('cell', text, 'enter');
        else wb.updateEdit(text);
      }}
      onCompositionStart={() => {
        if (!editing()) wb.startEdit('cell', '', 'enter');
      }}
      onBlur={() => editing() && done()}
      onKeyDown={(e) => {
        const ed = editing();
        if (!ed) return; // navigation keys bubble to the grid
        e.stopPropagation();
        if (e.isComposing || e.key === 'Process') return;
        if (e.key === 'Enter' && !e.altKey) { e.preventDefault(); done(e.shiftKey ? 'up' : 'down'); }
        else if (e.key === 'Tab') { e.preventDefault(); done(e.shiftKey ? 'left' : 'right'); }
        else if (e.key === 'Escape') { e.preventDefault(); wb.cancelEdit(); }
        else if (ed.mode === 'enter' && e.key.startsWith('Arrow')) {
          e.preventDefault();
          done(e.key.slice(5).toLowerCase() as Dir);
        }
      }}
    />
  );
}
