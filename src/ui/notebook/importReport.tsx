/**
 * What an `.xlsx` import could not carry over, kept in the notebook (`layout.importReport`):
 * cells that call functions Opsbook lacks — shown with the value Excel had computed, marked as
 * such — and the import's warnings. The panel lists them and jumps to each cell.
 */
import { SidePanel } from './SidePanel';
import { For, Show } from 'solid-js';
import { defineMessages, t } from '../../i18n';
import { formatValue } from '../../i18n/numberFormat';
import type { NotebookContext } from './extensions';
import { importReportOf } from '../workbench/importReportData';
import { warningLabel } from './importWarnings';

defineMessages({
  en: {
    'report.title': 'Import report',
    'report.button': 'Import report ({n})',
    'report.functions': 'Functions Opsbook lacks: {list}',
    'report.cachedNote': 'These cells show the value Excel computed (marked ≈). Change the formula to one Opsbook supports to compute it here.',
    'report.cell': 'Excel had {value}',
    'report.cachedTitle': 'Excel computed {value}; Opsbook lacks {functions}',
    'report.warnings': 'Adapted on import',
    'report.more': '… and {n} more cells',
  },
  'zh-CN': {
    'report.title': '导入报告',
    'report.button': '导入报告（{n}）',
    'report.functions': 'Opsbook 不支持的函数：{list}',
    'report.cachedNote': '这些单元格显示 Excel 原先计算的值（标记 ≈）。将公式改为 Opsbook 支持的函数后即可在此计算。',
    'report.cell': 'Excel 的值：{value}',
    'report.cachedTitle': 'Excel 计算为 {value}；Opsbook 不支持 {functions}',
    'report.warnings': '导入时的调整',
    'report.more': '……另有 {n} 个单元格',
  },
});

export function ImportReportPanel(props: NotebookContext & { close(): void }) {
  const report = () => importReportOf(props.session.doc);
  return (
    <SidePanel class="report-panel" testid="import-report" title={t('report.title')} onClose={() => props.close()}>
      <Show when={report()}>
        {(r) => (
          <div class="panel-note">
            <p><strong>{r().fileName}</strong></p>
            <Show when={r().functions.length}>
              <p data-testid="unsupported-functions">{t('report.functions', { list: r().functions.join(', ') })}</p>
              <p class="muted">{t('report.cachedNote')}</p>
              <ul>
                <For each={r().unsupported.slice(0, 300)}>
                  {(u) => (
                    <li class="report-row" data-unsupported={`${u.sheet}!${u.addr}`}>
                      <button onClick={() => props.wb.goTo(`${u.sheet}!${u.addr}`)}>
                        <span class="check-where">{u.sheet}!{u.addr}</span> {u.functions.join(', ')} — {t('report.cell', { value: formatValue(u.cached, undefined) })}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={r().unsupportedCount > 300}><p class="muted">{t('report.more', { n: r().unsupportedCount - 300 })}</p></Show>
            </Show>
            <Show when={r().warnings.length}>
              <p><strong>{t('report.warnings')}</strong></p>
              <ul>
                <For each={r().warnings}>{(w) => <li class="muted" data-warning={w.code}>{warningLabel(w.code)}: {w.detail}</li>}</For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
    </SidePanel>
  );
}
