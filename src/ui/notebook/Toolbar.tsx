/**
 * The editor toolbar: home, title, undo/redo, number format, files, language.
 */
import { For } from 'solid-js';
import type { JSX } from 'solid-js';
import { locale, setLocale, t } from '../../i18n';
import { FORMAT_PRESETS, formatNumber } from '../../i18n/numberFormat';
import { navigate } from '../router';
import { notify } from '../services';
import { exportCsv, exportOpsbook, exportXlsx } from './fileActions';
import { useWorkbench } from '../workbench/context';

export function Toolbar(props: { children?: JSX.Element }) {
  const wb = useWorkbench();
  const session = wb.session;
  const busy = (job: Promise<void>) => job.catch((e) => notify('error', t('nb.exportFailed', { why: e instanceof Error ? e.message : String(e) })));
  return (
    <header class="toolbar">
      <button class="home-btn" data-testid="home" title={t('home.title')} onClick={() => navigate({ page: 'home' })}>⌂ Opsbook</button>
      <input
        class="title-input"
        data-testid="notebook-title"
        value={session.doc.title}
        placeholder={t('nb.titlePlaceholder')}
        aria-label={t('a11y.title')}
        onChange={(e) => session.setTitle(e.currentTarget.value.trim() || t('nb.titlePlaceholder'))}
      />
      <div class="tool-group">
        <button data-testid="undo" title={t('nb.undo')} disabled={!session.canUndo()} onClick={() => wb.undo()}>↶</button>
        <button data-testid="redo" title={t('nb.redo')} disabled={!session.canRedo()} onClick={() => wb.redo()}>↷</button>
      </div>
      <label class="tool-group">
        <span class="sr-only">{t('nb.format')}</span>
        <select
          data-testid="format-select"
          title={t('nb.format')}
          value={wb.sheet().formats[wb.activeAddr()] ?? 'General'}
          onChange={(e) => wb.setFormat(e.currentTarget.value)}
        >
          <For each={FORMAT_PRESETS}>{(f) => <option value={f.code}>{f.code === 'General' ? t('fmt.general') : `${formatNumber(f.code.includes('%') ? 0.1234 : 1234.5, f.code)}   ${f.code}`}</option>}</For>
        </select>
      </label>
      {props.children}
      <div class="tool-group">
        <button data-testid="export-opsbook" title={t('nb.exportOpsbook')} onClick={() => exportOpsbook(session)}>⤓ .opsbook.json</button>
        <button data-testid="export-xlsx" title={t('nb.exportXlsx')} onClick={() => void busy(exportXlsx(session))}>⤓ .xlsx</button>
        <button data-testid="export-csv" title={t('nb.exportCsv')} onClick={() => void busy(exportCsv(session, wb.sheetName()))}>⤓ CSV</button>
        <button data-testid="print" title={t('nb.print')} onClick={() => navigate({ page: 'print', id: session.doc.id })}>{t('nb.printShort')}</button>
      </div>
      <button class="lang" data-testid="language" title={t('nb.language')} onClick={() => setLocale(locale() === 'en' ? 'zh-CN' : 'en')}>
        {locale() === 'en' ? '中文' : 'EN'}
      </button>
    </header>
  );
}
