/**
 * The setup dialog's fields → ClientShape: the sample round-trips, and each kind of bad input is
 * refused on its field and line, with a message in both languages.
 */
import { describe, expect, it } from 'vitest';
import { setLocale } from '../../src/i18n';
import { setupErrorText } from '../../src/ui/clientPlan/messages';
import { SAMPLE_SHAPE, SHAPE_LIMITS } from '../../templates/generators/shape';
import type { SetupError, SetupErrorCode, SetupFields } from '../../templates/generators/setupParse';
import { parseNumber, parseSetup, parseStructure, shapeToFields, structureToLists } from '../../templates/generators/setupParse';

const sample = (): SetupFields => shapeToFields(SAMPLE_SHAPE);
const errorsOf = (fields: Partial<SetupFields>): SetupError[] => {
  const r = parseSetup({ ...sample(), ...fields });
  return r.ok ? [] : r.errors;
};
const only = (fields: Partial<SetupFields>) => {
  const e = errorsOf(fields);
  expect(e).toHaveLength(1);
  return e[0];
};

describe('setup fields → shape', () => {
  it('the sample company round-trips through the fields the dialog is prefilled with', () => {
    const r = parseSetup(sample());
    expect(r).toEqual({ ok: true, shape: SAMPLE_SHAPE });
  });

  it('reads a roster and a history pasted from Excel (CRLF, corner cell, thousands separators, blanks as 0, any column order)', () => {
    const r = parseSetup({
      ...sample(),
      products: 'Alpha\r\nBeta\r\nGamma\tnew\r\n',
      regions: 'North\nSouth\n\n',
      levels: 'Rep\t300,000\t180,000\nManager\t500000\t350000',
      reps: 'ann\tnorth\trep\nBob\tSouth\tRep\n',
      history: '区域\tBeta\tAlpha\nSouth\t1,200\t\nNorth\t5\t7.5',
      'history-prior': '\tAlpha\tBeta\nFY2023\t1\t2\nFY2024\t3\t4',
      potential: '',
      accounts: 'Ann\tHospital A\t100\nBob\tClinic\t0',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.shape.products).toEqual([{ name: 'Alpha', isNew: false }, { name: 'Beta', isNew: false }, { name: 'Gamma', isNew: true }]);
    expect(r.shape.levels).toEqual([{ name: 'Rep', ote: 300000, base: 180000 }, { name: 'Manager', ote: 500000, base: 350000 }]);
    expect(r.shape.reps).toEqual([{ name: 'ann', region: 'North', level: 'Rep' }, { name: 'Bob', region: 'South', level: 'Rep' }]);
    expect(r.shape.history).toEqual([[7.5, 5], [0, 1200]]);
    expect(r.shape.historyPrior).toEqual([{ label: 'FY2023', values: [1, 2] }, { label: 'FY2024', values: [3, 4] }]);
    expect(r.shape.potential).toBeUndefined();
    expect(r.shape.accounts).toEqual([{ rep: 'ann', account: 'Hospital A', revenue: 100 }, { rep: 'Bob', account: 'Clinic', revenue: 0 }]);
  });

  it('an unknown region in the roster is refused on its line', () => {
    const reps = sample().reps.split('\n');
    reps[4] = 'S02\t南区 Southish\t代表 Rep';
    expect(only({ reps: reps.join('\n') })).toMatchObject({ field: 'reps', line: 5, code: 'unknownRegion', params: { name: '南区 Southish' } });
  });

  it('duplicate names are refused on the second line, naming the first', () => {
    expect(only({ regions: '华东 East\n华南 South\n华北 North\n西部 West\n华南 south' })).toMatchObject({ field: 'regions', line: 5, code: 'duplicate', params: { first: 2 } });
    expect(only({ products: 'P1\nP2\nP3\nP4\tnew\np2' })).toMatchObject({ field: 'products', line: 5, code: 'duplicate' });
  });

  it('a non-number in the history is refused on its line', () => {
    const h = sample().history.split('\n');
    h[2] = h[2].replace('1500', '1,5OO');
    expect(only({ history: h.join('\n') })).toMatchObject({ field: 'history', line: 3, code: 'notNumber', params: { value: '1,5OO' } });
    expect(only({ levels: 'A\t40\tabc\nB\t30\t18' })).toMatchObject({ field: 'levels', line: 1, code: 'notNumber' });
  });

  it('limits: 1–12 lines, 1–30 regions, 1–6 levels, 1–500 reps, 5,000 accounts', () => {
    const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_x, i) => f(i)).join('\n');
    expect(errorsOf({ products: lines(13, (i) => `L${i}`) }).map((e) => e.code)).toContain('tooMany');
    expect(errorsOf({ products: '' }).map((e) => [e.field, e.code])).toContainEqual(['products', 'required']);
    expect(errorsOf({ regions: lines(31, (i) => `R${i}`) }).map((e) => e.code)).toContain('tooMany');
    expect(only({ levels: lines(7, (i) => `V${i}\t10\t5`), reps: sample().reps.replace(/\t[^\t\n]+$/gm, '\tV0') }).code).toBe('tooMany');
    const reps = lines(SHAPE_LIMITS.reps.max + 1, (i) => `R${i}\t${SAMPLE_SHAPE.regions[i % 4]}\t代表 Rep`);
    expect(only({ reps, accounts: '' })).toMatchObject({ field: 'reps', code: 'tooMany', params: { max: 500, count: 501 } });
    const accounts = lines(5001, (i) => `E01\tA${i}\t1`);
    expect(only({ accounts })).toMatchObject({ field: 'accounts', code: 'tooMany' });
    expect(errorsOf({ accounts: lines(5000, (i) => `E01\tA${i}\t1`) })).toEqual([]);
  });

  it('every region needs a rep; a rep at the managers’ level is refused', () => {
    const reps = sample().reps.split('\n').filter((l) => !l.includes('西部 West')).join('\n');
    expect(only({ reps, accounts: '' })).toMatchObject({ field: 'reps', code: 'regionWithoutRep', params: { names: '西部 West' } });
    expect(only({ reps: sample().reps.replace('E02\t华东 East\t代表 Rep', 'E02\t华东 East\t区域经理 Regional Manager') })).toMatchObject({ line: 2, code: 'managerLevel' });
  });

  it('other refusals: year, unit, base above OTE, formula-like names, wrong column counts, grids missing a region', () => {
    expect(only({ year: '26' }).code).toBe('badYear');
    expect(only({ unit: '美元' }).code).toBe('badUnit');
    expect(only({ client: '  ' }).code).toBe('required');
    expect(only({ levels: sample().levels.replace('40\t24', '40\t41') }).code).toBe('baseAboveOte');
    expect(only({ regions: '=A1\n华南 South\n华北 North\n西部 West', reps: sample().reps.replace(/华东 East/g, '华南 South'), history: '', potential: '' }).code).toBe('formulaText');
    expect(only({ reps: sample().reps.replace('E01\t华东 East\t高级代表 Senior Rep', 'E01 华东 East 高级代表 Senior Rep') })).toMatchObject({ line: 1, code: 'columns' });
    expect(only({ potential: sample().potential.split('\n').slice(0, 4).join('\n') })).toMatchObject({ field: 'potential', code: 'gridMissingRegion', params: { names: '西部 West' } });
    expect(errorsOf({ history: sample().history.replace('\tP3', '\tP9') }).map((e) => [e.field, e.line, e.code])).toEqual([
      ['history', 1, 'gridUnknownLine'],
      ['history', 1, 'gridMissingLine'],
    ]);
    expect(only({ 'history-prior': 'FY2024\t1\t2\t3' })).toMatchObject({ field: 'history-prior', code: 'priorRows' });
    expect(only({ accounts: 'X99\tHospital\t5' })).toMatchObject({ field: 'accounts', line: 1, code: 'unknownRep' });
    expect(only({ products: 'P1\tnew\nP2\tnew\nP3\tnew\nP4\tnew', history: '', 'history-prior': '', potential: '' }).code).toBe('noHistoryLine');
  });

  it('numbers as Excel copies them', () => {
    expect(parseNumber(' 1,234.5 ')).toBe(1234.5);
    expect(parseNumber('12%')).toBeCloseTo(0.12);
    expect(parseNumber('')).toBe(0);
    expect(parseNumber('1e3')).toBe(1000);
    for (const bad of ['abc', '1.2.3', '--1', 'Infinity', '0x10']) expect(parseNumber(bad)).toBeNull();
  });

  it('every error reads in both languages, with its line', () => {
    const codes: SetupErrorCode[] = ['required', 'tooLong', 'formulaText', 'badYear', 'badUnit', 'badLanguage', 'tooFew', 'tooMany', 'duplicate', 'columns', 'notNumber', 'negative', 'baseAboveOte', 'otePositive', 'badNewFlag', 'noHistoryLine', 'unknownRegion', 'unknownLevel', 'managerLevel', 'unknownRep', 'regionWithoutRep', 'gridHeader', 'gridMissingLine', 'gridUnknownLine', 'gridMissingRegion', 'gridUnknownRegion', 'priorRows'];
    for (const locale of ['en', 'zh-CN'] as const) {
      setLocale(locale);
      for (const code of codes) {
        const text = setupErrorText({ field: 'reps', code, line: 3, params: { name: 'X', first: 1, max: 5, min: 1, count: 2, value: 'v', names: 'N', known: 'K', format: 'f', base: 2, ote: 1, units: 'u' } });
        expect(text).not.toContain('setup.err');
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text).toContain('3');
      }
    }
    setLocale('en');
    const e = errorsOf({ reps: 'E01\tNowhere\t代表 Rep' })[0];
    expect(setupErrorText(e)).toBe('Line 1: Unknown region “Nowhere”; the regions are 华东 East, 华南 South, 华北 North, 西部 West.');
    setLocale('zh-CN');
    expect(setupErrorText(e)).toBe('第 1 行：未知区域“Nowhere”；区域有：华东 East, 华南 South, 华北 North, 西部 West。');
  });
});

describe('structure lists → regrown shape', () => {
  it('a renamed-and-reordered region list carries history by name; a removed line drops its column', () => {
    const lists = structureToLists(SAMPLE_SHAPE);
    const r = parseStructure(SAMPLE_SHAPE, {
      ...lists,
      products: 'P3\nP1\nP4\tnew',
      regions: '西部 West\n华东 East\n华南 South\n华北 North\n东北 Northeast',
      reps: lists.reps + '\nNE01\t东北 Northeast\t代表 Rep',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.shape.history).toEqual([[0, 900], [1000, 4200], [600, 2600], [400, 2300], [0, 0]]);
    expect(r.shape.historyPrior).toEqual([{ label: 'FY2023', values: [1100, 8900] }, { label: 'FY2024', values: [1500, 9500] }]);
    expect(r.shape.reps).toHaveLength(13);
    expect(r.shape.client).toBe(SAMPLE_SHAPE.client);
  });

  it('a bad list is refused as in the dialog', () => {
    const r = parseStructure(SAMPLE_SHAPE, { ...structureToLists(SAMPLE_SHAPE), regions: '华东 East\n华南 South\n华北 North' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code)).toEqual(['unknownRegion', 'unknownRegion', 'unknownRegion']);
  });
});
