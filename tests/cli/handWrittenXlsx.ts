/**
 * .xlsx files written the way other spreadsheet programs write them, not as exceljs does: XML laid
 * out by hand with shared strings, inline strings, shared formulas (one master formula, the other
 * cells pointing to it), cached values or none, zipped uncompressed. Only what a reader must handle.
 */
import { writeFileSync } from "fs";

export type HandCell =
  /** A number, with an optional style index (1 = £#,##0.00). */
  | { n: number; style?: number }
  /** Text stored in the shared string table. */
  | { s: string }
  /** Text stored inline in the cell. */
  | { inline: string }
  /** A formula with its cached value (omitted: saved without calculating). */
  | { f: string; v?: number; style?: number }
  /** The master of a shared formula over `ref`, and the cells that share it. */
  | { sharedMaster: string; ref: string; si: number; v?: number; style?: number }
  | { sharedChild: number; v?: number; style?: number };

export interface HandSheet {
  name: string;
  /** Cells by A1 address, written row by row in address order. */
  cells: Record<string, HandCell>;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive with every entry stored (no compression), which every .xlsx reader accepts. */
function storedZip(entries: Array<[string, string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, "utf8");
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function rowOf(address: string): number {
  return Number(/\d+$/.exec(address)![0]);
}

function colOf(address: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(address)![0]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function sheetXml(sheet: HandSheet, strings: string[]): string {
  const byRow = new Map<number, string[]>();
  const addresses = Object.keys(sheet.cells).sort(
    (a, b) => rowOf(a) - rowOf(b) || colOf(a) - colOf(b)
  );
  for (const at of addresses) {
    const cell = sheet.cells[at];
    const style = "style" in cell && cell.style ? ` s="${cell.style}"` : "";
    const v = "v" in cell && cell.v !== undefined ? `<v>${cell.v}</v>` : "";
    let xml: string;
    if ("n" in cell) xml = `<c r="${at}"${style}><v>${cell.n}</v></c>`;
    else if ("s" in cell) {
      let i = strings.indexOf(cell.s);
      if (i < 0) i = strings.push(cell.s) - 1;
      xml = `<c r="${at}" t="s"><v>${i}</v></c>`;
    } else if ("inline" in cell)
      xml = `<c r="${at}" t="inlineStr"><is><t>${escape(cell.inline)}</t></is></c>`;
    else if ("f" in cell) xml = `<c r="${at}"${style}><f>${escape(cell.f)}</f>${v}</c>`;
    else if ("sharedMaster" in cell)
      xml = `<c r="${at}"${style}><f t="shared" ref="${cell.ref}" si="${cell.si}">${escape(cell.sharedMaster)}</f>${v}</c>`;
    else xml = `<c r="${at}"${style}><f t="shared" si="${cell.sharedChild}"/>${v}</c>`;
    const r = rowOf(at);
    byRow.set(r, [...(byRow.get(r) ?? []), xml]);
  }
  const rows = [...byRow].map(([r, cells]) => `<row r="${r}">${cells.join("")}</row>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`
  );
}

/** Writes the sheets as an .xlsx file at `path`. */
export function writeHandXlsx(path: string, sheets: HandSheet[]): void {
  const strings: string[] = [];
  const sheetFiles = sheets.map((s) => sheetXml(s, strings));
  const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const entries: Array<[string, string]> = [
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
          )
          .join("") +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `</Types>`,
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets>` +
        sheets
          .map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join("") +
        `</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
          )
          .join("") +
        `<Relationship Id="rId${sheets.length + 1}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId${sheets.length + 2}" Type="${rel}/styles" Target="styles.xml"/>` +
        `</Relationships>`,
    ],
    ...sheetFiles.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
    [
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">` +
        strings.map((s) => `<si><t>${escape(s)}</t></si>`).join("") +
        `</sst>`,
    ],
    [
      "xl/styles.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${ns}">` +
        `<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0.00"/></numFmts>` +
        `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
        `<fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
        `<borders count="1"><border/></borders>` +
        `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
        `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
        `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
        `</styleSheet>`,
    ],
  ];
  writeFileSync(path, storedZip(entries));
}
