// Every problem code the session and the stored-notebook check report reads as a message in both languages.
import { describe, expect, it } from 'vitest';
import { setLocale } from '../../src/i18n';
import { sessionProblemText } from '../../src/ui/problemMessages';
import type { SessionProblemCode } from '../../src/engine/session';

const CODES: SessionProblemCode[] = [
  'noSheet', 'lastSheet', 'sheetExists', 'sheetFull', 'badStructure', 'stubShape', 'engineRestarted', 'engineRejected', 'engineBuild', 'readOnly',
  'cellOutsideGrid', 'formulaTooLong', 'badLayoutKey', 'sheetNameTaken',
];

describe('problem messages', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`reads every code as a sentence in ${locale}, never as its key`, () => {
      setLocale(locale);
      for (const code of CODES) {
        const text = sessionProblemText({ code, message: 'B_Target!C5' });
        expect(text, code).not.toMatch(/^(problem|check)\./);
        expect(text.length, code).toBeGreaterThan(3);
      }
      expect(sessionProblemText({ code: 'cellOutsideGrid', message: 'Sheet1!A1' })).toContain('Sheet1!A1');
    });
  }
  it('the two languages differ', () => {
    setLocale('en');
    const en = sessionProblemText({ code: 'lastSheet', message: '' });
    setLocale('zh-CN');
    expect(sessionProblemText({ code: 'lastSheet', message: '' })).not.toBe(en);
  });
});

describe('import report warnings', () => {
  it('read as words in both languages, one for every warning code', async () => {
    const { warningLabel } = await import('../../src/ui/notebook/importWarnings');
    const { IMPORT_WARNING_MESSAGES } = await import('../../src/io/problems');
    for (const locale of ['en', 'zh-CN'] as const) {
      setLocale(locale);
      for (const code of Object.keys(IMPORT_WARNING_MESSAGES)) expect(warningLabel(code), `${locale} ${code}`).not.toBe(code);
    }
    setLocale('en');
    const en = warningLabel('externalLink');
    setLocale('zh-CN');
    expect(warningLabel('externalLink')).not.toBe(en);
    setLocale('en');
  });
});
