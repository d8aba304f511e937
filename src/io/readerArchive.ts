/**
 * The archive the workbook reader (exceljs) is given: only the parts it needs for contents,
 * formats and layout — content types, relationships, workbook, shared strings, styles and the
 * worksheets the workbook lists, each under the name the reader looks for (`sheetN.xml`) — written
 * uncompressed. Drawings, VML, comments, pivot caches and the like are left out: one drawing made
 * the reader hang for ever and a VML part with a duplicate attribute made it throw, and the model
 * uses none of them. Worksheet XML is trimmed to what the reader needs of it as well (see
 * `trimWorksheetXml`). The precheck vets exactly these parts, so what it counts is what is read.
 */
import { isoToSerial } from './xlsxUnits';

export interface ReaderPart {
  name: string;
  text: string;
}

/** Worksheet elements after `sheetData` the model never uses and the reader has crashed on (icon filters in an autofilter). */
const UNUSED_SHEET_ELEMENTS = ['autoFilter', 'sortState', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'tableParts', 'extLst', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'webPublishItems'];

/** Drops the elements the model does not use from a worksheet's XML (never inside `sheetData`). */
export function trimWorksheetXml(xml: string): string {
  // After `</sheetData>`, or after an empty `<sheetData/>`.
  const close = /<\/(?:\w+:)?sheetData\s*>|<(?:\w+:)?sheetData\b[^>]*\/>/.exec(xml);
  if (!close) return xml;
  const end = close.index + close[0].length;
  const tail = xml.slice(end);
  let trimmed = tail;
  for (const el of UNUSED_SHEET_ELEMENTS) {
    trimmed = trimmed
      .replace(new RegExp(`<(?:\\w+:)?${el}\\b[^>]*/>`, 'g'), '')
      .replace(new RegExp(`<((?:\\w+:)?${el})\\b[^>]*>[\\s\\S]*?</\\1>`, 'g'), '');
  }
  return isoDatesAsSerials(dropInlineStringValues(xml.slice(0, end))) + trimmed;
}

/**
 * A date cell (`t="d"`, as strict-OOXML and some writers save dates) holds ISO 8601 text in its
 * `<v>`; the reader takes it for a number and keeps only its year. Such cells become plain number
 * cells holding Excel's serial (their style still formats them as dates); a `<v>` that is not a
 * date keeps its text (an inline string, or a text result for a formula).
 */
export function isoDatesAsSerials(xml: string): string {
  if (!/\bt\s*=\s*["']d["']/.test(xml)) return xml;
  return xml.replace(/<((?:\w+:)?)c\b((?:[^>/]|\/(?!>))*)>([\s\S]*?)<\/\1c>/g, (whole, p: string, attrs: string, body: string) => {
    const type = /\s+t\s*=\s*["']d["']/;
    if (!type.test(attrs)) return whole;
    const v = new RegExp(`<${p}v>([^<]*)</${p}v>`).exec(body);
    const serial = v ? isoToSerial(v[1]) : null;
    if (!v || serial !== null) return `<${p}c${attrs.replace(type, '')}>${v ? body.replace(v[0], `<${p}v>${serial}</${p}v>`) : body}</${p}c>`;
    if (new RegExp(`<${p}f\\b`).test(body)) return `<${p}c${attrs.replace(type, ' t="str"')}>${body}</${p}c>`;
    return `<${p}c${attrs.replace(type, ' t="inlineStr"')}><${p}is><${p}t>${v[1]}</${p}t></${p}is></${p}c>`;
  });
}

/**
 * An inline-string cell holds its text in `<is>`; some writers add a `<v>` as well, which Excel
 * ignores and the reader crashes on ("Cannot create property 'richText' on string"). The `<v>`
 * of such a cell is dropped. Self-closing cells (`<c r="A1"/>`) are never opened by the match.
 */
export function dropInlineStringValues(xml: string): string {
  if (!xml.includes('inlineStr')) return xml;
  return xml.replace(/<((?:\w+:)?)c\b((?:[^>/]|\/(?!>))*)>([\s\S]*?)<\/\1c>/g, (whole, p: string, attrs: string, body: string) => {
    if (!/\bt\s*=\s*["']inlineStr["']/.test(attrs) || !new RegExp(`<${p}is\\b`).test(body)) return whole;
    return `<${p}c${attrs}>${body.replace(new RegExp(`<${p}v\\b[^>]*>[\\s\\S]*?</${p}v>|<${p}v\\b[^>]*/>`, 'g'), '')}</${p}c>`;
  });
}

const ns = 'http://schemas.openxmlformats.org';

/** Relationships of the reduced workbook: sheet i is `worksheets/sheet{i+1}.xml` and is rId{i+1}. */
export function readerWorkbookRels(sheetCount: number, hasSharedStrings: boolean, hasStyles: boolean): string {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${ns}/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rows: string[] = [];
  for (let i = 0; i < sheetCount; i++) rows.push(rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`));
  if (hasSharedStrings) rows.push(rel('rIdStrings', 'sharedStrings', 'sharedStrings.xml'));
  if (hasStyles) rows.push(rel('rIdStyles', 'styles', 'styles.xml'));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}/package/2006/relationships">${rows.join('')}</Relationships>`;
}

/** The workbook part with each `<sheet>`'s relationship id pointing at the reduced relationships. */
export function readerWorkbookXml(xml: string): string {
  let i = 0;
  return xml.replace(/<((?:\w+:)?sheet)\b([^>]*?)(\/?)>/g, (_m, tag: string, attrs: string, close: string) => {
    i++;
    const id = /\s(?:\w+:)?id\s*=\s*("[^"]*"|'[^']*')/;
    const withId = id.test(attrs) ? attrs.replace(id, ` r:id="rId${i}"`) : `${attrs} r:id="rId${i}"`;
    return `<${tag}${withId}${close}>`;
  });
}

let crcTable: Uint32Array | null = null;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A plain zip of stored (uncompressed) entries. */
export function storedZip(parts: ReaderPart[]): Uint8Array {
  const encoder = new TextEncoder();
  const files = parts.map((p) => ({ name: encoder.encode(p.name), data: encoder.encode(p.text) }));
  const size = files.reduce((s, f) => s + 30 + f.name.length + f.data.length + 46 + f.name.length, 22);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  const crcs = files.map((f) => crc32(f.data));
  files.forEach((f, i) => {
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0x0800, true); // UTF-8 names
    view.setUint32(p + 14, crcs[i], true);
    view.setUint32(p + 18, f.data.length, true);
    view.setUint32(p + 22, f.data.length, true);
    view.setUint16(p + 26, f.name.length, true);
    out.set(f.name, p + 30);
    out.set(f.data, p + 30 + f.name.length);
    p += 30 + f.name.length + f.data.length;
  });
  const dirStart = p;
  files.forEach((f, i) => {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x0800, true);
    view.setUint32(p + 16, crcs[i], true);
    view.setUint32(p + 20, f.data.length, true);
    view.setUint32(p + 24, f.data.length, true);
    view.setUint16(p + 28, f.name.length, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(f.name, p + 46);
    p += 46 + f.name.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, files.length, true);
  view.setUint16(p + 10, files.length, true);
  view.setUint32(p + 12, p - dirStart, true);
  view.setUint32(p + 16, dirStart, true);
  return out;
}
