/** The toolbar's scenario picker: base and the notebook's scenarios; switching is one undo step. */
import { For } from 'solid-js';
import type { NotebookSession } from '../../engine/session';
import { activeScenarioId } from '../../model/scenarios';
import { t } from '../../i18n';
import { scenarioChoices, switchScenario } from './actions';

export function ScenarioSwitcher(props: { session: NotebookSession; log?: boolean; class?: string }) {
  const session = props.session;
  return (
    <label class={`scenario-switcher ${props.class ?? ''}`} title={t('sc.switchTitle')} classList={{ 'is-scenario': activeScenarioId(session.doc) !== 'base' }}>
      <select
        data-testid="scenario-select"
        aria-label={t('sc.label')}
        value={activeScenarioId(session.doc)}
        disabled={session.readOnly()}
        onChange={(e) => {
          switchScenario(session, e.currentTarget.value, { log: props.log });
          e.currentTarget.value = activeScenarioId(session.doc);
        }}
      >
        <For each={scenarioChoices(session.doc)}>{(s) => <option value={s.id}>{s.name}</option>}</For>
      </select>
    </label>
  );
}

/** Scenario chips for the presenter: big, one click each. */
export function ScenarioChips(props: { session: NotebookSession; log?: boolean; disabled?: boolean; beforeSwitch?: () => void }) {
  const session = props.session;
  return (
    <div class="scenario-chips" role="radiogroup" aria-label={t('sc.label')}>
      <For each={scenarioChoices(session.doc)}>
        {(s) => (
          <button
            role="radio"
            data-scenario={s.id}
            aria-checked={activeScenarioId(session.doc) === s.id}
            classList={{ on: activeScenarioId(session.doc) === s.id }}
            disabled={props.disabled || session.readOnly()}
            onClick={() => {
              props.beforeSwitch?.();
              switchScenario(session, s.id, { log: props.log });
            }}
          >
            {s.name}
          </button>
        )}
      </For>
    </div>
  );
}
