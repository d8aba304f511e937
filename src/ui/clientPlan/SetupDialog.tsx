/**
 * The client setup dialog (`data-testid="client-setup"`): the client's facts and lists, prefilled
 * with the sample company as the example to overwrite, each field with its problems under it
 * (field and line, translated). *Create* builds nothing until every field is right; then the plan
 * comes from the generators (loaded lazily with them).
 */
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n';
import type { Notebook } from '../../model/notebook';
import { SAMPLE_SHAPE } from '../../../templates/generators/shape';
import type { SetupError, SetupField, SetupFields } from '../../../templates/generators/setupParse';
import { parseSetup, shapeToFields } from '../../../templates/generators/setupParse';
import { setupErrorText } from './messages';

const TEXTAREAS: { field: SetupField; rows: number }[] = [
  { field: 'products', rows: 4 },
  { field: 'regions', rows: 4 },
  { field: 'levels', rows: 3 },
  { field: 'reps', rows: 6 },
  { field: 'history', rows: 5 },
  { field: 'history-prior', rows: 2 },
  { field: 'potential', rows: 5 },
  { field: 'accounts', rows: 4 },
];

export function SetupDialog(props: { onClose(): void; onCreate(nb: Notebook): Promise<void> | void }) {
  const [fields, setFields] = createSignal<SetupFields>(shapeToFields(SAMPLE_SHAPE));
  const [errors, setErrors] = createSignal<SetupError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const set = (f: SetupField, v: string) => setFields((x) => ({ ...x, [f]: v }));
  const errorsOf = (f: SetupField) => errors().filter((e) => e.field === f);

  async function create() {
    const r = parseSetup(fields());
    if (!r.ok) {
      setErrors(r.errors);
      // The first wrong field comes into view, so a long form still shows why nothing happened.
      queueMicrotask(() => document.querySelector('[data-testid="client-setup"] .field-errors')?.scrollIntoView({ block: 'nearest' }));
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const { generatePlan } = await import('../../../templates/generators/plan');
      await props.onCreate(generatePlan(r.shape));
    } finally {
      setBusy(false);
    }
  }

  const Field = (p: { field: SetupField; children: JSX.Element }) => (
    <label class="setup-field" data-invalid={errorsOf(p.field).length > 0 ? 'true' : undefined}>
      <span>{t(`setup.field.${p.field}`)}</span>
      {p.children}
      <Show when={errorsOf(p.field).length > 0}>
        <ul class="field-errors" data-field-errors={p.field} role="alert">
          <For each={errorsOf(p.field)}>{(e) => <li>{setupErrorText(e)}</li>}</For>
        </ul>
      </Show>
    </label>
  );

  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <div class="modal client-setup" role="dialog" aria-modal="true" aria-label={t('setup.title')} data-testid="client-setup">
        <h3>{t('setup.title')}</h3>
        <p class="muted">{t('setup.intro')}</p>
        <div class="setup-grid">
          <Field field="client">
            <input data-field="client" value={fields().client} onInput={(e) => set('client', e.currentTarget.value)} />
          </Field>
          <Field field="year">
            <input data-field="year" inputmode="numeric" value={fields().year} onInput={(e) => set('year', e.currentTarget.value)} />
          </Field>
          <Field field="unit">
            <select data-field="unit" value={fields().unit} onChange={(e) => set('unit', e.currentTarget.value)}>
              <For each={['元', '千元', '万元']}>{(u) => <option value={u}>{u}</option>}</For>
            </select>
          </Field>
          <Field field="language">
            <select data-field="language" value={fields().language} onChange={(e) => set('language', e.currentTarget.value)}>
              <option value="zh-CN">{t('setup.lang.zh')}</option>
              <option value="en">{t('setup.lang.en')}</option>
            </select>
          </Field>
        </div>
        <For each={TEXTAREAS}>
          {(x) => (
            <Field field={x.field}>
              <textarea data-field={x.field} rows={x.rows} spellcheck={false} wrap="off" value={fields()[x.field]} onInput={(e) => set(x.field, e.currentTarget.value)}
                onKeyDown={(e) => {
                  // Tab types a tab (the column separator), as in the pasted text; Shift+Tab still moves on.
                  if (e.key === 'Tab' && !e.shiftKey) {
                    e.preventDefault();
                    const el = e.currentTarget;
                    el.setRangeText('\t', el.selectionStart, el.selectionEnd, 'end');
                    set(x.field, el.value);
                  }
                }} />
            </Field>
          )}
        </For>
        <div class="modal-actions">
          <Show when={errors().length > 0}>
            <span class="setup-summary" data-testid="client-setup-summary" role="status">{t('setup.fix', { count: errors().length })}</span>
          </Show>
          <button data-testid="client-setup-cancel" onClick={() => props.onClose()}>{t('setup.cancel')}</button>
          <button class="primary" data-testid="client-setup-create" disabled={busy()} onClick={() => void create()}>{t('setup.create')}</button>
        </div>
      </div>
    </div>
  );
}
