/**
 * The name box (where you are; type `Sheet!C12` and Enter to go there) and the formula bar
 * (the active cell's raw content; type and Enter to commit). Below them, a selected error cell
 * explains itself in plain language.
 */
import { t } from '../../i18n';
import { createSignal, Show } from 'solid-js';
import { rangeToA1, toA1 } from '../../model/address';
import { rawToInput } from '../../model/cell';
import { explainError } from '../cellErrors';
import { useWorkbench } from '../workbench/context';

export function FormulaBar(props: { focusGrid: () => void }) {
  const wb = useWorkbench();
  const [nameText, setNameText] = createSignal<string | null>(null);
  let bar!: HTMLInputElement;
  let returning = false;
  // Enter/Tab hand the focus back to the grid first, then commit: focusing after the commit forced
  // a style pass over everything the commit had just changed, on the edit's critical path. The blur
  // this causes commits nothing of its own; a refused entry goes back to the bar to be fixed.
  const commitAndReturn = (dir: 'up' | 'down' | 'left' | 'right') => {
    returning = true;
    props.focusGrid();
    returning = false;
    wb.commitEdit(dir);
    if (wb.editing()?.where === 'bar') bar.focus();
  };
  const barValue = () => {
    const e = wb.editing();
    return e ? e.text : rawToInput(wb.activeRaw());
  };
  // As in Excel the name box names the active cell, also inside a range; the range itself is in
  // `data-range` (docs/automation.md).
  const nameValue = () => nameText() ?? toA1(wb.selection.sel.active);
  const explanation = () => {
    const err = wb.activeError();
    const raw = wb.activeRaw();
    return err ? explainError(err, typeof raw === 'string' ? raw : undefined) : null;
  };
  return (
    <div class="formula-area">
      <div class="formula-row">
        <input
          class="name-box"
          data-testid="name-box"
          aria-label={t('a11y.nameBox')}
          spellcheck={false}
          value={nameValue()}
          data-range={rangeToA1(wb.selection.range())}
          onFocus={(e) => { setNameText(nameValue()); e.currentTarget.select(); }}
          onInput={(e) => setNameText(e.currentTarget.value)}
          onBlur={() => setNameText(null)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              const ok = wb.goTo(e.currentTarget.value);
              if (ok) {
                setNameText(null);
                props.focusGrid();
              }
            } else if (e.key === 'Escape') {
              setNameText(null);
              props.focusGrid();
            }
          }}
        />
        <span class="fx" aria-hidden="true">fx</span>
        <input
          ref={bar}
          class="formula-bar"
          data-testid="formula-bar"
          aria-label={t('a11y.formulaBar')}
          spellcheck={false}
          value={barValue()}
          onFocus={() => {
            const e = wb.editing();
            if (!e) wb.startEdit('bar');
            else if (e.where !== 'bar') wb.startEdit('bar', e.text);
          }}
          onInput={(e) => {
            if (!wb.editing()) wb.startEdit('bar', e.currentTarget.value);
            else wb.updateEdit(e.currentTarget.value);
          }}
          onBlur={() => !returning && wb.editing()?.where === 'bar' && wb.commitEdit()}
          onKeyDown={(e) => {
            if (e.isComposing) return;
            if (e.key === 'Enter') {
              e.preventDefault();
              commitAndReturn(e.shiftKey ? 'up' : 'down');
            } else if (e.key === 'Tab') {
              e.preventDefault();
              commitAndReturn(e.shiftKey ? 'left' : 'right');
            } else if (e.key === 'Escape') {
              e.preventDefault();
              wb.cancelEdit();
              props.focusGrid();
            }
          }}
        />
      </div>
      <Show when={explanation()}>
        {(x) => (
          <div class="cell-error" data-testid="cell-error" role="status">
            <strong>{wb.activeError()?.error}</strong> {x().summary}
            <Show when={x().detail}><span class="detail"> {x().detail}</span></Show>
          </div>
        )}
      </Show>
    </div>
  );
}
