/**
 * Properties of the `.opsbook.json` reader, the one door for untrusted documents: whatever the
 * bytes — random JSON, random text, a valid file with random damage — it never throws; it answers
 * either a notebook that passes the schema or a problem with a code and a detail. A notebook it
 * accepts writes and reads back unchanged, and no file can touch `Object.prototype`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_VERSION, readOpsbookData, readOpsbookText, serializeOpsbook } from '../../src/model/fileFormat';
import type { ReadResult } from '../../src/model/fileFormat';
import type { Notebook, Sheet } from '../../src/model/notebook';
import { toA1 } from '../../src/model/address';
import { templateById } from '../../templates/index';

const CODES = ['tooLarge', 'notJson', 'notOpsbook', 'futureVersion', 'invalid'];

/** A reader's answer is one of the two shapes, and an accepted notebook is self-consistent. */
function expectWellFormed(r: ReadResult): void {
  if (r.ok) {
    const names = r.notebook.sheets.map((s) => s.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(r.notebook.sheets.length).toBeGreaterThan(0);
    // What was accepted writes and reads back as itself.
    const again = readOpsbookText(serializeOpsbook(r.notebook));
    expect(again.ok && again.notebook).toEqual(r.notebook);
  } else {
    expect(CODES).toContain(r.problem.code);
    expect(typeof r.problem.detail).toBe('string');
    expect(r.problem.detail.length).toBeGreaterThan(0);
  }
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype was touched').toBeUndefined();
}

/** Never throws: a throw fails the property with the input that caused it. */
function read(text: string): ReadResult {
  const r = readOpsbookText(text);
  expectWellFormed(r);
  return r;
}

/** The annual plan as a file: five linked sheets, names, formats, layout — a realistic document. */
const plan: Notebook = templateById('annual-plan')!.create({ locale: 'en' });
const planFile = JSON.parse(serializeOpsbook(plan)) as Record<string, unknown>;

/** JSON values that attack: prototype keys, huge and odd numbers, deep nesting. */
const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__":{"polluted":true}}'),
    { constructor: { prototype: { polluted: true } } },
    1e308, -1e308, -0, 2 ** 53 + 1, '', ' ', 'A0', 'ZZZZ1', 'A1', "'", '=A1', '<img src=x>', '\u0000', '\uD800',
    [], {}, null, true, Array.from({ length: 300 }, () => ({})),
  ),
);

type Step = { path: number[]; op: 'set' | 'delete' | 'rename' | 'wrap'; value: unknown; key: string };

/** Applies one random damage at a path chosen by indexes into the keys along the way. */
function damage(root: unknown, step: Step): void {
  let parent: Record<string, unknown> | unknown[] | null = null;
  let key: string | number | null = null;
  let node: unknown = root;
  for (const i of step.path) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const k = Array.isArray(node) ? i % node.length : keys[i % keys.length];
    parent = node as Record<string, unknown>;
    key = k;
    node = (node as Record<string | number, unknown>)[k];
  }
  if (parent === null || key === null) return;
  const p = parent as Record<string | number, unknown>;
  // A copy: two steps sharing one generated value must not build a cycle (no file can hold one).
  if (step.op === 'set') p[key] = structuredClone(step.value);
  else if (step.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete p[key];
  } else if (step.op === 'rename' && !Array.isArray(parent)) {
    p[step.key] = p[key];
    delete p[key];
  } else p[key] = [p[key]];
}

const step: fc.Arbitrary<Step> = fc.record({
  path: fc.array(fc.nat(1000), { minLength: 1, maxLength: 7 }),
  op: fc.constantFrom('set', 'delete', 'rename', 'wrap'),
  value: nasty,
  key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'A1', 'cells', 'name', 'version', 'data'), fc.string({ maxLength: 6 })),
});

describe('.opsbook.json reader (property)', () => {
  it('never throws on random JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => void read(JSON.stringify(v))), { numRuns: 1000 });
  });

  it('never throws on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => void read(s)), { numRuns: 1000 });
  });

  it('never throws on a random notebook inside a valid envelope, of any version', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom<unknown>(0, FILE_VERSION, FILE_VERSION + 1, -1, 0.5, '1', null), fc.jsonValue()), fc.jsonValue({ maxDepth: 4 }), (version, notebook) => {
        read(JSON.stringify({ format: 'opsbook', version, notebook, savedAt: '' }));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws when one field of a valid notebook, or of one of its sheets, holds anything', () => {
    const notebookKeys = Object.keys(plan);
    const sheetKeys = ['id', 'name', 'cells', 'formats', 'colWidths', 'stub', 'template', 'frozen', 'data'];
    fc.assert(
      fc.property(fc.constantFrom(...notebookKeys), fc.constantFrom(...sheetKeys), fc.nat(4), nasty, fc.boolean(), fc.constantFrom(0, FILE_VERSION), (nbKey, sheetKey, sheetIndex, value, inSheet, version) => {
        const file = structuredClone({ ...planFile, version }) as unknown as { notebook: Record<string, unknown> & { sheets: Record<string, unknown>[] } };
        if (inSheet) file.notebook.sheets[sheetIndex][sheetKey] = value;
        else file.notebook[nbKey] = value;
        read(JSON.stringify(file));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on a valid file with random damage, and accepts only what is still valid', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 4 }), fc.constantFrom(0, FILE_VERSION), (steps, version) => {
        const file = structuredClone({ ...planFile, version });
        for (const s of steps) damage(file, s);
        read(JSON.stringify(file));
        // The same damage handed over as data (as the projector channel or storage would).
        expectWellFormed(readOpsbookData(JSON.parse(JSON.stringify(file))));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on a valid file cut short or with characters changed', () => {
    const text = serializeOpsbook(plan);
    fc.assert(
      fc.property(fc.nat(text.length), fc.array(fc.tuple(fc.nat(text.length - 1), fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '0', 'x', '\\', ' ')), { maxLength: 5 }), (cut, flips) => {
        const chars = text.slice(0, Math.max(cut, text.length - 1)).split('');
        for (const [i, ch] of flips) if (i < chars.length) chars[i] = ch;
        read(cut < text.length / 2 ? text.slice(0, cut) : chars.join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('any valid notebook reads back exactly as written', () => {
    const sheetName = fc.stringMatching(/^[A-Za-z0-9 _.\u4e00-\u4e5f-]{1,31}$/).filter((s) => s.trim() === s && s.length > 0);
    // JSON has no -0: it is written as 0, which is the same content.
    const raw = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n + 0), fc.boolean(), fc.string({ maxLength: 20 }));
    const addr = fc.tuple(fc.nat(2000), fc.nat(200)).map(([row, col]) => toA1({ row, col }));
    // Sheet ids are unique in a valid notebook (a rename's undo finds its cells by id).
    const sheet = (name: string, i: number): fc.Arbitrary<Sheet> =>
      fc.record({
        id: fc.stringMatching(/^s_[a-z0-9]{1,10}$/).map((id) => `${id}_${i}`),
        name: fc.constant(name),
        cells: fc.dictionary(addr, raw, { maxKeys: 20 }),
        formats: fc.dictionary(addr, fc.constantFrom('0.0%', '#,##0.00', '@', 'General'), { maxKeys: 5 }),
      });
    const notebook: fc.Arbitrary<Notebook> = fc
      .uniqueArray(sheetName, { minLength: 1, maxLength: 5, selector: (s) => s.toLowerCase() })
      .chain((names) => fc.tuple(...names.map((n, i) => sheet(n, i))))
      .chain((sheets) =>
        fc.record({
          id: fc.constant('nb_1'),
          title: fc.string({ maxLength: 300 }),
          locale: fc.constantFrom('zh-CN' as const, 'en' as const),
          sheets: fc.constant(sheets),
          names: fc.constant([{ name: 'RATE', expression: `='${sheets[0].name}'!$A$1` }]),
          scenarios: fc.constant([]),
          layout: fc.constant({ items: [] }),
          createdAt: fc.nat(),
          updatedAt: fc.nat(),
        }),
      );
    fc.assert(
      fc.property(notebook, (nb) => {
        const r = read(serializeOpsbook(nb));
        expect(r.ok && r.notebook).toEqual(nb);
      }),
      { numRuns: 150 },
    );
  });
});
