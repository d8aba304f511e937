/**
 * Cached formula results read straight from a worksheet's XML. exceljs converts the cached result
 * of every date-formatted formula cell into a Date, even when Excel saved text, a boolean or an
 * error there (text and errors become an Invalid Date, TRUE becomes day 1), and drops an empty
 * text result; for those cells the importer asks here for what the file really says.
 */
import type { CellValue } from '../model/cell';
import { decodeXml, unescapeOoxml, xmlAttributes } from './workbookXml';
import { inflateEntryText, readZipDirectory } from './zipReader';
import { isoToSerial } from './xlsxUnits';

export async function readCachedResults(bytes: Uint8Array, entryPath: string, addrs: ReadonlySet<string>): Promise<Map<string, CellValue>> {
  const out = new Map<string, CellValue>();
  const dir = readZipDirectory(bytes, Infinity);
  const entry = dir.ok ? dir.entries.find((e) => e.name === entryPath) : undefined;
  if (!entry) return out;
  // The archive was vetted (precheckXlsx) before exceljs read it, so this entry's size is known to be sane.
  const read = await inflateEntryText(bytes, entry);
  if (!read.ok) return out;
  for (const m of read.text.matchAll(/<(?:\w+:)?c\b([^>]*[^/>])?>([\s\S]*?)<\/(?:\w+:)?c>/g)) {
    const attrs = xmlAttributes(m[1] ?? '');
    if (!attrs.r || !addrs.has(attrs.r)) continue;
    const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(m[2]); // `<v/>` is an empty result
    out.set(attrs.r, cachedValue(attrs.t, v ? v[1] : undefined));
  }
  return out;
}

function cachedValue(type: string | undefined, text: string | undefined): CellValue {
  if (text === undefined) return type === 'str' ? '' : null;
  switch (type) {
    case 'str':
      return unescapeOoxml(decodeXml(text));
    case 'b':
      return text.trim() === '1';
    case 'e':
      return { error: decodeXml(text).trim() };
    case 'd':
      return isoToSerial(decodeXml(text)) ?? unescapeOoxml(decodeXml(text));
    default: {
      const n = Number(text);
      return Number.isFinite(n) ? n : null;
    }
  }
}
