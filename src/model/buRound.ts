/**
 * Bottom-up rounds by file (step 6 of target setting: publish top-down, collect bottom-up).
 * A round sends each recipient their own slice of the plan as a workbook, and merges the answers
 * back: each answer is checked against what was sent, shown old → new, and accepted into the
 * bottom-up inputs in one undoable step recorded in the decision log.
 *
 * Rounds nest, level by level: a region round collects `REGION_BU` (each region × product line);
 * a region's rep round splits that region's final target into its reps' quotas (`REP_QUOTA`)
 * and collects each rep's bottom-up into `REP_BU` the same way. A level is a row of `LEVELS`.
 *
 * Everything here is pure: the slice is read from the plan's list names (`REGION_NAME`,
 * `REGION_TD`, `REP_QUOTA`, …, see templates/generators/listNames.ts) and the computed values,
 * never from addresses, so a generated plan of any shape runs rounds the same way. The round
 * itself lives in the notebook (`layout.buRounds`), so it is saved, exported and restored.
 */
import { toA1 } from './address';
import type { RangePos } from './address';
import type { CellValue, RawContent } from './cell';
import type { EditCommand, SheetValues } from './commands';
import type { Decision } from './decisionLog';
import type { Notebook } from './notebook';
import { newId } from './notebook';
import { resolvePointer } from './pointers';

/** What one recipient was sent: their top-down targets (locked in the file) and the bottom-up then. */
export interface BuRecipient {
  /** The region, exactly as `REGION_NAME` holds it. */
  name: string;
  /** Its position in `REGION_NAME` (the row of `REGION_BU` its answer goes to). */
  index: number;
  td: number[];
  bu: number[];
  /** The answer taken in (last import), and when it was accepted into the plan. */
  answer?: { bu: number[]; comments: string[]; at: number; file: string };
  acceptedAt?: number;
}

/** Who answers a round: each region (by product line), or each rep of one region. */
export type RoundLevel = 'region' | 'rep';

export interface BuRound {
  id: string;
  number: number;
  /** Absent in rounds saved before rep rounds: a region round. */
  level?: RoundLevel;
  /** A rep round: the region whose reps answer, as `REGION_NAME` holds it. */
  region?: string;
  createdAt: number;
  /** `YYYY-MM-DD`, or empty. */
  due: string;
  note: string;
  /** What each recipient answers, in order: the existing product lines (the columns of
   *  `REGION_BU`) for a region, one line (their quota) for a rep. */
  lines: string[];
  recipients: BuRecipient[];
}

/** One recipient's slice: what their file shows, and nothing of anyone else. */
export interface BuSlice {
  roundId: string;
  roundNumber: number;
  level: RoundLevel;
  recipient: string;
  /** A rep's own region (a rep round). */
  region?: string;
  due: string;
  note: string;
  alertBand: number;
  lines: { name: string; history: number; potential: number; td: number; bu: number }[];
}

/** The plan's cells a round reads, resolved through the list names. */
interface RoundArea { sheet: string; range: RangePos }

/**
 * The list names a level's round reads: who answers (`who`, one row each in the recipient ×
 * line areas `td`, `bu`, `history`, `potential`) and `also`: the product lines across a region
 * round's areas, the region of each rep in a rep round.
 */
const LEVELS = {
  region: { who: 'REGION_NAME', td: 'REGION_TD', bu: 'REGION_BU', history: 'REGION_HISTORY', potential: 'REGION_POTENTIAL', also: 'PRODUCT_NAME' },
  rep: { who: 'REP_NAME', td: 'REP_QUOTA', bu: 'REP_BU', history: 'REP_HISTORY', potential: 'REP_POTENTIAL', also: 'REP_REGION' },
} as const satisfies Record<RoundLevel, Record<string, string>>;

/** The one line a rep answers: their quota (in the plan's language, as the file shows it). */
const REP_LINE = { en: 'Rep quota', 'zh-CN': '代表指标' } as const;

const levelOf = (round: BuRound): RoundLevel => round.level ?? 'region';

function area(nb: Notebook, name: string): RoundArea | null {
  const r = resolvePointer(nb, { name });
  return r ? { sheet: r.sheet, range: r.range } : null;
}

/** Whether the notebook can run rounds at `level` (it defines every list name the level reads). */
export function supportsRounds(nb: Notebook, level: RoundLevel = 'region'): boolean {
  return Object.values(LEVELS[level]).every((n) => area(nb, n) !== null);
}

function num(v: CellValue | undefined): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined || typeof v === 'object' ? '' : String(v);
}

/** The values of a range, row by row. */
function grid(values: SheetValues, a: RoundArea): CellValue[][] {
  const out: CellValue[][] = [];
  const sheet = values[a.sheet] ?? {};
  for (let r = a.range.start.row; r <= a.range.end.row; r++) {
    const row: CellValue[] = [];
    for (let c = a.range.start.col; c <= a.range.end.col; c++) row.push(sheet[toA1({ row: r, col: c })] ?? null);
    out.push(row);
  }
  return out;
}

const column = (g: CellValue[][]) => g.map((row) => row[0]);

/** A one-column list name's entries as text, in list order ([] when the plan lacks it). */
function listOf(nb: Notebook, values: SheetValues, name: string): string[] {
  const a = area(nb, name);
  return a ? column(grid(values, a)).map(text) : [];
}

/** The regions of the plan, in list order. */
export function planRegions(nb: Notebook, values: SheetValues): string[] {
  return listOf(nb, values, LEVELS.region.who);
}

/** The reps of `region`, in roster order. */
export function regionReps(nb: Notebook, values: SheetValues, region: string): string[] {
  const of = listOf(nb, values, LEVELS.rep.also);
  return listOf(nb, values, LEVELS.rep.who).filter((_, i) => of[i] === region);
}

/** Who can answer at `level`: every region, or the reps of `region`. */
export function planRecipients(nb: Notebook, values: SheetValues, level: RoundLevel, region?: string): string[] {
  return level === 'rep' ? regionReps(nb, values, region ?? '') : planRegions(nb, values);
}

/**
 * Starts a round for `recipients` at `level` (region names, or the rep names of `region`):
 * records what each is sent. A rep round's top-down is each rep's quota — the region's final
 * target split by the plan's index — so it nests under the region round's outcome.
 */
export function createRound(
  nb: Notebook,
  values: SheetValues,
  opts: { recipients: string[]; due: string; note: string; now?: number; level?: RoundLevel; region?: string },
): BuRound {
  const level = opts.level ?? 'region';
  const L = LEVELS[level];
  const who = listOf(nb, values, L.who);
  const td = grid(values, area(nb, L.td)!);
  const bu = grid(values, area(nb, L.bu)!);
  const buCols = bu[0]?.length ?? 0;
  const lines = level === 'rep' ? [REP_LINE[nb.locale] ?? REP_LINE.en] : listOf(nb, values, LEVELS.region.also).slice(0, buCols);
  const inRegion = level === 'rep' ? new Set(regionReps(nb, values, opts.region ?? '')) : null;
  const previous = roundsOf(nb);
  return {
    id: newId('round'),
    number: previous.reduce((m, r) => Math.max(m, r.number), 0) + 1,
    ...(level === 'rep' ? { level, region: opts.region } : {}),
    createdAt: opts.now ?? Date.now(),
    due: opts.due,
    note: opts.note,
    lines,
    recipients: opts.recipients.map((name) => {
      const index = who.indexOf(name);
      if (index < 0 || (inRegion && !inRegion.has(name))) throw new Error(`unknown ${level} ${name}`);
      return { name, index, td: td[index].map(num), bu: bu[index].map(num) };
    }),
  };
}

/** The deviation alert band (`ALERT_DEV`), 10 % when the plan has none. */
export function alertBandOf(nb: Notebook, values: SheetValues): number {
  const a = area(nb, 'ALERT_DEV');
  return a ? num(grid(values, a)[0]?.[0]) : 0.1;
}

/** The slice one recipient's file carries. */
export function sliceFor(nb: Notebook, values: SheetValues, round: BuRound, recipient: string): BuSlice {
  const r = round.recipients.find((x) => x.name === recipient);
  if (!r) throw new Error(`${recipient} is not in round ${round.number}`);
  const L = LEVELS[levelOf(round)];
  const history = grid(values, area(nb, L.history)!)[r.index] ?? [];
  const potential = grid(values, area(nb, L.potential)!)[r.index] ?? [];
  const alertBand = alertBandOf(nb, values);
  return {
    roundId: round.id,
    roundNumber: round.number,
    level: levelOf(round),
    recipient: r.name,
    ...(round.region !== undefined ? { region: round.region } : {}),
    due: round.due,
    note: round.note,
    alertBand,
    lines: round.lines.map((name, i) => ({ name, history: num(history[i]), potential: num(potential[i]), td: r.td[i] ?? 0, bu: r.bu[i] ?? 0 })),
  };
}

export function roundsOf(nb: Notebook): BuRound[] {
  const v = nb.layout?.buRounds;
  return Array.isArray(v) ? (v as BuRound[]) : [];
}

// ---- answers -------------------------------------------------------------------------------

/** What a returned file holds, as read by the workbook reader (src/io/buRoundXlsx.ts). */
export interface BuAnswerFile {
  file: string;
  roundId: string | null;
  recipient: string | null;
  /** The line names and top-down values the file shows (locked cells), to tell tampering. */
  lines: string[];
  td: unknown[];
  bu: unknown[];
  comments: string[];
}

export type BuProblemCode = 'notRound' | 'otherRound' | 'unknownRecipient' | 'duplicate' | 'tampered' | 'notNumber' | 'alreadyAccepted';

export interface BuProblem {
  code: BuProblemCode;
  /** The line the problem is on, when it is on one. */
  line?: string;
}

export interface BuCheckedAnswer {
  file: string;
  recipient: string | null;
  problems: BuProblem[];
  /** The bottom-up it would write, line by line, when there is no problem. */
  bu: number[];
  comments: string[];
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

function asNumber(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.trim().replace(/,/g, '')))) return Number(v.trim().replace(/,/g, ''));
  return null;
}

/** Checks a batch of answer files against the rounds of the notebook; nothing is applied here. */
export function checkAnswers(nb: Notebook, files: BuAnswerFile[]): BuCheckedAnswer[] {
  const rounds = roundsOf(nb);
  const seen = new Set<string>();
  return files.map((f) => {
    const problems: BuProblem[] = [];
    const out: BuCheckedAnswer = { file: f.file, recipient: f.recipient, problems, bu: [], comments: f.comments };
    if (!f.roundId) return { ...out, problems: [{ code: 'notRound' }] };
    const round = rounds.find((r) => r.id === f.roundId);
    if (!round) return { ...out, problems: [{ code: 'otherRound' }] };
    const r = round.recipients.find((x) => x.name === f.recipient);
    if (!r) return { ...out, problems: [{ code: 'unknownRecipient' }] };
    const key = `${round.id}\u0000${r.name}`;
    if (seen.has(key)) problems.push({ code: 'duplicate' });
    seen.add(key);
    if (r.acceptedAt !== undefined) problems.push({ code: 'alreadyAccepted' });
    if (f.lines.length !== round.lines.length || f.bu.length !== round.lines.length || f.td.length !== round.lines.length) problems.push({ code: 'tampered' });
    else {
      round.lines.forEach((name, i) => {
        const td = asNumber(f.td[i]);
        if (f.lines[i] !== name || td === null || !close(td, r.td[i])) problems.push({ code: 'tampered', line: name });
        const bu = asNumber(f.bu[i]);
        if (bu === null || bu < 0) problems.push({ code: 'notNumber', line: name });
        else out.bu.push(bu);
      });
    }
    return out;
  });
}

/** Σ bottom-up ÷ Σ top-down − 1 (0 when the top-down is 0). */
export function deviation(td: number[], bu: number[]): number {
  const t = td.reduce((a, b) => a + b, 0);
  const b = bu.reduce((a, x) => a + x, 0);
  return t === 0 ? 0 : b / t - 1;
}

/** A recipient's state on the round board. */
export function recipientStatus(r: BuRecipient, due: string, today: string): 'accepted' | 'answered' | 'late' | 'waiting' {
  if (r.acceptedAt !== undefined) return 'accepted';
  if (r.answer) return 'answered';
  return due && today > due ? 'late' : 'waiting';
}

/** Takes checked answers without problems into the round (not yet into the plan). */
export function takeAnswers(round: BuRound, answers: BuCheckedAnswer[], now = Date.now()): BuRound {
  return {
    ...round,
    recipients: round.recipients.map((r) => {
      const a = answers.find((x) => x.recipient === r.name && x.problems.length === 0);
      return a ? { ...r, answer: { bu: a.bu, comments: a.comments, at: now, file: a.file } } : r;
    }),
  };
}

/** One line of the diff preview: the plan's bottom-up now → the answer's. */
export function answerDiff(nb: Notebook, values: SheetValues, round: BuRound, r: BuRecipient): { line: number; old: CellValue; new: number }[] {
  const bu = grid(values, area(nb, LEVELS[levelOf(round)].bu)!)[r.index] ?? [];
  return (r.answer?.bu ?? []).map((v, i) => ({ line: i, old: bu[i] ?? null, new: v }));
}

/**
 * The commands that accept the answers of `names` into the plan: their bottom-up rows of
 * `REGION_BU` (or cells of `REP_BU`), the round's record, and one decision-log entry per
 * recipient — one undo step.
 */
export function acceptCommands(nb: Notebook, values: SheetValues, roundId: string, names: string[], now = Date.now()): EditCommand[] {
  const rounds = roundsOf(nb);
  const round = rounds.find((r) => r.id === roundId);
  const bu = round ? area(nb, LEVELS[levelOf(round)].bu) : null;
  if (!round || !bu) return [];
  const cells = nb.sheets.find((s) => s.name === bu.sheet)?.cells ?? {};
  const writes: { addr: string; raw: RawContent | null }[] = [];
  const decisions: Decision[] = [];
  const accepted = new Set<string>();
  for (const r of round.recipients) {
    if (!names.includes(r.name) || !r.answer || r.acceptedAt !== undefined) continue;
    const row = bu.range.start.row + r.index;
    const before: number[] = [];
    r.answer.bu.forEach((v, i) => {
      const addr = toA1({ row, col: bu.range.start.col + i });
      before.push(num(values[bu.sheet]?.[addr]));
      if (cells[addr] !== v) writes.push({ addr, raw: v });
    });
    const first = toA1({ row, col: bu.range.start.col });
    const last = toA1({ row, col: bu.range.start.col + r.answer.bu.length - 1 });
    const dev = deviation(r.td, r.answer.bu);
    decisions.push({
      id: newId('d'),
      at: now,
      kind: 'round',
      target: `${bu.sheet}!${first}:${last}`,
      old: before.reduce((a, b) => a + b, 0),
      new: r.answer.bu.reduce((a, b) => a + b, 0),
      note: `round ${round.number}${round.region !== undefined ? ` (${round.region})` : ''} · ${r.name} answered · Δ ${dev >= 0 ? '+' : '−'}${Math.abs(dev * 100).toFixed(1)} %`,
    });
    accepted.add(r.name);
  }
  if (accepted.size === 0) return [];
  const next = rounds.map((x) => (x.id !== round.id ? x : { ...x, recipients: x.recipients.map((r) => (accepted.has(r.name) ? { ...r, acceptedAt: now } : r)) }));
  const cmds: EditCommand[] = [];
  if (writes.length) cmds.push({ type: 'setCells', sheet: bu.sheet, writes });
  cmds.push({ type: 'setLayoutKey', key: 'buRounds', value: next });
  cmds.push({ type: 'logDecisions', add: decisions });
  return cmds;
}

/** The command that saves a new or updated round in the notebook. */
export function saveRoundCommand(nb: Notebook, round: BuRound): EditCommand {
  const rounds = roundsOf(nb);
  const next = rounds.some((r) => r.id === round.id) ? rounds.map((r) => (r.id === round.id ? round : r)) : [...rounds, round];
  return { type: 'setLayoutKey', key: 'buRounds', value: next };
}

/** Every value a slice carries, for tests that prove a file holds nothing of another recipient. */
export function sliceNumbers(s: BuSlice): number[] {
  return s.lines.flatMap((l) => [l.history, l.potential, l.td, l.bu]);
}

