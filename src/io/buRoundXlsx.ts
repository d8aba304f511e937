/**
 * A bottom-up round's files: one workbook per recipient holding only their slice (src/model/
 * buRound.ts), and the reader for the answers they send back — from Excel, LibreOffice or
 * Opsbook. The sheet is protected with the bottom-up inputs and comments as the only unlocked
 * cells; the deviation and its alert are live formulas, so the recipient sees them move as they
 * type. The workbook names `ROUND_ID`, `RECIPIENT` and `BU_INPUT` tie an answer to its round.
 */
import type { BuAnswerFile, BuSlice } from '../model/buRound';
import type { Locale } from '../model/notebook';
import { loadExcelJs } from './exceljs';
import type { XlsxLimits } from './xlsxPrecheck';

const SHEET = 'BU';
/** Row of the first product line (1-based, as Excel counts). */
const FIRST = 8;

const LABELS = {
  en: {
    title: 'Bottom-up round {n}', recipient: 'Recipient', due: 'Due', note: 'Note', band: 'Alert when |deviation| exceeds', round: 'Round id',
    line: 'Product line', history: 'Last year', potential: 'Potential', td: 'Top-down target', bu: 'Your bottom-up (input)', comment: 'Comment',
    dev: 'Deviation', alert: 'Alert', total: 'Total', ok: 'OK', warn: '⚠ deviation',
    help: 'Type your bottom-up in the yellow cells (and a comment if you like), save, and send the file back.',
    region: 'Region', measure: 'Measure', quota: 'Your quota (top-down)',
  },
  'zh-CN': {
    title: '自下而上提报 第 {n} 轮', recipient: '提报人', due: '截止', note: '说明', band: '偏差预警阈值', round: '轮次编号',
    line: '产品线', history: '去年实际', potential: '市场潜力', td: '自上而下目标', bu: '自下而上提报（输入）', comment: '备注',
    dev: '偏差', alert: '预警', total: '合计', ok: 'OK', warn: '⚠ 偏差过大',
    help: '请在黄色单元格填写提报值（可填写备注），保存后发回。',
    region: '区域', measure: '指标', quota: '您的指标（自上而下）',
  },
} as const;

const INPUT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const INPUT_FONT = { color: { argb: 'FF1F4E9A' }, bold: true } as const;

/** The recipient's workbook, as `.xlsx` bytes. */
export async function roundWorkbook(slice: BuSlice, locale: Locale): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const L = LABELS[locale] ?? LABELS.en;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Opsbook';
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: FIRST - 1 }] });
  ws.columns = [{ width: 24 }, { width: 14 }, { width: 14 }, { width: 16 }, { width: 22 }, { width: 32 }, { width: 12 }, { width: 14 }];
  ws.getCell('A1').value = L.title.replace('{n}', String(slice.roundNumber));
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = L.recipient;
  ws.getCell('B2').value = slice.recipient;
  ws.getCell('A3').value = L.due;
  ws.getCell('B3').value = slice.due;
  ws.getCell('A4').value = L.note;
  ws.getCell('B4').value = slice.note;
  ws.getCell('A5').value = L.band;
  ws.getCell('B5').value = slice.alertBand;
  ws.getCell('B5').numFmt = '0.0%';
  ws.getCell('A6').value = L.round;
  ws.getCell('B6').value = slice.roundId;
  ws.getCell('D6').value = L.help;
  // A rep answers one line, their quota, inside their own region (no other rep's figure).
  const rep = slice.level === 'rep';
  if (rep && slice.region !== undefined) {
    ws.getCell('D2').value = L.region;
    ws.getCell('E2').value = slice.region;
  }
  const header = [rep ? L.measure : L.line, L.history, L.potential, rep ? L.quota : L.td, L.bu, L.comment, L.dev, L.alert];
  header.forEach((h, i) => {
    const c = ws.getCell(FIRST - 1, i + 1);
    c.value = h;
    c.font = { bold: true };
  });
  slice.lines.forEach((l, i) => {
    const r = FIRST + i;
    ws.getCell(r, 1).value = l.name;
    ws.getCell(r, 2).value = l.history;
    ws.getCell(r, 3).value = l.potential;
    ws.getCell(r, 4).value = l.td;
    const bu = ws.getCell(r, 5);
    bu.value = l.bu;
    bu.fill = INPUT_FILL;
    bu.font = INPUT_FONT;
    bu.protection = { locked: false };
    const comment = ws.getCell(r, 6);
    comment.fill = INPUT_FILL;
    comment.protection = { locked: false };
    ws.getCell(r, 7).value = { formula: `IF(D${r}=0,0,E${r}/D${r}-1)`, result: l.td === 0 ? 0 : l.bu / l.td - 1 };
    ws.getCell(r, 7).numFmt = '0.0%';
    ws.getCell(r, 8).value = { formula: `IF(ABS(G${r})>$B$5,"${L.warn}","${L.ok}")`, result: Math.abs(l.td === 0 ? 0 : l.bu / l.td - 1) > slice.alertBand ? L.warn : L.ok };
    for (const c of [2, 3, 4, 5]) ws.getCell(r, c).numFmt = '#,##0.00';
  });
  const last = FIRST + slice.lines.length - 1;
  const total = last + 1;
  ws.getCell(total, 1).value = L.total;
  ws.getCell(total, 1).font = { bold: true };
  const sum = (col: string, v: number) => ({ formula: `SUM(${col}${FIRST}:${col}${last})`, result: v });
  ws.getCell(total, 2).value = sum('B', slice.lines.reduce((a, l) => a + l.history, 0));
  ws.getCell(total, 3).value = sum('C', slice.lines.reduce((a, l) => a + l.potential, 0));
  const td = slice.lines.reduce((a, l) => a + l.td, 0);
  const bu = slice.lines.reduce((a, l) => a + l.bu, 0);
  ws.getCell(total, 4).value = sum('D', td);
  ws.getCell(total, 5).value = sum('E', bu);
  ws.getCell(total, 7).value = { formula: `IF(D${total}=0,0,E${total}/D${total}-1)`, result: td === 0 ? 0 : bu / td - 1 };
  ws.getCell(total, 7).numFmt = '0.0%';
  ws.getCell(total, 8).value = { formula: `IF(ABS(G${total})>$B$5,"${L.warn}","${L.ok}")`, result: Math.abs(td === 0 ? 0 : bu / td - 1) > slice.alertBand ? L.warn : L.ok };
  for (const c of [2, 3, 4, 5]) ws.getCell(total, c).numFmt = '#,##0.00';
  wb.definedNames.add(`${SHEET}!$B$6`, 'ROUND_ID');
  wb.definedNames.add(`${SHEET}!$B$2`, 'RECIPIENT');
  wb.definedNames.add(`${SHEET}!$E$${FIRST}:$E$${last}`, 'BU_INPUT');
  // No password: the lock says which cells are the recipient's, it is not a secret.
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type CellLike = { value: unknown };

/** An answer is one small sheet: limits far below an import's, far above any real answer. */
const ANSWER_LIMITS: XlsxLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxInflatedBytes: 50 * 1024 * 1024,
  maxEntries: 200,
  maxSheets: 20,
  maxRows: 10_000,
  maxColumns: 200,
  maxCells: 200_000,
};

function plain(v: unknown): unknown {
  if (v && typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string };
    if ('result' in o) return o.result;
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if (typeof o.text === 'string') return o.text;
    return null;
  }
  return v ?? null;
}

/** Reads an answer file: what it says its round and recipient are, and its cells. */
export async function readRoundAnswer(file: string, bytes: ArrayBuffer | Uint8Array): Promise<BuAnswerFile> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const empty: BuAnswerFile = { file, roundId: null, recipient: null, lines: [], td: [], bu: [], comments: [] };
  // Vetted as an import is (sizes, cells, bombs) before exceljs builds anything, with an answer's
  // own small limits: a hostile file is refused, it never hangs the page.
  const { precheckXlsx } = await import('./xlsxPrecheck');
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (!(await precheckXlsx(view, ANSWER_LIMITS)).ok) return empty;
  try {
    await wb.xlsx.load(bytes instanceof Uint8Array ? (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer) : bytes);
  } catch {
    return empty;
  }
  const at = (name: string): { sheet: string; cells: string[] } | null => {
    const ranges = wb.definedNames.getRanges(name)?.ranges ?? [];
    const ref = ranges[0];
    if (!ref) return null;
    const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
    if (!m) return null;
    const [, sheet, c1, r1, , r2] = m;
    const cells: string[] = [];
    for (let r = Number(r1); r <= Number(r2 ?? r1); r++) cells.push(`${c1}${r}`);
    return { sheet: sheet.replace(/''/g, "'"), cells };
  };
  const read = (sheet: string, addr: string) => plain((wb.getWorksheet(sheet)?.getCell(addr) as CellLike | undefined)?.value);
  const id = at('ROUND_ID');
  const who = at('RECIPIENT');
  const input = at('BU_INPUT');
  if (!id || !who || !input) return empty;
  const rows = input.cells.map((a) => Number(/\d+$/.exec(a)![0]));
  const col = (c: string) => rows.map((r) => read(input.sheet, `${c}${r}`));
  return {
    file: file.slice(0, 500),
    roundId: String(read(id.sheet, id.cells[0]) ?? '') || null,
    recipient: String(read(who.sheet, who.cells[0]) ?? '') || null,
    lines: col('A').map((v) => String(v ?? '')),
    td: col('D'),
    bu: input.cells.map((a) => read(input.sheet, a)),
    comments: col('F').map((v) => (v === null || v === undefined ? '' : String(v).slice(0, 2000))),
  };
}

/** A name as a file name part (no characters a file system refuses). */
const filePart = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, '_');

/** A file name for a recipient's workbook. */
export function roundFileName(roundNumber: number, recipient: string): string {
  return `bottom-up-round-${roundNumber}-${filePart(recipient)}.xlsx`;
}

/** The zip of a round's workbooks; a rep round's names its region. */
export function roundZipName(roundNumber: number, region?: string): string {
  return `bottom-up-round-${roundNumber}${region === undefined ? '' : `-${filePart(region)}`}.zip`;
}

/** Several files as one zip (JSZip, the zip writer exceljs itself uses). */
export async function zipFiles(files: { name: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.bytes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}


/**
 * At most this many answers in one archive, each at most this big, and this much in all: a round
 * has ≤ 500 recipients and an answer is a few kilobytes, so anything past these is not a round's.
 */
const MAX_ARCHIVE_ENTRIES = 1000;
const MAX_ANSWER_BYTES = 5 * 1024 * 1024;
const MAX_ARCHIVE_BYTES = 100 * 1024 * 1024;

/**
 * The answer workbooks one picked file holds: itself when it is a workbook, or each `.xlsx`
 * inside it when it is a zip of answers (the round's own zip sent back, or one the consultant
 * made of the replies). Entries are named `archive.zip/inner.xlsx`; an archive that is damaged
 * or inflates past its declared sizes gives no answers, and the reader then refuses it by name.
 */
export async function answerWorkbooks(file: string, bytes: Uint8Array): Promise<{ file: string; bytes: Uint8Array }[]> {
  const { readZipDirectory, inflateEntryBytes } = await import('./zipReader');
  const dir = readZipDirectory(bytes, MAX_ARCHIVE_ENTRIES);
  // A workbook is a zip too: one with a content-types part is an answer itself.
  if (!dir.ok || dir.entries.some((e) => e.name === '[Content_Types].xml')) return [{ file, bytes }];
  const inner = dir.entries.filter((e) => /\.xlsx$/i.test(e.name) && !/(^|\/)(__MACOSX\/|\.)/.test(e.name));
  const out: { file: string; bytes: Uint8Array }[] = [];
  let total = 0;
  for (const entry of inner) {
    const name = `${file}/${entry.name.split('/').pop()}`;
    total += entry.size;
    if (entry.size > MAX_ANSWER_BYTES || total > MAX_ARCHIVE_BYTES) {
      out.push({ file: name, bytes: new Uint8Array() });
      continue;
    }
    const inflated = await inflateEntryBytes(bytes, entry);
    out.push({ file: name, bytes: inflated.ok ? inflated.bytes : new Uint8Array() });
  }
  return out.length ? out : [{ file, bytes }];
}
