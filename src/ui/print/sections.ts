/**
 * What a printed sheet shows above its table besides the title (charts, KPI cards): features
 * register a section here, as the editor's extension points do.
 */
import type { JSX } from 'solid-js';
import type { NotebookSession } from '../../engine/session';
import type { Sheet } from '../../model/notebook';

export interface PrintSection {
  id: string;
  render(ctx: { session: NotebookSession; sheet: Sheet }): JSX.Element;
}

export const PRINT_SECTIONS: PrintSection[] = [];
