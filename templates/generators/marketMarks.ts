/**
 * Marks on the neutral sample values of A_Market and B_Target: an input the user did not give
 * (no setup history, a line or region the spec's sample does not have) starts from a neutral
 * value, and its row says so beside it — `示例值 sample` — for as long as the row's neutral cells
 * still hold those values. The mark is a formula comparing the cells with the values they started
 * from, so it goes away as soon as the user types over them (no regrow needed); it never reads
 * ERR and is empty once replaced. Rows holding only the client's or the spec sample's values get
 * no mark, so the sample shape is the spec's sheet unchanged.
 */
import type { RawContent } from '../../src/model/cell';
import { a1 } from './ansoffLinks';
import { labeler } from './ansoffLinks';

export class SampleMarks {
  private readonly rows = new Map<number, string[]>();

  /** The cell at (col, row) starts from the neutral `value`. */
  add(col: number, row: number, value: number): void {
    const list = this.rows.get(row) ?? [];
    list.push(`${a1(col, row)}=${String(value)}`);
    this.rows.set(row, list);
  }

  /** Rows that hold a neutral value. */
  get marked(): number[] {
    return [...this.rows.keys()];
  }

  /** Writes one mark per row that holds neutral values, in column `markCol(row)`. */
  write(set: (col: number, row: number, v: RawContent) => void, markCol: (row: number) => number, language: string): void {
    const text = labeler(language).t('示例值，请替换', 'sample values – replace with the client’s');
    for (const [row, tests] of this.rows) {
      const cond = tests.length === 1 ? tests[0] : `AND(${tests.join(',')})`;
      set(markCol(row), row, `=IF(${cond},"${text}","")`);
    }
  }
}
