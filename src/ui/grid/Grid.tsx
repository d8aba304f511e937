/**
 * The virtualized grid. A tall canvas the size of the sheet scrolls natively; only the visible
 * window of cells is rendered, in fixed `<Index>` slots whose row/column change as it scrolls.
 * The selection is drawn as two overlay rectangles, so moving the cursor re-renders nothing
 * else. Keyboard, mouse and clipboard map to the workbench's named actions.
 */
import { createEffect, createMemo, createSignal, Index, on, onCleanup, onMount, Show, untrack } from 'solid-js';
import { columnIndex, columnLabel, toA1 } from '../../model/address';
import { cellRole, valueToContract } from '../../model/cell';
import { formatValue } from '../../i18n/numberFormat';
import { t } from '../../i18n';
import type { Workbench } from '../workbench/workbench';
import { checkState } from '../../model/checks';
import { isScenarioOverride } from '../../model/scenarios';
import { ColumnLayout, HEADER_HEIGHT, ROW_HEADER_WIDTH, ROW_HEIGHT, scrollToReveal, visibleWindow } from './geometry';
import type { Viewport } from './geometry';
import { handleGridKey } from './keyboard';
import { GridInput } from './GridInput';
import { openStructureMenu, StructureMenu } from './StructureMenu';
import type { MenuScope } from './StructureMenu';
import { selectionAxis } from '../workbench/structureActions';
import { useWorkbench } from '../workbench/context';

export function Grid() {
  const wb = useWorkbench();
  let scroller!: HTMLDivElement;
  let root!: HTMLDivElement;
  let input!: HTMLTextAreaElement;
  const focusInput = () => input.focus({ preventScroll: true });
  const [vp, setVp] = createSignal<Viewport>({ scrollTop: 0, scrollLeft: 0, width: 1200, height: 800 });
  const cols = createMemo(() => new ColumnLayout(wb.bounds().cols, wb.sheet().colWidths));
  const colsLayout = cols;
  const win = createMemo(() => visibleWindow(vp(), wb.bounds().rows, cols()), undefined, { equals: sameWindow });
  const rowSlots = createMemo(() => range(win().rowStart, win().rowEnd));
  const colSlots = createMemo(() => range(win().colStart, win().colEnd));
  // Frozen panes: header rows and label columns stay in view (sheet.frozen).
  const frozen = createMemo(() => {
    const f = wb.sheet().frozen;
    const rows = Math.max(0, Math.min(f?.rows ?? 0, 50));
    const cols = Math.max(0, Math.min(f?.cols ?? 0, 20, wb.bounds().cols - 1));
    return { rows, cols, width: cols ? colsLayout().offsets[cols] : 0, height: rows * ROW_HEIGHT, rowList: range(0, rows - 1), colList: range(0, cols - 1) };
  }, undefined, { equals: (a, b) => a.rows === b.rows && a.cols === b.cols && a.width === b.width });


  let frame = 0;
  const measure = () => {
    frame = 0;
    setVp({ scrollTop: scroller.scrollTop, scrollLeft: scroller.scrollLeft, width: scroller.clientWidth, height: scroller.clientHeight });
  };
  const onScroll = () => {
    if (!frame) frame = requestAnimationFrame(measure);
  };

  onMount(() => {
    measure();
    const ro = new ResizeObserver(() => measure());
    ro.observe(scroller);
    onCleanup(() => ro.disconnect());
    focusInput();
  });

  /**
   * Scrolls the grid and records the new position at once: the window of rendered cells follows
   * in the same frame, and the next reveal starts from where the grid really is (a cached position
   * one frame old made a jump that followed a sheet switch measure from the old sheet's scroll and
   * leave the target unrendered).
   */
  function scrollGrid(top: number, left: number): void {
    const v = vp();
    if (top === v.scrollTop && left === v.scrollLeft) return;
    scroller.scrollTop = top;
    scroller.scrollLeft = left;
    setVp({ ...v, scrollTop: top, scrollLeft: left });
  }

  // Bring the selection into view after keyboard moves and every jump (name box, checks, KPI
  // cards, …); a new sheet starts at its top-left. The focus end is revealed first, then the
  // active cell, so the active cell wins when both cannot show. Geometry comes from the recorded
  // viewport, never from reading layout, so an edit forces no synchronous reflow.
  let lastSheet = untrack(wb.sheetName);
  createEffect(
    on([wb.sheetName, wb.revealTick, () => wb.selection.sel.focus.row, () => wb.selection.sel.focus.col], () =>
      untrack(() => {
        const v = vp();
        let pos = { top: v.scrollTop, left: v.scrollLeft };
        if (wb.sheetName() !== lastSheet) {
          lastSheet = wb.sheetName();
          pos = { top: 0, left: 0 };
        }
        const base = pos;
        const f = frozen();
        for (const a of [wb.selection.sel.focus, wb.selection.sel.active]) {
          const next = scrollToReveal({ ...v, scrollTop: pos.top, scrollLeft: pos.left }, a.row, a.col, cols(), { top: a.row < f.rows ? 0 : f.height, left: a.col < f.cols ? 0 : f.width });
          // Cells inside a frozen pane are always in view along that axis.
          pos = { top: a.row < f.rows ? pos.top : next.top, left: a.col < f.cols ? pos.left : next.left };
        }
        // Whole rows (columns) selected: their far end is not where the user looks.
        const r = wb.selection.range();
        if (r.start.col === 0 && r.end.col >= wb.bounds().cols - 1) pos.left = base.left;
        if (r.start.row === 0 && r.end.row >= wb.bounds().rows - 1) pos.top = base.top;
        scrollGrid(pos.top, pos.left);
      }),
    ),
  );

  const x = (col: number) => ROW_HEADER_WIDTH + cols().offsets[col];
  const y = (row: number) => HEADER_HEIGHT + row * ROW_HEIGHT;

  // ---- mouse ------------------------------------------------------------------------------
  let dragging = false;
  // A drag that started on a header extends whole rows/columns.
  let headerDrag: 'rows' | 'cols' | null = null;
  function cellAt(e: MouseEvent) {
    const rect = scroller.getBoundingClientRect();
    const px = e.clientX - rect.left + scroller.scrollLeft - ROW_HEADER_WIDTH;
    const py = e.clientY - rect.top + scroller.scrollTop - HEADER_HEIGHT;
    return { row: Math.max(0, Math.min(wb.bounds().rows - 1, Math.floor(py / ROW_HEIGHT))), col: cols().at(Math.max(0, px)) };
  }
  function onMouseDown(e: MouseEvent) {
    if (e.button !== 0) return;
    const target = e.target as HTMLElement;
    if (target.closest('.grid-input.editing') || target.closest('.col-resize')) return;
    if (wb.editing()) {
      wb.commitEdit();
      // A refused entry stays in its cell's editor: the selection does not move away from it.
      if (wb.editing()) {
        e.preventDefault();
        return focusInput();
      }
    }
    const p = cellAt(e);
    const head = headerAt(target);
    if (head?.axis === 'cols') {
      selectCols(head.index, e.shiftKey);
      headerDrag = 'cols';
    } else if (head?.axis === 'rows') {
      selectRows(head.index, e.shiftKey);
      headerDrag = 'rows';
    } else {
      wb.selection.select(p, e.shiftKey);
      dragging = true;
    }
    focusInput();
    e.preventDefault();
  }
  function onMouseMove(e: MouseEvent) {
    if (e.buttons !== 1) return;
    if (dragging) wb.selection.select(cellAt(e), true);
    else if (headerDrag === 'cols') selectCols(cellAt(e).col, true);
    else if (headerDrag === 'rows') selectRows(cellAt(e).row, true);
  }
  const stopDrag = () => {
    dragging = false;
    headerDrag = null;
  };

  /** The header under the pointer, read from its own attribute (right also for frozen, sticky headers). */
  function headerAt(target: HTMLElement): { axis: 'rows' | 'cols'; index: number } | null {
    const c = target.closest<HTMLElement>('[data-col-header]');
    if (c) return { axis: 'cols', index: columnIndex(c.dataset.colHeader!) };
    const r = target.closest<HTMLElement>('[data-row-header]');
    if (r) return { axis: 'rows', index: Number(r.dataset.rowHeader) - 1 };
    return null;
  }
  /** Whole columns from the active one (Shift) or just this one, as a header click does in Excel. */
  function selectCols(col: number, extend: boolean) {
    const from = extend ? wb.selection.sel.active.col : col;
    wb.selection.selectRange({ start: { row: 0, col: from }, end: { row: wb.bounds().rows - 1, col } });
  }
  function selectRows(row: number, extend: boolean) {
    const from = extend ? wb.selection.sel.active.row : row;
    wb.selection.selectRange({ start: { row: from, col: 0 }, end: { row, col: wb.bounds().cols - 1 } });
  }

  /** Right-click: the structure menu for the row/column header or cell under the pointer, selecting it first unless it is inside the selection. */
  function onContextMenu(e: MouseEvent) {
    const target = e.target as HTMLElement;
    if (target.closest('.grid-input.editing')) return; // the text editor keeps the browser's menu
    e.preventDefault();
    if (wb.editing()) wb.commitEdit();
    const r = wb.selection.range();
    const axis = selectionAxis(wb);
    const head = headerAt(target);
    let scope: MenuScope;
    if (head) {
      const [lo, hi] = head.axis === 'rows' ? [r.start.row, r.end.row] : [r.start.col, r.end.col];
      if (axis !== head.axis || head.index < lo || head.index > hi) (head.axis === 'rows' ? selectRows : selectCols)(head.index, false);
      scope = head.axis;
    } else {
      const p = cellAt(e);
      if (p.row < r.start.row || p.row > r.end.row || p.col < r.start.col || p.col > r.end.col) wb.selection.select(p);
      scope = selectionAxis(wb) ?? 'cells';
    }
    openStructureMenu(e.clientX, e.clientY, scope);
  }
  window.addEventListener('mouseup', stopDrag);
  onCleanup(() => window.removeEventListener('mouseup', stopDrag));

  function onDblClick(e: MouseEvent) {
    if ((e.target as HTMLElement).closest('.cells')) wb.startEdit('cell');
  }

  // ---- column resize ---------------------------------------------------------------------
  function startResize(col: number, e: MouseEvent) {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const startW = cols().width(col);
    const guide = document.createElement('div');
    guide.className = 'resize-guide';
    scroller.append(guide);
    const place = (ev: MouseEvent) => (guide.style.left = `${x(col) + Math.max(24, startW + ev.clientX - startX)}px`);
    place(e);
    const up = (ev: MouseEvent) => {
      window.removeEventListener('mousemove', place);
      window.removeEventListener('mouseup', up);
      guide.remove();
      // A click (or the first half of a double-click) is not a resize.
      if (Math.abs(ev.clientX - startX) >= 2) wb.setColumnWidth(col, startW + ev.clientX - startX);
    };
    window.addEventListener('mousemove', place);
    window.addEventListener('mouseup', up);
  }

  /** Double-click on a column's edge: as wide as its widest shown text, as in Excel. */
  function autoFit(col: number, e: MouseEvent) {
    e.stopPropagation();
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return;
    ctx.font = getComputedStyle(scroller).font || '14px sans-serif';
    let widest = 0;
    const values = wb.session.values[wb.sheetName()] ?? {};
    for (let row = 0; row < Math.min(wb.bounds().rows, 5000); row++) {
      const addr = toA1({ row, col });
      const text = values[addr] !== undefined ? wb.shown({ row, col }) : '';
      if (text) widest = Math.max(widest, ctx.measureText(text).width);
    }
    if (widest > 0) wb.setColumnWidth(col, widest + 18);
  }

  // ---- clipboard (native events carry Excel's and Google Sheets' TSV) ---------------------
  function onCopy(e: ClipboardEvent) {
    if (wb.editing()) return;
    e.clipboardData?.setData('text/plain', wb.copyText());
    e.preventDefault();
  }
  function onCut(e: ClipboardEvent) {
    if (wb.editing()) return;
    e.clipboardData?.setData('text/plain', wb.cutText());
    e.preventDefault();
  }
  function onPaste(e: ClipboardEvent) {
    if (wb.editing()) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (text) wb.paste(text);
    e.preventDefault();
  }

  const selRect = createMemo(() => {
    const r = wb.selection.range();
    return { left: x(r.start.col), top: y(r.start.row), width: x(r.end.col + 1) - x(r.start.col), height: (r.end.row - r.start.row + 1) * ROW_HEIGHT };
  });
  const activeRect = createMemo(() => {
    const a = wb.selection.sel.active;
    return { left: x(a.col), top: y(a.row), width: cols().width(a.col), height: ROW_HEIGHT };
  });
  const headerActive = createMemo(() => wb.selection.range());

  return (
    <div
      ref={root}
      class="grid"
      tabindex="-1"
      data-testid="grid"
      role="grid"
      aria-rowcount={wb.bounds().rows}
      aria-colcount={wb.bounds().cols}
      onFocus={(e) => e.target === root && focusInput()}
      onKeyDown={(e) => handleGridKey(wb, e)}
      onCopy={onCopy}
      onCut={onCut}
      onPaste={onPaste}
    >
      <div ref={scroller} class="grid-scroller" onScroll={onScroll} onMouseDown={onMouseDown} onMouseMove={onMouseMove} onDblClick={onDblClick} onContextMenu={onContextMenu}>
        <div class="grid-canvas" style={{ width: `${ROW_HEADER_WIDTH + cols().total}px`, height: `${HEADER_HEIGHT + wb.bounds().rows * ROW_HEIGHT}px` }}>
          <div class="col-headers" style={{ width: `${ROW_HEADER_WIDTH + cols().total}px` }}>
            <div class="corner" />
            <Show when={frozen().cols > 0}>
              <div class="frozen-heads" style={{ width: `${frozen().width}px`, 'margin-left': `${ROW_HEADER_WIDTH}px` }}>
                <Index each={frozen().colList}>
                  {(col) => (
                    <div class="col-header" classList={{ on: col() >= headerActive().start.col && col() <= headerActive().end.col }} data-col-header={columnLabel(col())}
                      style={{ left: `${cols().offsets[col()]}px`, width: `${cols().width(col())}px` }}>
                      {columnLabel(col())}
                      <span class="col-resize" onMouseDown={(e) => startResize(col(), e)} onDblClick={(e) => autoFit(col(), e)} />
                    </div>
                  )}
                </Index>
              </div>
            </Show>
            <Index each={colSlots()}>
              {(col) => (
                <div
                  class="col-header"
                  classList={{ on: col() >= headerActive().start.col && col() <= headerActive().end.col }}
                  data-col-header={columnLabel(col())}
                  style={{ left: `${x(col())}px`, width: `${cols().width(col())}px` }}
                >
                  {columnLabel(col())}
                  <span class="col-resize" onMouseDown={(e) => startResize(col(), e)} onDblClick={(e) => autoFit(col(), e)} />
                </div>
              )}
            </Index>
          </div>
          <div class="row-headers" style={{ height: `${wb.bounds().rows * ROW_HEIGHT}px` }}>
            <Show when={frozen().rows > 0}>
              <div class="frozen-row-heads" style={{ height: `${frozen().height}px` }}>
                <Index each={frozen().rowList}>
                  {(row) => (
                    <div class="row-header" classList={{ on: row() >= headerActive().start.row && row() <= headerActive().end.row }} data-row-header={row() + 1} style={{ top: `${row() * ROW_HEIGHT}px` }}>
                      {row() + 1}
                    </div>
                  )}
                </Index>
              </div>
            </Show>
            <Index each={rowSlots()}>
              {(row) => (
                <div
                  class="row-header"
                  classList={{ on: row() >= headerActive().start.row && row() <= headerActive().end.row }}
                  data-row-header={row() + 1}
                  style={{ top: `${row() * ROW_HEIGHT}px` }}
                >
                  {row() + 1}
                </div>
              )}
            </Index>
          </div>
          <div class="cells">
            <Index each={rowSlots()}>
              {(row) => (
                <Index each={colSlots()}>
                  {(col) => <Cell wb={wb} row={row()} col={col()} left={x(col())} width={cols().width(col())} />}
                </Index>
              )}
            </Index>
          </div>
          <Show when={frozen().rows > 0}>
            <div class="frozen frozen-rows" style={{ 'margin-top': `-${wb.bounds().rows * ROW_HEIGHT}px`, 'margin-left': `${ROW_HEADER_WIDTH}px`, width: `${cols().total}px`, height: `${frozen().height}px`, top: `${HEADER_HEIGHT}px` }}>
              <FrozenCells wb={wb} rows={frozen().rowList} cols={colSlots()} layout={cols()} />
            </div>
          </Show>
          <Show when={frozen().cols > 0}>
            <div class="frozen frozen-cols" style={{ 'margin-top': `-${frozen().rows > 0 ? frozen().height : wb.bounds().rows * ROW_HEIGHT}px`, 'margin-left': `${ROW_HEADER_WIDTH}px`, width: `${frozen().width}px`, height: `${wb.bounds().rows * ROW_HEIGHT}px`, left: `${ROW_HEADER_WIDTH}px` }}>
              <FrozenCells wb={wb} rows={rowSlots()} cols={frozen().colList} layout={cols()} />
            </div>
          </Show>
          <Show when={frozen().rows > 0 && frozen().cols > 0}>
            <div class="frozen frozen-corner" style={{ 'margin-top': `-${wb.bounds().rows * ROW_HEIGHT}px`, 'margin-left': `${ROW_HEADER_WIDTH}px`, width: `${frozen().width}px`, height: `${frozen().height}px`, top: `${HEADER_HEIGHT}px`, left: `${ROW_HEADER_WIDTH}px` }}>
              <FrozenCells wb={wb} rows={frozen().rowList} cols={frozen().colList} layout={cols()} />
            </div>
          </Show>
          <div class="sel-range" style={px(selRect())} />
          <div class="sel-active" style={px(activeRect())} />
          <GridInput wb={wb} rect={activeRect()} ref={(el) => (input = el)} />
        </div>
      </div>
      <StructureMenu wb={wb} onDone={focusInput} />
    </div>
  );
}

/** The cells of one frozen pane, positioned inside the pane's sticky layer. */
function FrozenCells(props: { wb: Workbench; rows: number[]; cols: number[]; layout: ColumnLayout }) {
  return (
    <Index each={props.rows}>
      {(row) => (
        <Index each={props.cols}>
          {(col) => <Cell wb={props.wb} row={row()} col={col()} left={props.layout.offsets[col()]} width={props.layout.width(col())} top={row() * ROW_HEIGHT} frozen />}
        </Index>
      )}
    </Index>
  );
}

function Cell(props: { wb: Workbench; row: number; col: number; left: number; width: number; top?: number; frozen?: boolean }) {
  const wb = props.wb;
  const addr = () => toA1({ row: props.row, col: props.col });
  const raw = () => wb.sheet().cells[addr()];
  const value = () => wb.session.values[wb.sheetName()]?.[addr()];
  // A cell imported from Excel with a function Opsbook lacks shows Excel's value, marked ≈.
  const cached = () => {
    const v = value();
    return typeof v === 'object' && v !== null && v.error === '#NAME?' ? wb.cachedImport().get(`${wb.sheetName()}!${addr()}`) : undefined;
  };
  const text = () => {
    const c = cached();
    return c ? `≈ ${formatValue(c.cached, wb.sheet().formats[addr()])}` : formatValue(value(), wb.sheet().formats[addr()]);
  };
  const check = createMemo(() => checkState(value()));
  const role = createMemo(() => cellRole(raw(), wb.sheetName()));
  const kind = () => {
    const v = value();
    if (v === null || v === undefined) return 'blank';
    if (typeof v === 'object') return 'error';
    return typeof v;
  };
  return (
    <div
      class={`cell role-${role()} v-${kind()}`}
      classList={{
        [`check-${check()}`]: !!check(),
        stub: !!wb.sheet().stub,
        'excel-cached': !!cached(),
        // Frozen panes cover the selection overlay, so their cells draw the selection themselves.
        'in-range': !!props.frozen && inRange(wb, props.row, props.col),
        'is-active': !!props.frozen && wb.selection.sel.active.row === props.row && wb.selection.sel.active.col === props.col,
        // Scenarios (src/ui/scenarios): the shown scenario overrides this input.
        'scenario-override': isScenarioOverride(wb.session.doc, wb.sheetName(), addr()),
      }}
      data-cell={`${wb.sheetName()}!${addr()}`}
      data-value={valueToContract(value())}
      title={cached() ? t('report.cachedTitle', { value: formatValue(cached()!.cached, undefined), functions: cached()!.functions.join(', ') }) : undefined}
      style={{ left: `${props.left}px`, top: `${props.top ?? HEADER_HEIGHT + props.row * ROW_HEIGHT}px`, width: `${props.width}px` }}
    >
      {check() ? <span class="badge">{text()}</span> : text()}
    </div>
  );
}

function sameWindow(a: { rowStart: number; rowEnd: number; colStart: number; colEnd: number }, b: typeof a): boolean {
  return a.rowStart === b.rowStart && a.rowEnd === b.rowEnd && a.colStart === b.colStart && a.colEnd === b.colEnd;
}

function inRange(wb: Workbench, row: number, col: number): boolean {
  const r = wb.selection.range();
  return row >= r.start.row && row <= r.end.row && col >= r.start.col && col <= r.end.col;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

function px(r: { left: number; top: number; width: number; height: number }) {
  return { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` };
}
