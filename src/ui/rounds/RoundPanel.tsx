/**
 * The bottom-up round panel: start a round (who answers, due date, note → one workbook per
 * recipient, a zip when there are several), the round board (who answered, who is late, each
 * answer's deviation and alert, old → new per line), importing answers, and accepting them into
 * the plan in one undoable step. The logic is src/model/buRound.ts; the files src/io/buRoundXlsx.ts.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { unwrap } from 'solid-js/store';
import type { BuCheckedAnswer, BuProblem, BuRound, RoundLevel } from '../../model/buRound';
import { acceptCommands, alertBandOf, answerDiff, checkAnswers, createRound, deviation, planRecipients, planRegions, recipientStatus, roundsOf, saveRoundCommand, sliceFor, supportsRounds, takeAnswers } from '../../model/buRound';
import { locale, t } from '../../i18n';
import { download, notify } from '../services';
import { SidePanel } from '../notebook/SidePanel';
import type { NotebookContext } from '../notebook/extensions';
import './messages';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const today = () => new Date().toISOString().slice(0, 10);

function problemText(p: BuProblem): string {
  return t(`bu.problem.${p.code}`, { line: p.line ? t('bu.onLine', { line: p.line }) : '' });
}

export default function RoundPanel(props: NotebookContext & { close(): void }) {
  const session = props.session;
  const values = () => unwrap(session.values);
  const nb = () => session.plain();
  const supported = createMemo(() => supportsRounds(session.doc));
  const rounds = createMemo(() => {
    void session.doc.layout.buRounds; // tracked
    return roundsOf(nb());
  });
  const repsSupported = createMemo(() => supportsRounds(session.doc, 'rep'));
  const regions = createMemo(() => (supported() ? planRegions(nb(), values()) : []));
  // Who answers: each region, or each rep of one region (a round nested a level down).
  const [level, setLevel] = createSignal<RoundLevel>('region');
  const [repRegion, setRepRegion] = createSignal<string | null>(null);
  const region = () => repRegion() ?? regions()[0] ?? '';
  const candidates = createMemo(() => (supported() ? planRecipients(nb(), values(), level(), region()) : []));
  const [picked, setPicked] = createSignal<Set<string> | null>(null);
  const chosen = () => picked() ?? new Set(candidates());
  const [due, setDue] = createSignal('');
  const [note, setNote] = createSignal('');
  const [lastImport, setLastImport] = createSignal<BuCheckedAnswer[]>([]);
  const band = () => alertBandOf(nb(), values());
  const fmt = (v: number) => v.toLocaleString(locale(), { maximumFractionDigits: 2 });
  const pct = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)} %`;

  async function writeFiles(round: BuRound, names: string[]) {
    const { roundWorkbook, roundFileName, roundZipName, zipFiles } = await import('../../io/buRoundXlsx');
    const files = [];
    for (const name of names) {
      const bytes = await roundWorkbook(sliceFor(nb(), values(), round, name), nb().locale);
      files.push({ name: roundFileName(round.number, name), bytes });
    }
    if (files.length === 1) download(files[0].name, files[0].bytes as BlobPart, XLSX);
    else download(roundZipName(round.number, round.region), (await zipFiles(files)) as BlobPart, 'application/zip');
  }

  async function start() {
    const names = candidates().filter((r) => chosen().has(r));
    if (names.length === 0) return notify('error', t('bu.noneChosen'));
    if (due() && !/^\d{4}-\d{2}-\d{2}$/.test(due())) return notify('error', t('bu.badDue'));
    const round = createRound(nb(), values(), { recipients: names, due: due(), note: note().trim(), level: level(), region: level() === 'rep' ? region() : undefined });
    session.edit([saveRoundCommand(nb(), round)], 'buRound');
    await writeFiles(round, names);
    notify('info', t('bu.started', { n: round.number, count: names.length }));
  }

  async function importAnswers(list: File[]) {
    if (list.length === 0) return;
    const { answerWorkbooks, readRoundAnswer } = await import('../../io/buRoundXlsx');
    // A zip of answers (the round's own zip sent back, say) counts as the workbooks inside it.
    const books = (await Promise.all(list.map(async (f) => answerWorkbooks(f.name, new Uint8Array(await f.arrayBuffer()))))).flat();
    const read = await Promise.all(books.map((b) => readRoundAnswer(b.file, b.bytes)));
    const checked = checkAnswers(nb(), read);
    setLastImport(checked);
    const before = roundsOf(nb());
    const after = before.map((round) => {
      const mine = checked.filter((c, i) => c.problems.length === 0 && read[i].roundId === round.id);
      return mine.length ? takeAnswers(round, mine) : round;
    });
    if (after.some((r, i) => r !== before[i])) session.edit([{ type: 'setLayoutKey', key: 'buRounds', value: after }], 'buAnswers');
    const ok = checked.filter((c) => c.problems.length === 0).length;
    notify(ok === checked.length ? 'info' : 'error', t('bu.answersRead', { ok, bad: checked.length - ok }));
  }

  function accept(round: BuRound, names: string[]) {
    const cmds = acceptCommands(nb(), values(), round.id, names);
    if (cmds.length === 0) return;
    session.edit(cmds, 'buAccept');
    notify('info', t('bu.accepted', { count: names.length }));
  }

  return (
    <SidePanel class="round-panel" testid="bu-round-panel" title={t('bu.panel')} onClose={() => props.close()}>
      <Show when={supported()} fallback={<p class="muted">{t('bu.unsupported')}</p>}>
        <section class="bu-start">
          <h4>{t('bu.startTitle')}</h4>
          <fieldset>
            <legend>{t('bu.who')}</legend>
            <Show when={repsSupported()}>
              <div class="bu-level">
                <label>
                  <input type="radio" name="bu-level" data-level="region" checked={level() === 'region'} onChange={() => { setLevel('region'); setPicked(null); }} /> {t('bu.level.region')}
                </label>
                <label>
                  <input type="radio" name="bu-level" data-level="rep" checked={level() === 'rep'} onChange={() => { setLevel('rep'); setPicked(null); }} /> {t('bu.level.rep')}
                </label>
                <Show when={level() === 'rep'}>
                  <label>
                    {t('bu.repRegion')}{' '}
                    <select data-field="rep-region" value={region()} onChange={(e) => { setRepRegion(e.currentTarget.value); setPicked(null); }}>
                      <For each={regions()}>{(r) => <option value={r}>{r}</option>}</For>
                    </select>
                  </label>
                </Show>
              </div>
            </Show>
            <Show when={candidates().length === 0}><p class="muted">{t('bu.noReps')}</p></Show>
            <For each={candidates()}>
              {(r) => (
                <label>
                  <input
                    type="checkbox"
                    data-recipient-pick={r}
                    checked={chosen().has(r)}
                    onChange={(e) => {
                      const next = new Set(chosen());
                      if (e.currentTarget.checked) next.add(r);
                      else next.delete(r);
                      setPicked(next);
                    }}
                  />{' '}
                  {r}
                </label>
              )}
            </For>
          </fieldset>
          <label>{t('bu.due')} <input type="date" data-field="due" value={due()} onInput={(e) => setDue(e.currentTarget.value)} /></label>
          <label>{t('bu.note')} <textarea data-field="note" rows={2} value={note()} onInput={(e) => setNote(e.currentTarget.value)} /></label>
          <button class="primary" data-testid="bu-round-start" disabled={session.readOnly()} onClick={() => void start()}>{t('bu.start')}</button>
        </section>
        <Show when={rounds().length > 0}>
          <section class="bu-import">
            <label class="file-button file-pick">
              {t('bu.import')}
              <input type="file" multiple accept=".xlsx,.zip" data-testid="bu-round-import" title={t('bu.importTitle')} disabled={session.readOnly()} onChange={(e) => { const files = [...(e.currentTarget.files ?? [])]; e.currentTarget.value = ''; void importAnswers(files); }} />
            </label>
            <ul class="bu-import-result">
              <For each={lastImport()}>
                {(c) => (
                  <li data-answer-file={c.file} data-ok={c.problems.length === 0 ? 'true' : 'false'}>
                    <strong>{c.file}</strong>{c.recipient ? ` · ${c.recipient}` : ''}: {c.problems.length === 0 ? '✓' : c.problems.map(problemText).join('; ')}
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Show>
        <For each={[...rounds()].reverse()}>
          {(round) => (
            <section class="bu-board" data-testid="bu-round-board" data-round={round.number} data-level={round.level ?? 'region'}>
              <h4>{t('bu.round', { n: round.number })}{round.region !== undefined ? ` · ${t('bu.repsOf', { region: round.region })}` : ''}</h4>
              <p class="muted">{t('bu.roundMeta', { date: new Date(round.createdAt).toLocaleDateString(locale()), due: round.due ? t('bu.dueOn', { due: round.due }) : '' })}</p>
              <table>
                <thead><tr><th>{t('bu.recipient')}</th><th>{t('bu.status')}</th><th>{t('bu.deviation')}</th><th /></tr></thead>
                <tbody>
                  <For each={round.recipients}>
                    {(r) => {
                      const status = () => recipientStatus(r, round.due, today());
                      const dev = () => (r.answer ? deviation(r.td, r.answer.bu) : null);
                      return (
                        <>
                          <tr data-recipient={r.name} data-status={status()}>
                            <td>{r.name}</td>
                            <td>{t(`bu.status.${status()}`)}</td>
                            <td data-deviation>{dev() === null ? '—' : pct(dev()!)}{dev() !== null && Math.abs(dev()!) > band() ? <span class="bu-alert"> {t('bu.alert')}</span> : null}</td>
                            <td>
                              <Show when={status() === 'answered'}>
                                <button data-action="accept" disabled={session.readOnly()} onClick={() => accept(round, [r.name])}>{t('bu.accept')}</button>
                              </Show>
                              <Show when={status() === 'waiting' || status() === 'late'}>
                                <button data-action="resend" title={t('bu.resend')} onClick={() => void writeFiles(round, [r.name])}>⤓</button>
                              </Show>
                            </td>
                          </tr>
                          <Show when={status() === 'answered'}>
                            <tr class="bu-diff" data-diff-of={r.name}>
                              <td colSpan={4}>
                                <For each={answerDiff(nb(), values(), round, r)}>
                                  {(d) => <div data-line={round.lines[d.line]}>{t('bu.diff', { line: round.lines[d.line], old: typeof d.old === 'number' ? fmt(d.old) : '—', new: fmt(d.new) })}</div>}
                                </For>
                                <For each={(r.answer?.comments ?? []).map((c, i) => [round.lines[i], c] as const).filter(([, c]) => c)}>
                                  {([line, c]) => <div class="muted">{line}: {t('bu.comment', { text: c })}</div>}
                                </For>
                              </td>
                            </tr>
                          </Show>
                        </>
                      );
                    }}
                  </For>
                </tbody>
              </table>
              <Show when={round.recipients.some((r) => recipientStatus(r, round.due, today()) === 'answered')}>
                <button class="primary" data-testid="bu-round-accept" disabled={session.readOnly()} onClick={() => accept(round, round.recipients.filter((r) => r.answer && r.acceptedAt === undefined).map((r) => r.name))}>
                  {t('bu.acceptAll')}
                </button>
              </Show>
            </section>
          )}
        </For>
      </Show>
    </SidePanel>
  );
}
