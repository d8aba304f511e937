/**
 * The Structure panel (`data-testid="structure-panel"`): a client plan's four lists in the setup
 * dialog's line formats (`data-list`), applied with `structure-apply` as one undoable regrow that
 * keeps typed inputs by name. What would be removed (with how many typed inputs) is listed and
 * asked for first; a bad list is refused with its problems under it and nothing changes.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n';
import { confirmListDialog } from '../dialogs';
import { notify } from '../services';
import { SidePanel } from '../notebook/SidePanel';
import type { NotebookContext } from '../notebook/extensions';
import { planShape } from '../../../templates/generators/plan';
import { regrowCommands } from '../../../templates/generators/regrow';
import { sameLists, structureChange } from '../../../templates/generators/regrowLists';
import type { SetupError, StructureList } from '../../../templates/generators/setupParse';
import { STRUCTURE_LISTS, structureToLists } from '../../../templates/generators/setupParse';
import { setupErrorText } from './messages';

export default function StructurePanel(props: NotebookContext & { close(): void }) {
  const session = props.session;
  const shape = createMemo(() => {
    void session.doc.layout.plan; // tracked: undo and redo bring another shape
    return planShape(session.plain());
  });
  const [edited, setEdited] = createSignal<Partial<Record<StructureList, string>>>({});
  const [errors, setErrors] = createSignal<SetupError[]>([]);
  const [status, setStatus] = createSignal('');
  const lists = () => {
    const s = shape();
    const base = s ? structureToLists(s) : { products: '', regions: '', levels: '', reps: '' };
    return { ...base, ...edited() };
  };

  async function apply() {
    const s = shape();
    if (!s) return;
    setStatus('');
    const change = structureChange(s, lists());
    if (!change.ok) {
      setErrors(change.errors);
      return;
    }
    setErrors([]);
    if (sameLists(s, change.shape)) {
      setStatus(t('structure.unchanged'));
      return;
    }
    const r = regrowCommands(session.plain(), change.shape, { renames: change.renames });
    if (!r.ok) {
      notify('error', r.error.code === 'scenarioActive' ? t('structure.scenarioActive') : t('structure.notPlan'));
      return;
    }
    if (r.value.removed.length > 0) {
      const items = r.value.removed.map((x) => t('structure.removedItem', { kind: t(`structure.kind.${x.list}`), name: x.name, count: x.inputs }));
      const ok = await confirmListDialog(t('structure.confirmRemove'), items, t('structure.apply'), { testId: 'confirm-structure-regrow', okTestId: 'confirm-ok' });
      if (!ok) return;
    }
    if (session.edit(r.value.commands, 'structure')) {
      setEdited({});
      setStatus(t('structure.applied'));
    }
  }

  return (
    <SidePanel class="structure-panel" testid="structure-panel" title={t('structure.panel')} onClose={() => props.close()}>
      <Show when={shape()} fallback={<p class="muted">{t('structure.notPlan')}</p>}>
        <p class="muted">{t('structure.intro')}</p>
        <For each={STRUCTURE_LISTS}>
          {(list) => {
            const mine = () => errors().filter((e) => e.field === list);
            return (
              <label class="setup-field" data-invalid={mine().length > 0 ? 'true' : undefined}>
                <span>{t(`structure.list.${list}`)}</span>
                <textarea data-list={list} rows={list === 'reps' ? 8 : 4} spellcheck={false} wrap="off" value={lists()[list]}
                  onInput={(e) => setEdited((x) => ({ ...x, [list]: e.currentTarget.value }))} />
                <Show when={mine().length > 0}>
                  <ul class="field-errors" data-field-errors={list} role="alert">
                    <For each={mine()}>{(e) => <li>{setupErrorText(e)}</li>}</For>
                  </ul>
                </Show>
              </label>
            );
          }}
        </For>
        <button class="primary" data-testid="structure-apply" disabled={session.readOnly()} onClick={() => void apply()}>{t('structure.apply')}</button>
        <Show when={status()}>
          <p class="structure-status" role="status" data-testid="structure-status">{status()}</p>
        </Show>
      </Show>
    </SidePanel>
  );
}
