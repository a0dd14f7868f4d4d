/**
 * Writes .xlsx files part by part, XML as given, for the reader's edge cases that exceljs will not
 * write: rows without the optional `r` attribute, cells far apart, inflated sizes that lie, hidden
 * sheets. A minimal zip writer (deflate or store) with its own CRC-32.
 */
import { writeFileSync } from "fs";
import { deflateRawSync } from "zlib";
import { CellValue, WorkbookSnapshot, a1, isExcelError } from "../../src/core/workbook";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** Write this as the inflated size in the headers instead of the real one (a lying archive). */
  claimedSize?: number;
}

export function zipParts(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, "utf8");
    const packed = deflateRawSync(data, { level: 9 });
    const name = Buffer.from(part.name, "utf8");
    const size = part.claimedSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export interface RawSheet {
  name: string;
  /** The <sheetData> content (rows), or a whole worksheet part when it starts with "<?xml". */
  sheetData: string | Buffer;
  state?: "hidden" | "veryHidden";
  claimedSize?: number;
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/** The parts of a minimal workbook: the given sheets, optional shared strings and styles. */
export function workbookParts(
  sheets: RawSheet[],
  extra: { sharedStrings?: string[]; numFmts?: string[] } = {}
): ZipPart[] {
  const parts: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>` +
        sheets
          .map(
            (s, i) =>
              `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`
          )
          .join("") +
        `</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
          )
          .join("") +
        `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>` +
        `</Relationships>`,
    },
  ];
  sheets.forEach((s, i) => {
    const whole =
      typeof s.sheetData === "string" && s.sheetData.startsWith("<?xml")
        ? s.sheetData
        : Buffer.isBuffer(s.sheetData)
          ? s.sheetData
          : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${s.sheetData}</sheetData></worksheet>`;
    parts.push({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: whole,
      claimedSize: s.claimedSize,
    });
  });
  if (extra.sharedStrings) {
    parts.push({
      name: "xl/sharedStrings.xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">` +
        extra.sharedStrings.map((t) => `<si><t>${escapeXml(t)}</t></si>`).join("") +
        `</sst>`,
    });
  }
  const fmts = extra.numFmts ?? [];
  parts.push({
    name: "xl/styles.xml",
    data:
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}">` +
      (fmts.length
        ? `<numFmts>${fmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`).join("")}</numFmts>`
        : "") +
      `<cellXfs><xf numFmtId="0"/>${fmts.map((_, i) => `<xf numFmtId="${164 + i}"/>`).join("")}</cellXfs></styleSheet>`,
  });
  return parts;
}

export function writeRawXlsx(
  path: string,
  sheets: RawSheet[],
  extra?: { sharedStrings?: string[]; numFmts?: string[] }
): void {
  writeFileSync(path, zipParts(workbookParts(sheets, extra)));
}

function cellXml(ref: string, value: CellValue, formula: CellValue, style: number): string {
  const s = style ? ` s="${style}"` : "";
  const f =
    typeof formula === "string" && formula.startsWith("=")
      ? `<f>${escapeXml(formula.slice(1))}</f>`
      : "";
  if (typeof value === "number") return `<c r="${ref}"${s}>${f}<v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
  if (isExcelError(value)) return `<c r="${ref}"${s} t="e">${f}<v>${value}</v></c>`;
  if (f) return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(value)}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
}

/**
 * A snapshot written as Excel would store it (formulas with cached results, number formats), fast
 * enough for hundreds of thousands of rows, where exceljs's writer would take minutes.
 */
export function writeSnapshotRawXlsx(snapshot: WorkbookSnapshot, path: string): void {
  const formats: string[] = [];
  const styleOf = (format: string) => {
    if (format === "General") return 0;
    let i = formats.indexOf(format);
    if (i < 0) i = formats.push(format) - 1;
    return i + 1;
  };
  const sheets: RawSheet[] = snapshot.sheets.map((sheet) => {
    const rows: string[] = [];
    sheet.values.forEach((row, r) => {
      const cells: string[] = [];
      row.forEach((value, c) => {
        const formula = sheet.formulas[r]?.[c] ?? "";
        if (value === "" && formula === "") return;
        const ref = a1(sheet.rowOffset + r, sheet.colOffset + c);
        cells.push(cellXml(ref, value, formula, styleOf(sheet.numberFormats[r]?.[c] ?? "General")));
      });
      if (cells.length) rows.push(`<row r="${sheet.rowOffset + r + 1}">${cells.join("")}</row>`);
    });
    return {
      name: sheet.name,
      sheetData: rows.join(""),
      state: sheet.hidden ? "hidden" : undefined,
    };
  });
  writeRawXlsx(path, sheets, { numFmts: formats });
}
