import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readOpsbookText, serializeOpsbook } from '../../src/model/fileFormat';
import { samplePlan } from './ioFixtures';

const CODES = ['tooLarge', 'notJson', 'notOpsbook', 'futureVersion', 'invalid'];

/** The reader's contract: never throw; answer with a notebook or with a problem that has a known code. */
function expectAnswer(text: string): void {
  let r: ReturnType<typeof readOpsbookText>;
  try {
    r = readOpsbookText(text);
  } catch (e) {
    throw new Error(`readOpsbookText threw ${String(e)} on ${JSON.stringify(text.slice(0, 300))}`);
  }
  if (!r.ok) {
    expect(CODES).toContain(r.problem.code);
    expect(typeof r.problem.detail).toBe('string');
  }
}

const valid = serializeOpsbook(samplePlan());
const validData = JSON.parse(valid) as Record<string, unknown>;

/** Replaces the value at a random path of a JSON document. */
function replaceAt(doc: unknown, path: number[], value: unknown): unknown {
  if (path.length === 0 || doc === null || typeof doc !== 'object') return value;
  const keys = Object.keys(doc);
  if (keys.length === 0) return value;
  const key = keys[path[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(doc) ? ([...doc] as unknown as Record<string, unknown>) : { ...(doc as Record<string, unknown>) };
  copy[key] = replaceAt(copy[key], path.slice(1), value);
  return copy;
}

describe('.opsbook.json reader under fuzzing', () => {
  it('answers any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => expectAnswer(JSON.stringify(v) ?? 'null')), { numRuns: 500 });
  });

  it('answers any envelope around any notebook-shaped value, in every version', () => {
    const envelope = fc.record({
      format: fc.oneof(fc.constant('opsbook'), fc.jsonValue()),
      version: fc.oneof(fc.constantFrom(0, 1, 2), fc.jsonValue()),
      notebook: fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('sheets', 'names', 'scenarios', 'layout', 'id', 'title'), fc.jsonValue())),
    });
    fc.assert(fc.property(envelope, (e) => expectAnswer(JSON.stringify(e))), { numRuns: 500 });
  });

  it('answers a valid file with one value anywhere replaced, in either version', () => {
    const path = fc.array(fc.nat(), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.constantFrom(0, 1), path, fc.jsonValue(), (version, p, v) => expectAnswer(JSON.stringify(replaceAt({ ...validData, version }, p, v)))),
      { numRuns: 1000 },
    );
  });

  it('answers a valid file cut, spliced or garbled anywhere', () => {
    const edit = fc.record({ at: fc.nat({ max: valid.length }), remove: fc.nat({ max: 40 }), insert: fc.string({ maxLength: 20 }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = valid;
        for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
        expectAnswer(text);
      }),
      { numRuns: 1000 },
    );
  });
});
