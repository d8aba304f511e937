/**
 * A `CellReader` over a notebook session: values from the reactive value store, formats and names
 * from the document. Reads inside a Solid memo track exactly the cells (and formats) a chart uses,
 * so an edit redraws the charts it touched and no others.
 */
import type { NotebookSession } from '../../engine/session';
import type { CellReader } from '../../model/bindingCells';
import { findSheet } from '../../model/notebook';

export function sessionReader(session: NotebookSession): CellReader {
  return {
    value: (sheet, addr) => session.values[sheet]?.[addr],
    format: (sheet, addr) => findSheet(session.doc, sheet)?.formats[addr],
    nameExpression: (name) => {
      const upper = name.toUpperCase();
      return session.doc.names.find((n) => n.name.toUpperCase() === upper)?.expression;
    },
  };
}
