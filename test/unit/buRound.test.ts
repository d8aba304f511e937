/**
 * Bottom-up rounds: each recipient's file holds only their slice; answers are matched to their
 * round and recipient, tampering and bad numbers are flagged, and accepting writes `REGION_BU`
 * in one undoable step with a decision-log entry — checked with the real engine and exceljs.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Notebook } from '../../src/model/notebook';
import type { SheetValues } from '../../src/model/commands';
import { templateById } from '../../templates';
import { EngineNotebook } from '../../workers/engineCore';
import { applyEdits } from '../../src/model/edit';
import { acceptCommands, answerDiff, checkAnswers, createRound, deviation, planRecipients, planRegions, recipientStatus, regionReps, saveRoundCommand, sliceFor, sliceNumbers, supportsRounds, takeAnswers, roundsOf } from '../../src/model/buRound';
import { answerWorkbooks, readRoundAnswer, roundFileName, roundWorkbook, zipFiles } from '../../src/io/buRoundXlsx';
import { layoutKeyProblem } from '../../src/model/layoutKeys';
import { minimalXlsx, sheetXml } from './ioFixtures';

function plan(): { nb: Notebook; engine: EngineNotebook; values: () => SheetValues } {
  const nb = templateById('annual-plan')!.create();
  const engine = new EngineNotebook(nb);
  return { nb, engine, values: () => engine.allValues() };
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));

/** Every value and text in a workbook (cells, formula results, defined names), for leak checks. */
async function everything(bytes: Uint8Array): Promise<{ numbers: number[]; texts: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const numbers: number[] = [];
  const texts: string[] = [];
  wb.eachSheet((ws) => {
    texts.push(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => {
      const v = c.value as unknown;
      const add = (x: unknown) => (typeof x === 'number' ? numbers.push(x) : typeof x === 'string' ? texts.push(x) : undefined);
      if (v && typeof v === 'object' && 'formula' in (v as object)) {
        texts.push(String((v as { formula: string }).formula));
        add((v as { result?: unknown }).result);
      } else add(v);
    }));
  });
  return { numbers, texts };
}

async function answer(bytes: Uint8Array, edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  edit(wb.getWorksheet('BU')!);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('bottom-up rounds', () => {
  it('slices each region its own top-down, history and potential from the list names', () => {
    const { nb, values } = plan();
    expect(supportsRounds(nb)).toBe(true);
    const regions = planRegions(nb, values());
    expect(regions).toHaveLength(4);
    const round = createRound(nb, values(), { recipients: regions, due: '2027-01-15', note: 'first pass', now: 1 });
    expect(round.number).toBe(1);
    expect(round.lines).toEqual(['P1', 'P2', 'P3']);
    const east = sliceFor(nb, values(), round, regions[0]);
    expect(east.lines.map((l) => l.td).every((v, i) => near(v, [4427.7132, 2440.4493, 1143.6996][i]))).toBe(true);
    expect(east.lines.map((l) => l.bu)).toEqual([4300, 2350, 1150]);
    expect(east.lines.map((l) => l.history)).toEqual([4200, 2100, 1000]);
    expect(east.lines.map((l) => l.potential)).toEqual([18000, 12000, 9000]);
    expect(east.alertBand).toBe(0.1);
  });

  it("writes a recipient's file with their slice and nothing of another region (no pay either)", async () => {
    const { nb, values } = plan();
    const regions = planRegions(nb, values());
    const round = createRound(nb, values(), { recipients: regions, due: '', note: '' });
    const slices = regions.map((r) => sliceFor(nb, values(), round, r));
    for (const [i, s] of slices.entries()) {
      const all = await everything(await roundWorkbook(s, nb.locale));
      for (const [j, other] of slices.entries()) {
        if (j === i) continue;
        expect(all.texts.some((t) => t.includes(other.recipient))).toBe(false);
        for (const n of sliceNumbers(other)) {
          if (sliceNumbers(s).includes(n)) continue; // the same figure can be both (e.g. 0)
          expect(all.numbers.some((x) => near(x, n)), `${s.recipient}'s file holds ${n} of ${other.recipient}`).toBe(false);
        }
      }
      expect(all.texts.join(' ')).not.toMatch(/bonus|奖金|salary|薪/i);
    }
  });

  it('reads answers back, flags tampering, other rounds, duplicates and non-numbers, and accepts in one undo step', async () => {
    const { nb, engine, values } = plan();
    const regions = planRegions(nb, values());
    const round = createRound(nb, values(), { recipients: regions, due: '2027-01-15', note: '' });
    applyEdits(nb, [saveRoundCommand(nb, round)]);
    expect(layoutKeyProblem('buRounds', nb.layout.buRounds)).toBeNull();
    const file = async (i: number) => roundWorkbook(sliceFor(nb, values(), round, regions[i]), nb.locale);
    const east = await answer(await file(0), (ws) => {
      ws.getCell('E8').value = 4500;
      ws.getCell('E9').value = 2400;
      ws.getCell('F8').value = 'new hospital';
    });
    const south = await answer(await file(1), (ws) => void (ws.getCell('E10').value = 650));
    const tampered = await answer(await file(2), (ws) => void (ws.getCell('D8').value = 1));
    const notNumber = await answer(await file(3), (ws) => void (ws.getCell('E8').value = 'lots'));
    const other = createRound(nb, values(), { recipients: regions, due: '', note: '' });
    const fromOther = await roundWorkbook(sliceFor(nb, values(), other, regions[3]), nb.locale);
    const read = await Promise.all([
      readRoundAnswer('east.xlsx', east), readRoundAnswer('south.xlsx', south), readRoundAnswer('north.xlsx', tampered),
      readRoundAnswer('west.xlsx', notNumber), readRoundAnswer('other.xlsx', fromOther), readRoundAnswer('east-again.xlsx', east),
      readRoundAnswer('junk.xlsx', new TextEncoder().encode('not a workbook')),
    ]);
    const checked = checkAnswers(nb, read);
    expect(checked.map((c) => c.problems.map((p) => p.code))).toEqual([[], [], ['tampered'], ['notNumber'], ['otherRound'], ['duplicate'], ['notRound']]);
    expect(checked[0].bu).toEqual([4500, 2400, 1150]);
    expect(checked[0].comments[0]).toBe('new hospital');

    const taken = takeAnswers(roundsOf(nb)[0], checked);
    applyEdits(nb, [saveRoundCommand(nb, taken)]);
    expect(recipientStatus(taken.recipients[0], taken.due, '2027-01-10')).toBe('answered');
    expect(recipientStatus(taken.recipients[2], taken.due, '2027-01-16')).toBe('late');
    const before = JSON.stringify(nb);
    const cmds = acceptCommands(nb, values(), round.id, [regions[0], regions[1]]);
    const inverse = applyEdits(nb, cmds);
    const r = engine.apply(cmds);
    expect(r.ok).toBe(true);
    expect(engine.value('B_Target', 'C70')).toBe(4500);
    expect(engine.value('B_Target', 'E71')).toBe(650);
    // The negotiation and final targets follow the accepted bottom-up; the total still adds up.
    expect(engine.value('B_Target', 'C82')).not.toBeCloseTo(4389.3993, 2);
    expect(engine.value('B_Target', 'G92')).toBeCloseTo(engine.value('B_Target', 'G45') as number, 6);
    const log = nb.decisions!.filter((d) => d.kind === 'round');
    expect(log.map((d) => d.note)).toEqual([
      `round 1 · ${regions[0]} answered · Δ ${deviation(round.recipients[0].td, [4500, 2400, 1150]) >= 0 ? '+' : '−'}${Math.abs(deviation(round.recipients[0].td, [4500, 2400, 1150]) * 100).toFixed(1)} %`,
      expect.stringContaining(`round 1 · ${regions[1]} answered`),
    ]);
    expect(roundsOf(nb)[0].recipients.filter((x) => x.acceptedAt !== undefined).map((x) => x.name)).toEqual([regions[0], regions[1]]);
    // Accepting again does nothing; undo puts back exactly what was there.
    expect(acceptCommands(nb, values(), round.id, [regions[0]])).toEqual([]);
    applyEdits(nb, inverse);
    // (the decision log keeps its entries, marked undone, as it does for every change)
    expect(nb.decisions!.filter((d) => d.kind === 'round').every((d) => d.undone)).toBe(true);
    const { decisions: _d, ...now } = nb;
    const { decisions: _b, ...then } = JSON.parse(before) as Notebook;
    expect(JSON.stringify(now) === JSON.stringify(then), 'undo restores cells, rounds and layout exactly').toBe(true);
  });

  it("a region's rep round splits its final target into the reps' quotas, one file per rep with nothing of another", async () => {
    const { nb, engine, values } = plan();
    expect(supportsRounds(nb, 'rep')).toBe(true);
    const regions = planRegions(nb, values());
    const east = regions[0];
    const reps = regionReps(nb, values(), east);
    expect(reps).toEqual(['E01', 'E02', 'E03']);
    expect(planRecipients(nb, values(), 'rep', regions[3])).toEqual(['W01', 'W02', 'W03']);
    expect(() => createRound(nb, values(), { recipients: ['S01'], due: '', note: '', level: 'rep', region: east })).toThrow();
    const round = createRound(nb, values(), { recipients: reps, due: '', note: '', level: 'rep', region: east });
    expect(round).toMatchObject({ level: 'rep', region: east });
    expect(layoutKeyProblem('buRounds', [round])).toBeNull();
    // The top-down of each rep is their quota; together they are the region's final target × (1 + over-assign).
    const quotas = round.recipients.map((r) => r.td[0]);
    quotas.forEach((q, i) => expect(q).toBeCloseTo(engine.value('B_Target', `J${97 + i}`) as number, 9));
    const regionFinal = engine.value('B_Target', 'G88') as number;
    const over = engine.hf.calculateFormula('=OVERASSIGN', 0) as number;
    expect(quotas.reduce((a, b) => a + b, 0)).toBeCloseTo(regionFinal * (1 + over), 6);
    const slices = reps.map((r) => sliceFor(nb, values(), round, r));
    expect(slices[0].lines).toHaveLength(1);
    expect(slices[0].lines[0]).toMatchObject({ history: 3000, potential: 14000 });
    expect(slices[0].region).toBe(east);
    const everyRep = (nb.sheets.find((x) => x.name === 'B_Target')!.cells);
    const otherReps = Object.values(everyRep).filter((v) => typeof v === 'string' && /^[ESNW]0\d$/.test(v) && !reps.includes(v));
    for (const [i, s] of slices.entries()) {
      const all = await everything(await roundWorkbook(s, nb.locale));
      expect(all.texts).toContain(east);
      for (const name of [...reps.filter((r) => r !== s.recipient), ...otherReps, ...regions.slice(1)]) {
        expect(all.texts.some((t) => t.includes(name as string)), `${s.recipient}'s file names ${String(name)}`).toBe(false);
      }
      for (const [j, other] of slices.entries()) {
        if (j === i) continue;
        for (const n of sliceNumbers(other)) if (!sliceNumbers(s).includes(n)) expect(all.numbers.some((x) => near(x, n))).toBe(false);
      }
      expect(all.numbers.some((x) => near(x, regionFinal))).toBe(false); // the region's total is not a rep's
    }
  });

  it('takes rep answers from one zip, refuses a tampered quota, and accepts them into REP_BU; the roll-up follows', async () => {
    const { nb, engine, values } = plan();
    const east = planRegions(nb, values())[0];
    const reps = regionReps(nb, values(), east);
    const round = createRound(nb, values(), { recipients: reps, due: '', note: '', level: 'rep', region: east });
    applyEdits(nb, [saveRoundCommand(nb, round)]);
    const file = (r: string) => roundWorkbook(sliceFor(nb, values(), round, r), nb.locale);
    const a1 = await answer(await file('E01'), (ws) => void (ws.getCell('E8').value = 3500));
    const a2 = await answer(await file('E02'), (ws) => void (ws.getCell('E8').value = 2000));
    const a3 = await answer(await file('E03'), (ws) => void (ws.getCell('D8').value = 1));
    const zip = await zipFiles([a1, a2, a3].map((bytes, i) => ({ name: roundFileName(round.number, reps[i]), bytes })));
    const books = await answerWorkbooks('answers.zip', zip);
    expect(books.map((b) => b.file)).toEqual(reps.map((r) => `answers.zip/${roundFileName(round.number, r)}`));
    // A workbook is itself, not an archive of answers.
    expect((await answerWorkbooks('e01.xlsx', a1)).map((b) => b.file)).toEqual(['e01.xlsx']);
    const checked = checkAnswers(nb, await Promise.all(books.map((b) => readRoundAnswer(b.file, b.bytes))));
    expect(checked.map((c) => c.problems.map((p) => p.code))).toEqual([[], [], ['tampered']]);
    const taken = takeAnswers(roundsOf(nb)[0], checked);
    applyEdits(nb, [saveRoundCommand(nb, taken)]);
    expect(answerDiff(nb, values(), taken, taken.recipients[0])).toEqual([{ line: 0, old: null, new: 3500 }]);
    const cmds = acceptCommands(nb, values(), round.id, ['E01', 'E02']);
    applyEdits(nb, cmds);
    expect(engine.apply(cmds).ok).toBe(true);
    expect(engine.value('B_Target', 'M97')).toBe(3500);
    expect(engine.value('B_Target', 'M98')).toBe(2000);
    expect(engine.value('B_Target', 'M99')).toBeNull();
    expect(engine.value('B_Target', 'N97')).toBeCloseTo(3500 / (engine.value('B_Target', 'J97') as number) - 1, 9);
    expect(engine.value('B_Target', 'N99')).toBe('');
    expect(engine.value('B_Target', 'I114')).toBe(5500); // Σ rep bottom-up of the region
    // The region's own numbers are untouched: a rep round informs, the region round decides.
    expect(engine.value('B_Target', 'C70')).toBe(4300);
    expect(nb.decisions!.filter((d) => d.kind === 'round').map((d) => d.note)).toEqual([
      expect.stringMatching(new RegExp(`^round 1 \\(${east}\\) · E01 answered · Δ [+−]`)),
      expect.stringContaining('· E02 answered'),
    ]);
  });

  it('an archive that lies about its sizes gives no answer, and is refused by name', async () => {
    const { nb, values } = plan();
    const round = createRound(nb, values(), { recipients: planRegions(nb, values()), due: '', note: '' });
    applyEdits(nb, [saveRoundCommand(nb, round)]);
    const zip = await zipFiles([{ name: 'a.xlsx', bytes: await roundWorkbook(sliceFor(nb, values(), round, round.recipients[0].name), nb.locale) }]);
    // Declare a smaller uncompressed size in the central directory: inflating passes it.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let cd = -1;
    for (let i = zip.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x02014b50) { cd = i; break; }
    view.setUint32(cd + 24, 10, true);
    const books = await answerWorkbooks('bomb.zip', zip);
    expect(books.map((b) => b.file)).toEqual(['bomb.zip/a.xlsx']);
    expect(checkAnswers(nb, [await readRoundAnswer(books[0].file, books[0].bytes)])[0].problems).toEqual([{ code: 'notRound' }]);
    // An entry far bigger than any answer is not inflated at all, and is refused by name too.
    const big = await zipFiles([{ name: 'big.xlsx', bytes: new Uint8Array(6 * 1024 * 1024) }]);
    const bigBooks = await answerWorkbooks('big.zip', big);
    expect(bigBooks.map((b) => [b.file, b.bytes.length])).toEqual([['big.zip/big.xlsx', 0]]);
  });

  it('refuses an answer that is no answer by its size before reading it (12,000 rows), naming it', async () => {
    const { nb, values } = plan();
    const round = createRound(nb, values(), { recipients: planRegions(nb, values()), due: '', note: '' });
    applyEdits(nb, [saveRoundCommand(nb, round)]);
    const rows = Array.from({ length: 12_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`);
    const names = `<definedName name="ROUND_ID">BU!$A$1</definedName><definedName name="RECIPIENT">BU!$A$2</definedName><definedName name="BU_INPUT">BU!$A$3:$A$5</definedName>`;
    const hostile = minimalXlsx([{ name: 'BU', xml: sheetXml(rows) }], names);
    const read = await readRoundAnswer('huge.xlsx', hostile);
    expect(read).toMatchObject({ file: 'huge.xlsx', roundId: null });
    expect(checkAnswers(nb, [read])[0].problems).toEqual([{ code: 'notRound' }]);
    // The same shape small enough is read (and then fails as an answer of no round of this notebook).
    const small = await readRoundAnswer('small.xlsx', minimalXlsx([{ name: 'BU', xml: sheetXml(rows.slice(0, 10)) }], names));
    expect(small.roundId).toBe('0');
    expect(checkAnswers(nb, [small])[0].problems).toEqual([{ code: 'otherRound' }]);
  });

  it('refuses a saved round of the wrong shape', () => {
    expect(layoutKeyProblem('buRounds', [{ id: 'r', number: 0 }])).not.toBeNull();
    expect(layoutKeyProblem('buRounds', [])).toBeNull();
  });
});
