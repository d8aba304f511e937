/**
 * Sheet tabs: click to show, double-click to rename in place, drag to reorder, right-click (or
 * the ▾ button) for rename / move / delete. Stub sheets are marked as such.
 */
import { createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n';
import { confirmRemoveSheet } from '../workbench/structureActions';
import { useWorkbench } from '../workbench/context';

/** `onShown`: after a click shows a sheet, the keys go to its grid (arrows, Ctrl+Z), as in Excel. */
export function SheetTabs(props: { onShown?: () => void }) {
  const wb = useWorkbench();
  const [renaming, setRenaming] = createSignal<string | null>(null);
  const [menu, setMenu] = createSignal<{ name: string; x: number; y: number } | null>(null);
  let dragName: string | null = null;

  const finishRename = (from: string, to: string) => {
    setRenaming(null);
    if (to.trim() && to !== from) wb.renameSheet(from, to);
  };

  const remove = async (name: string) => {
    setMenu(null);
    // Says first what other sheets, names, charts, scenarios and drivers read from it.
    if (await confirmRemoveSheet(wb, name)) wb.removeSheet(name);
  };

  return (
    <div class="sheet-tabs" role="tablist">
      <For each={wb.session.doc.sheets}>
        {(sheet, i) => (
          <div
            class="sheet-tab"
            role="tab"
            aria-selected={sheet.name === wb.sheetName()}
            classList={{ active: sheet.name === wb.sheetName(), stub: !!sheet.stub }}
            data-sheet-tab={sheet.name}
            title={sheet.stub ? t('nb.stubSheet') : sheet.name}
            draggable={renaming() !== sheet.name}
            onClick={() => { wb.showSheet(sheet.name); props.onShown?.(); }}
            onDblClick={() => setRenaming(sheet.name)}
            onContextMenu={(e) => {
              e.preventDefault();
              setMenu({ name: sheet.name, x: e.clientX, y: e.clientY });
            }}
            onDragStart={(e) => {
              dragName = sheet.name;
              e.dataTransfer?.setData('text/plain', sheet.name);
            }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragName && dragName !== sheet.name) wb.moveSheet(dragName, i());
              dragName = null;
            }}
          >
            <Show when={renaming() === sheet.name} fallback={<span>{sheet.name}</span>}>
              <input
                class="tab-rename"
                data-testid="sheet-rename"
                value={sheet.name}
                ref={(el) => queueMicrotask(() => { el.focus(); el.select(); })}
                onKeyDown={(e) => {
                  e.stopPropagation();
                  if (e.key === 'Enter') finishRename(sheet.name, e.currentTarget.value);
                  if (e.key === 'Escape') setRenaming(null);
                }}
                onBlur={(e) => renaming() === sheet.name && finishRename(sheet.name, e.currentTarget.value)}
              />
            </Show>
            <Show when={sheet.stub}><span class="stub-mark">{t('nb.stubBadge')}</span></Show>
          </div>
        )}
      </For>
      <button class="tab-add" data-testid="add-sheet" title={t('nb.addSheet')} aria-label={t('nb.addSheet')} onClick={() => wb.addSheet()}>+</button>
      <Show when={menu()}>
        {(m) => (
          <div class="menu-backdrop" onClick={() => setMenu(null)} onContextMenu={(e) => { e.preventDefault(); setMenu(null); }}>
            <div class="menu" role="menu" style={{ left: `${m().x}px`, top: `${m().y - 140}px` }} onClick={(e) => e.stopPropagation()}>
              <button role="menuitem" data-testid="sheet-menu-rename" onClick={() => { setRenaming(m().name); setMenu(null); }}>{t('nb.renameSheet')}</button>
              <button role="menuitem" onClick={() => { const idx = wb.session.doc.sheets.findIndex((s) => s.name === m().name); wb.moveSheet(m().name, Math.max(0, idx - 1)); setMenu(null); }}>{t('nb.moveLeft')}</button>
              <button role="menuitem" onClick={() => { const idx = wb.session.doc.sheets.findIndex((s) => s.name === m().name); wb.moveSheet(m().name, idx + 1); setMenu(null); }}>{t('nb.moveRight')}</button>
              <button role="menuitem" data-testid="sheet-menu-delete" class="danger" onClick={() => void remove(m().name)}>{t('nb.deleteSheet')}</button>
            </div>
          </div>
        )}
      </Show>
    </div>
  );
}
