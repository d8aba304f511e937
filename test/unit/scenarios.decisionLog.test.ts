/**
 * The decision log: entries travel with the change they record, undo marks them undone instead of
 * erasing them (redo clears the mark), notes can be set and undone, and the log exports as rows
 * (for CSV and the xlsx sheet) and survives .opsbook.json.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/model/edit';
import { decisionRows, effectiveDecisions, formattedValueText, logCommand, newDecision, noteCommand } from '../../src/model/decisionLog';
import { formatNumber } from '../../src/i18n/numberFormat';
import { readOpsbookText, serializeOpsbook } from '../../src/model/fileFormat';
import { emptyNotebook } from '../../src/model/notebook';

function notebook() {
  const nb = emptyNotebook('Log', 'en');
  nb.sheets[0].cells.A1 = 1;
  return nb;
}

const entry = (id: string, old: number, to: number) =>
  newDecision({ id, at: Date.UTC(2026, 0, 5, 9, 30), kind: 'driver', target: 'Sheet1!A1', driver: 'W_QUANT', old, new: to });

describe('decision log', () => {
  it('records a change in the same undo step; undo marks it undone, redo brings it back once', () => {
    const nb = notebook();
    const forward = [{ type: 'setCells' as const, sheet: 'Sheet1', writes: [{ addr: 'A1', raw: 2 }] }, logCommand(entry('d1', 1, 2))];
    const inverse = applyEdits(nb, forward);
    expect(nb.decisions).toHaveLength(1);
    applyEdits(nb, inverse); // undo
    expect(nb.sheets[0].cells.A1).toBe(1);
    expect(nb.decisions).toHaveLength(1);
    expect(nb.decisions![0].undone).toBe(true);
    expect(effectiveDecisions(nb.decisions)).toEqual([]);
    applyEdits(nb, forward); // redo
    expect(nb.decisions).toHaveLength(1);
    expect(nb.decisions![0].undone).toBeUndefined();
  });

  it('sets a note, and undo restores the previous one', () => {
    const nb = notebook();
    applyEdits(nb, [logCommand(entry('d1', 1, 2))]);
    const undo = applyEdits(nb, [noteCommand('d1', '  agreed with sales  ')]);
    expect(nb.decisions![0].note).toBe('agreed with sales');
    applyEdits(nb, undo);
    expect(nb.decisions![0].note).toBeUndefined();
  });

  it('exports as rows with ISO times, scenario names and a header', () => {
    const nb = notebook();
    applyEdits(nb, [
      logCommand(entry('d1', 0.7, 0.75)),
      logCommand(newDecision({ id: 'd2', at: Date.UTC(2026, 0, 5, 9, 31), kind: 'scenario', target: '', old: null, new: 'up' })),
    ]);
    applyEdits(nb, [noteCommand('d1', 'room wants more weight on data, "really"')]);
    const rows = decisionRows(nb.decisions, (id) => (id ? { up: 'Upside' }[id] ?? id : 'Base'));
    expect(rows[0]).toEqual(['time', 'kind', 'target', 'driver', 'scenario', 'old', 'new', 'note', 'undone']);
    expect(rows[1]).toEqual(['2026-01-05T09:30:00.000Z', 'driver', 'Sheet1!A1', 'W_QUANT', 'Base', '0.7', '0.75', 'room wants more weight on data, "really"', '']);
    expect(rows[2].slice(5, 7)).toEqual(['Base', 'Upside']);
  });

  it('the CSV writes values with the cell\'s number format', () => {
    const nb = notebook();
    nb.sheets[0].formats.A1 = '0.0%';
    nb.sheets[0].formats.B2 = '#,##0.00';
    applyEdits(nb, [logCommand(entry('d1', 0.8, 0.775), newDecision({ id: 'd2', at: 0, kind: 'edit', target: 'Sheet1!B2', old: 21500, new: 1234567.891 }), newDecision({ id: 'd3', at: 0, kind: 'edit', target: 'Sheet1!C3', old: 'x', new: 0.5 }))]);
    const rows = decisionRows(nb.decisions, (id) => id ?? 'Base', formattedValueText(nb, formatNumber));
    expect(rows[1].slice(5, 7)).toEqual(['80.0%', '77.5%']);
    expect(rows[2].slice(5, 7)).toEqual(['21,500.00', '1,234,567.89']);
    expect(rows[3].slice(5, 7)).toEqual(['x', '0.5']); // no format: as typed
  });

  it('survives the .opsbook.json file', () => {
    const nb = notebook();
    applyEdits(nb, [logCommand(entry('d1', 1, 2)), noteCommand('d1', 'ok')]);
    const r = readOpsbookText(serializeOpsbook(nb));
    expect(r.ok && r.notebook.decisions).toEqual(nb.decisions);
  });

  it('refuses a file with a malformed entry, naming where', () => {
    const nb = notebook();
    const bad = JSON.parse(serializeOpsbook(nb));
    bad.notebook.decisions = [{ id: 'x', at: 'yesterday', kind: 'driver', target: '', old: 1, new: 2 }];
    const r = readOpsbookText(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.detail).toMatch(/decisions/);
  });
});
