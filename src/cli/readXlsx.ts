/**
 * Reads an .xlsx file into the same WorkbookSnapshot the pane reads through Office.js, with exceljs:
 * values as Excel last showed them (cached formula results), formulas (shared formulas translated to
 * each cell), number formats, rich text and hyperlinks as their text, dates as Excel serial numbers,
 * error values as their text. Files that cannot be read raise WorkbookReadError with one plain reason.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/workbook";

export class WorkbookReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string
  ) {
    super(`${file}: ${reason}`);
    this.name = "WorkbookReadError";
  }
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];
/** OLE/CFB container: an encrypted .xlsx (Excel wraps it this way) or an old binary .xls. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Past this many cells a sheet's grid would not fit in memory; a stray cell far away is the usual cause. */
const MAX_CELLS_PER_SHEET = 30_000_000;

async function checkFile(path: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new WorkbookReadError(path, "is a folder, not a workbook");
    if (stat.size === 0) throw new WorkbookReadError(path, "the file is empty");
    handle = await fs.open(path, "r");
    const head = Buffer.alloc(8);
    await handle.read(head, 0, 8, 0);
    if (startsWith(head, CFB_SIGNATURE)) {
      throw new WorkbookReadError(
        path,
        "password-protected or an old .xls: open it in Excel and save it as an unprotected .xlsx"
      );
    }
    if (!startsWith(head, ZIP_SIGNATURE) && !startsWith(head, EMPTY_ZIP_SIGNATURE)) {
      throw new WorkbookReadError(
        path,
        "not an .xlsx workbook (the file is not an Office Open XML zip)"
      );
    }
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookReadError(path, "file not found");
    if (code === "EACCES" || code === "EPERM")
      throw new WorkbookReadError(path, "permission denied");
    throw new WorkbookReadError(path, `cannot be opened (${(e as Error).message})`);
  } finally {
    await handle?.close();
  }
}

/** Excel's serial date (1900 system; 1904 if the workbook says so). */
function dateToSerial(date: Date, date1904: boolean): number {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (date.getTime() - epoch) / 86_400_000;
}

function errorText(v: unknown): string | undefined {
  if (v && typeof v === "object" && "error" in v) return String((v as { error: unknown }).error);
  return undefined;
}

function richTextOf(v: unknown): string | undefined {
  if (v && typeof v === "object" && "richText" in v) {
    const runs = (v as { richText: Array<{ text?: string }> }).richText;
    return runs.map((r) => r.text ?? "").join("");
  }
  return undefined;
}

/** A plain value (a constant, or a formula's cached result) as Office.js `Range.values` would give it. */
function plainValue(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  const err = errorText(v);
  if (err !== undefined) return err;
  const rich = richTextOf(v);
  if (rich !== undefined) return rich;
  if (typeof v === "object" && "text" in v) {
    const t = (v as { text: unknown }).text;
    return typeof t === "string" ? t : (richTextOf(t) ?? String(t ?? ""));
  }
  return String(v);
}

interface ReadCell {
  value: CellValue;
  formula: CellValue;
  format: string;
}

function readCell(cell: ExcelJS.Cell, date1904: boolean): ReadCell | undefined {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return undefined;
  const format = cell.numFmt || "General";
  if (cell.type === ExcelJS.ValueType.Merge) return undefined; // Office.js shows merged-over cells as blank
  if (typeof v === "object" && !(v instanceof Date) && ("formula" in v || "sharedFormula" in v)) {
    let formula = "";
    try {
      formula = cell.formula ?? "";
    } catch {
      formula = "";
    }
    // cell.result, not cell.value.result: exceljs's value copy drops falsy results (0, "", false).
    const result = cell.result as unknown;
    const value = plainValue(result, date1904);
    return { value, formula: formula ? `=${formula.replace(/^=/, "")}` : value, format };
  }
  const value = plainValue(v, date1904);
  return { value, formula: value, format };
}

function sheetSnapshot(ws: ExcelJS.Worksheet, date1904: boolean, file: string): SheetSnapshot {
  const cells: Array<{ r: number; c: number; cell: ReadCell }> = [];
  let minR = Infinity;
  let minC = Infinity;
  let maxR = -1;
  let maxC = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const read = readCell(cell, date1904);
      if (!read) return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      cells.push({ r, c, cell: read });
      if (r < minR) minR = r;
      if (c < minC) minC = c;
      if (r > maxR) maxR = r;
      if (c > maxC) maxC = c;
    });
  });
  if (cells.length === 0) {
    return {
      name: ws.name,
      rowOffset: 0,
      colOffset: 0,
      values: [],
      formulas: [],
      numberFormats: [],
    };
  }
  const height = maxR - minR + 1;
  const width = maxC - minC + 1;
  if (height * width > MAX_CELLS_PER_SHEET) {
    throw new WorkbookReadError(
      file,
      `sheet "${ws.name}" is too large to check (${height} rows × ${width} columns)`
    );
  }
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < height; r++) {
    values.push(new Array<CellValue>(width).fill(""));
    formulas.push(new Array<CellValue>(width).fill(""));
    numberFormats.push(new Array<string>(width).fill("General"));
  }
  for (const { r, c, cell } of cells) {
    values[r - minR][c - minC] = cell.value;
    formulas[r - minR][c - minC] = cell.formula;
    numberFormats[r - minR][c - minC] = cell.format;
  }
  return { name: ws.name, rowOffset: minR, colOffset: minC, values, formulas, numberFormats };
}

/** Reads an .xlsx file; throws WorkbookReadError naming the file and why it cannot be read. */
export async function readXlsxSnapshot(path: string): Promise<WorkbookSnapshot> {
  await checkFile(path);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    if (
      /zip|central directory|end of data|invalid|corrupt|signature|inflate|unexpected end/i.test(
        message
      )
    ) {
      throw new WorkbookReadError(
        path,
        "the file is damaged or incomplete (its zip archive cannot be read)"
      );
    }
    throw new WorkbookReadError(path, `not a readable .xlsx workbook (${message})`);
  }
  if (workbook.worksheets.length === 0) {
    throw new WorkbookReadError(path, "not an Excel workbook (no worksheets found)");
  }
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  const sheets = workbook.worksheets.map((ws) => sheetSnapshot(ws, date1904, path));
  return { sheets };
}
