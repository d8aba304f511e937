#!/usr/bin/env node
/**
 * `npm test`: every test Opsbook has, in one command, closing with one line that counts them.
 *
 *   node scripts/test.mjs          unit tests, then a production build, then the browser tests
 *   node scripts/test.mjs --unit   unit tests only (Node, no browser)
 *   node scripts/test.mjs --e2e    build + browser tests only
 *
 * Browser tests drive Debian's Chromium (`/usr/bin/chromium`, or $CHROMIUM_PATH). When it is
 * missing we install it if we are root, and otherwise stop with the command to run: browser tests
 * are never skipped silently.
 *
 * The counts come from vitest's JSON reporter. A test file that failed to load (syntax error,
 * failing import, failing globalSetup) counts as one failed test, and so does a step that failed
 * without a report (the build, a crashed runner). The last line printed is always
 *
 *   tests: N passed, N failed[, N skipped]
 *
 * and the exit code is non-zero when anything failed or when no test ran at all.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const known = new Set(['--unit', '--e2e', '--help', '-h']);
for (const a of args) {
  if (!known.has(a)) {
    console.error(`test: unknown option ${a} (use --unit, --e2e or nothing)`);
    process.exit(2);
  }
}
if (args.has('--help') || args.has('-h')) {
  console.log('usage: node scripts/test.mjs [--unit | --e2e]');
  process.exit(0);
}
const runUnit = args.has('--unit') || !args.has('--e2e');
const runE2e = args.has('--e2e') || !args.has('--unit');

/** A step that runs longer than this is stopped and counted as failed (CI has 90 minutes in all). */
const STEP_TIMEOUT_MS = 30 * 60 * 1000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Human-readable reasons for failures that no test report carries. */
const problems = [];
const tmp = mkdtempSync(join(tmpdir(), 'opsbook-test-'));

function banner(text) {
  console.log(`\n=== ${text} ===`);
}

/** Runs a command with inherited output; resolves with its exit code (or a signal as 1). */
function run(cmd, cmdArgs, { timeoutMs = STEP_TIMEOUT_MS, env = {} } = {}) {
  return new Promise((resolveRun) => {
    // Own process group, so a runaway step can be stopped with everything it started.
    const child = spawn(cmd, cmdArgs, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
      detached: true,
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\ntest: ${cmd} ${cmdArgs.join(' ')} ran longer than ${timeoutMs / 60000} min; stopping it`);
      try {
        process.kill(-child.pid, 'SIGTERM');
        setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {}
        }, 10_000).unref();
      } catch {}
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      console.error(`test: could not start ${cmd}: ${e.message}`);
      resolveRun(127);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolveRun(timedOut ? 124 : code ?? (signal ? 1 : 0));
    });
  });
}

/** Chromium for the browser tests: present, installed now (root), or a clear stop. */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`test: the browser tests need Chromium at ${CHROMIUM}, and it is missing.`);
    console.error('test: install it with:  sudo apt-get update && sudo apt-get install -y chromium');
    console.error('test: (or point CHROMIUM_PATH at a Chromium/Chrome binary)');
    finish(['Chromium is not installed'], 1);
  }
  banner(`Chromium is missing at ${CHROMIUM}; installing Debian's chromium`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const cmd of [
    ['apt-get', ['update']],
    ['apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation']],
  ]) {
    console.log(`$ ${cmd[0]} ${cmd[1].join(' ')}`);
    const r = spawnSync(cmd[0], cmd[1], { stdio: 'inherit', env });
    if (r.status !== 0) finish([`${cmd[0]} ${cmd[1].join(' ')} failed (exit ${r.status})`], 1);
  }
  if (!existsSync(CHROMIUM)) finish([`chromium was installed but ${CHROMIUM} is still missing`], 1);
}

/** Adds a vitest JSON report to the totals; returns what it found, or null when there is none. */
function countReport(file, label) {
  if (!existsSync(file)) return null;
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${label}: unreadable JSON report (${e.message})`);
    return null;
  }
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that failed to load has no assertions but a failed status: one failure each.
  for (const file of report.testResults ?? []) {
    const hasFailedTest = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !hasFailedTest) {
      failed += 1;
      const first = String(file.message ?? '').split('\n')[0];
      problems.push(`${label}: ${relative(root, file.name)} failed to run${first ? `: ${first}` : ''}`);
    }
  }
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  return { passed, failed, skipped };
}

async function vitestStep(label, config) {
  banner(`${label} tests (${config})`);
  const out = join(tmp, `${label}.json`);
  rmSync(out, { force: true });
  const code = await run('npx', [
    'vitest', 'run', '--config', config,
    '--reporter=default', '--reporter=json', `--outputFile.json=${out}`,
  ]);
  const counted = countReport(out, label);
  if (!counted) {
    totals.failed += 1;
    problems.push(`${label}: vitest wrote no report (exit ${code})`);
  } else if (code !== 0 && counted.failed === 0) {
    // Unhandled errors, a failing globalSetup or a crash after the report: still a failure.
    totals.failed += 1;
    problems.push(`${label}: vitest exited with ${code} although no test failed (unhandled error or setup failure)`);
  }
  const c = counted ?? { passed: 0, failed: 0, skipped: 0 };
  console.log(`${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (vitest exit ${code})`);
}

function finish(extraProblems = [], forcedCode) {
  problems.push(...extraProblems);
  rmSync(tmp, { recursive: true, force: true });
  const ran = totals.passed + totals.failed;
  if (ran === 0 && forcedCode === undefined) problems.push('no test ran');
  if (problems.length) {
    console.log('\nproblems:');
    for (const p of problems) console.log(`  - ${p}`);
  }
  const code = forcedCode ?? (totals.failed > 0 || ran === 0 ? 1 : 0);
  // Keep this the last line printed: CI reads it.
  const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
  // A run stopped before any test could (no Chromium, interrupted) still reads as a failure.
  const failed = forcedCode && totals.failed === 0 ? 1 : totals.failed;
  console.log(`tests: ${totals.passed} passed, ${failed} failed${skipped}`);
  process.exit(code);
}

async function main() {
  if (runE2e) ensureChromium();
  if (runUnit) await vitestStep('unit', 'vitest.config.ts');
  if (runE2e) {
    banner('production build (vite build)');
    const buildCode = await run('npx', ['vite', 'build']);
    if (buildCode !== 0) {
      // The browser tests would only test a stale dist/: count the build as the failure it is.
      totals.failed += 1;
      problems.push(`vite build failed (exit ${buildCode}); browser tests not run`);
    } else {
      await vitestStep('e2e', 'vitest.e2e.config.ts');
    }
  }
  finish();
}

process.on('SIGINT', () => finish(['interrupted'], 130));
process.on('SIGTERM', () => finish(['terminated'], 143));
main().catch((e) => finish([`test runner crashed: ${e?.stack ?? e}`], 1));
