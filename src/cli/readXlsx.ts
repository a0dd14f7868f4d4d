/**
 * Reads an .xlsx file into the same WorkbookSnapshot the pane reads through Office.js: values as
 * Excel last showed them (cached formula results), formulas (shared formulas translated to each
 * cell), number formats, shared and inline strings, error values as their text, dates as the serial
 * numbers Excel stores.
 *
 * The file is streamed part by part (see zipArchive.ts and xmlStream.ts) and only cells that hold
 * something are kept, so memory follows the cells used, not the sheet's dimensions: a sheet with
 * one cell at A1 and one at Z1000000 costs two cells. A sheet whose content is separated by a long
 * empty stretch becomes several snapshot blocks with the same name and their own offsets, so the
 * checks never build the empty stretch either. Files that cannot be read, or that go beyond
 * READ_LIMITS, raise WorkbookReadError with one plain reason.
 */
import { promises as fs } from "fs";
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/workbook";
import { XmlAttributes, XmlFormatError, XmlScanner } from "./xmlStream";
import { ZIP_LIMITS, ZipArchive, ZipDamagedError, ZipEntry, ZipTooLargeError } from "./zipArchive";
import { shiftFormula } from "./sharedFormula";
import { SheetCells } from "./sheetCells";

export class WorkbookReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string
  ) {
    super(`${file}: ${reason}`);
    this.name = "WorkbookReadError";
  }
}

/** The documented limits (README "Command-line checks"), beyond which a file is refused plainly. */
export const READ_LIMITS = {
  ...ZIP_LIMITS,
  /** Cells the checks look at across the workbook: the used cells plus the gaps kept between them. */
  maxGridCells: 16_000_000,
  /** Empty rows after which a sheet's content is split into a separate block. */
  rowGapForNewBlock: 1000,
};

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];
/** OLE/CFB container: an encrypted .xlsx (Excel wraps it this way) or an old binary .xls. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

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

/** Excel's built-in number formats by id (the ones a file may use without writing them out). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/**
 * The copy of a string the snapshot keeps. Text read from the file is a slice of the chunk it came
 * in, and V8 keeps the whole chunk alive for as long as the slice lives; a copy lets the chunk go.
 * Repeated text (commissioner names, scheme types) is kept once.
 */
class StringKeeper {
  private readonly seen = new Map<string, string>();
  keep(text: string): string {
    if (text.length < 13) return text; // V8 copies short slices anyway
    const known = this.seen.get(text);
    if (known !== undefined) return known;
    const copy = ` ${text}`.slice(1);
    if (text.length <= 256 && this.seen.size < 200_000) this.seen.set(copy, copy);
    return copy;
  }
}

/** Strings in Office Open XML escape control characters as _xHHHH_. */
function unescapeOoxml(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/** Prefixes Excel writes before newer functions in the file but does not show in the formula bar. */
function displayFormula(stored: string): string {
  return `=${stored.replace(/_xl(?:fn|ws|pm)\./g, "")}`;
}

function isoDateToSerial(iso: string, date1904: boolean): number | undefined {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
  if (!Number.isFinite(t)) return undefined;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (t - epoch) / 86_400_000;
}

/** Relationship targets are relative to the part's folder; "/xl/..." is from the root. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The 0-based column of a cell reference ("AB12" → 27); -1 if it does not start with letters. */
function columnOfReference(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const ch = ref.charCodeAt(i) | 32; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  return i === 0 ? -1 : col - 1;
}

function attr(attrs: XmlAttributes, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  for (const key of Object.keys(attrs)) if (key.endsWith(`:${local}`)) return attrs[key];
  return undefined;
}

/** Parses a whole small part with a handler built by `make`. */
async function scanPart(
  zip: ZipArchive,
  entry: ZipEntry,
  handler: ConstructorParameters<typeof XmlScanner>[0]
): Promise<void> {
  const scanner = new XmlScanner(handler);
  await zip.readText(entry, (t) => scanner.write(t));
  scanner.end();
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

async function readRelationships(
  zip: ZipArchive,
  partName: string
): Promise<Map<string, Relationship>> {
  const slash = partName.lastIndexOf("/");
  const relsName = `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
  const rels = new Map<string, Relationship>();
  const entry = zip.entry(relsName);
  if (!entry) return rels;
  await scanPart(zip, entry, {
    open(name, attrs) {
      if (name !== "Relationship" || !attrs.Id) return;
      const external = attrs.TargetMode === "External";
      rels.set(attrs.Id, {
        type: attrs.Type ?? "",
        target: external ? (attrs.Target ?? "") : resolveTarget(partName, attrs.Target ?? ""),
        external,
      });
    },
    close() {},
    text() {},
  });
  return rels;
}

interface SheetEntry {
  name: string;
  part: string;
  hidden: boolean;
}

interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
  stringsPart?: string;
  stylesPart?: string;
}

async function readWorkbookPart(zip: ZipArchive, file: string): Promise<WorkbookPart> {
  let workbookName = "xl/workbook.xml";
  const rootRels = await readRelationships(zip, "");
  for (const rel of rootRels.values()) {
    if (rel.type.endsWith("/officeDocument")) workbookName = rel.target;
  }
  const entry = zip.entry(workbookName);
  if (!entry) {
    if (zip.entry("xl/workbook.bin")) {
      throw new WorkbookReadError(
        file,
        "a binary workbook (.xlsb): open it in Excel and save it as .xlsx"
      );
    }
    throw new WorkbookReadError(file, "not an Excel workbook (no workbook part found)");
  }
  const rels = await readRelationships(zip, workbookName);
  const declared: Array<{ name: string; id: string; hidden: boolean }> = [];
  let date1904 = false;
  await scanPart(zip, entry, {
    open(name, attrs) {
      if (name === "sheet") {
        const state = attrs.state ?? "visible";
        declared.push({
          name: attrs.name ?? "",
          id: attr(attrs, "id") ?? "",
          hidden: state === "hidden" || state === "veryHidden",
        });
      } else if (name === "workbookPr") {
        date1904 = attrs.date1904 === "1" || attrs.date1904 === "true";
      }
    },
    close() {},
    text() {},
  });
  const sheets: SheetEntry[] = [];
  for (const d of declared) {
    const rel = rels.get(d.id);
    // Chart sheets and dialog sheets have no cells to check.
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    sheets.push({ name: d.name, part: rel.target, hidden: d.hidden });
  }
  const part = (type: string) =>
    [...rels.values()].find((rel) => rel.type.endsWith(type) && !rel.external)?.target;
  return { sheets, date1904, stringsPart: part("/sharedStrings"), stylesPart: part("/styles") };
}

async function readSharedStrings(
  zip: ZipArchive,
  part: string | undefined,
  keeper: StringKeeper
): Promise<string[]> {
  const strings: string[] = [];
  const entry = part ? zip.entry(part) : undefined;
  if (!entry) return strings;
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  await scanPart(zip, entry, {
    open(name, _attrs, selfClosing) {
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && !selfClosing && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        strings.push(keeper.keep(unescapeOoxml((current ?? []).join(""))));
        current = undefined;
      }
    },
    text(t) {
      if (inText && current) current.push(t);
    },
  });
  return strings;
}

/** The number format of each cell style (`s` attribute) in styles.xml. */
async function readCellFormats(zip: ZipArchive, part: string | undefined): Promise<string[]> {
  const formats: string[] = [];
  const entry = part ? zip.entry(part) : undefined;
  if (!entry) return formats;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  await scanPart(zip, entry, {
    open(name, attrs) {
      if (name === "numFmt") custom.set(Number(attrs.numFmtId), attrs.formatCode ?? "General");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attrs.numFmtId ?? 0);
        formats.push(custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "General");
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return formats;
}

/** Counts cells kept across the whole workbook, refusing plainly before memory could run out. */
class CellBudget {
  used = 0;
  constructor(
    private readonly file: string,
    private readonly limit: number
  ) {}
  spend(n: number, sheet: string): void {
    this.used += n;
    if (this.used > this.limit) {
      throw new WorkbookReadError(
        this.file,
        `too large to check: past ${this.limit.toLocaleString("en-GB")} cells (reached on sheet "${sheet}")`
      );
    }
  }
}

interface SheetContext {
  file: string;
  name: string;
  strings: string[];
  date1904: boolean;
  budget: CellBudget;
  keeper: StringKeeper;
}

/** Streams one worksheet part into its non-empty cells, plus the merged areas listed after them. */
async function readSheetCells(
  zip: ZipArchive,
  entry: ZipEntry,
  ctx: SheetContext
): Promise<SheetCells> {
  const cells = new SheetCells();
  const shared = new Map<string, { formula: string; r: number; c: number }>();
  let inRow = false;
  let rowIndex = -1;
  let lastRow = -1;
  let lastCol = -1;
  // The cell being read.
  let cellCol = -1;
  let cellType = "n";
  let cellStyle = 0;
  let cellFormula: string | undefined;
  let sharedIndex: string | undefined;
  let sharedMaster = false;
  let valueText: string[] | undefined;
  let formulaText: string[] | undefined;
  let inlineText: string[] | undefined;
  let inCell = false;
  let inInline = false;
  let phonetic = 0;
  let collecting: string[] | undefined;

  const beyond = (what: string) =>
    new WorkbookReadError(ctx.file, `sheet "${ctx.name}" has a ${what} beyond Excel's last one`);

  const finishCell = () => {
    if (!inRow) return;
    const raw = valueText ? valueText.join("") : undefined;
    let formula: string | undefined;
    if (cellFormula !== undefined && cellFormula !== "") {
      formula = cellFormula;
      if (sharedIndex !== undefined && sharedMaster)
        shared.set(sharedIndex, { formula, r: rowIndex, c: cellCol });
    } else if (sharedIndex !== undefined) {
      const master = shared.get(sharedIndex);
      if (master) formula = shiftFormula(master.formula, rowIndex - master.r, cellCol - master.c);
    }
    let value: CellValue;
    if (cellType === "inlineStr") {
      value = ctx.keeper.keep(inlineText ? unescapeOoxml(inlineText.join("")) : (raw ?? ""));
    } else if (raw === undefined) {
      if (formula === undefined) return; // a formatted but empty cell
      value = "";
    } else if (cellType === "s") {
      value = ctx.strings[Number(raw)] ?? "";
    } else if (cellType === "str") {
      value = ctx.keeper.keep(unescapeOoxml(raw));
    } else if (cellType === "b") {
      value = raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    } else if (cellType === "e") {
      value = raw.trim();
    } else if (cellType === "d") {
      value = isoDateToSerial(raw.trim(), ctx.date1904) ?? raw;
    } else {
      const t = raw.trim();
      const n = t === "" ? NaN : Number(t);
      value = t === "" ? "" : Number.isFinite(n) ? n : ctx.keeper.keep(t);
    }
    if (value === "" && formula === undefined) return;
    ctx.budget.spend(1, ctx.name);
    cells.add(
      rowIndex,
      cellCol,
      cellStyle,
      value,
      formula === undefined ? value : ctx.keeper.keep(displayFormula(formula))
    );
  };

  const scanner = new XmlScanner({
    open(name, attrs, selfClosing) {
      if (inCell) {
        if (name === "f") {
          cellFormula = "";
          formulaText = selfClosing ? undefined : [];
          collecting = formulaText;
          if (attrs.t === "shared" && attrs.si !== undefined) {
            sharedIndex = attrs.si;
            sharedMaster = attrs.ref !== undefined;
          }
        } else if (name === "v") {
          valueText = [];
          collecting = selfClosing ? undefined : valueText;
        } else if (name === "is") {
          inInline = true;
          inlineText = [];
        } else if (name === "rPh") phonetic++;
        else if (name === "t" && inInline && phonetic === 0 && !selfClosing) {
          collecting = inlineText;
        }
        return;
      }
      if (name === "row") {
        const r = attrs.r !== undefined ? Number(attrs.r) - 1 : lastRow + 1;
        if (!Number.isInteger(r) || r < 0) throw beyond("row number");
        if (r > MAX_ROW) throw beyond("row");
        lastRow = rowIndex = r;
        lastCol = -1;
        inRow = !selfClosing;
      } else if (name === "c") {
        if (!inRow) return;
        const col = attrs.r !== undefined ? columnOfReference(attrs.r) : -1;
        cellCol = col >= 0 ? col : lastCol + 1;
        if (cellCol > MAX_COL) throw beyond("column");
        lastCol = cellCol;
        cellType = attrs.t ?? "n";
        cellStyle = attrs.s !== undefined ? Number(attrs.s) | 0 : 0;
        cellFormula = undefined;
        sharedIndex = undefined;
        sharedMaster = false;
        valueText = undefined;
        formulaText = undefined;
        inlineText = undefined;
        inInline = false;
        phonetic = 0;
        inCell = !selfClosing;
      } else if (name === "mergeCell" && attrs.ref) {
        cells.merges.push(attrs.ref);
      }
    },
    close(name) {
      if (inCell) {
        if (name === "c") {
          inCell = false;
          collecting = undefined;
          finishCell();
        } else if (name === "f") {
          if (formulaText) cellFormula = formulaText.join("");
          collecting = undefined;
        } else if (name === "v" || name === "t") collecting = undefined;
        else if (name === "rPh") phonetic--;
        else if (name === "is") inInline = false;
        return;
      }
      if (name === "row") inRow = false;
    },
    text(t) {
      if (collecting) collecting.push(t);
    },
  });
  await zip.readText(entry, (t) => scanner.write(t));
  scanner.end();
  return cells;
}

function plainReason(file: string, e: unknown): WorkbookReadError {
  if (e instanceof WorkbookReadError) return e;
  if (e instanceof ZipTooLargeError) {
    return new WorkbookReadError(
      file,
      `refused: ${e.message} (see bcf-check --help for the limits)`
    );
  }
  if (e instanceof ZipDamagedError || e instanceof XmlFormatError) {
    return new WorkbookReadError(
      file,
      `the file is damaged or incomplete (${e.message}); open it in Excel and save it again`
    );
  }
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM")
    return new WorkbookReadError(file, "permission denied");
  return new WorkbookReadError(file, `cannot be read (${(e as Error).message ?? String(e)})`);
}

export interface ReadOptions {
  limits?: typeof READ_LIMITS;
}

/** Reads an .xlsx file; throws WorkbookReadError naming the file and why it cannot be read. */
export async function readXlsxSnapshot(
  path: string,
  options: ReadOptions = {}
): Promise<WorkbookSnapshot> {
  const limits = options.limits ?? READ_LIMITS;
  await checkFile(path);
  let zip: ZipArchive | undefined;
  try {
    zip = await ZipArchive.open(path, limits);
    const workbook = await readWorkbookPart(zip, path);
    if (workbook.sheets.length === 0) {
      throw new WorkbookReadError(path, "not an Excel workbook (no worksheets found)");
    }
    const keeper = new StringKeeper();
    const strings = await readSharedStrings(zip, workbook.stringsPart, keeper);
    const formats = await readCellFormats(zip, workbook.stylesPart);
    const budget = new CellBudget(path, limits.maxGridCells);
    const sheets: SheetSnapshot[] = [];
    for (const sheet of workbook.sheets) {
      const entry = zip.entry(sheet.part);
      if (!entry) {
        throw new WorkbookReadError(
          path,
          `the file is damaged or incomplete (sheet "${sheet.name}" is missing)`
        );
      }
      const ctx: SheetContext = {
        file: path,
        name: sheet.name,
        strings,
        date1904: workbook.date1904,
        budget,
        keeper,
      };
      const cells = await readSheetCells(zip, entry, ctx);
      const blocks = cells.toBlocks(sheet.name, formats, limits.rowGapForNewBlock, (n) =>
        budget.spend(n, sheet.name)
      );
      for (const block of blocks) {
        if (sheet.hidden) block.hidden = true;
        sheets.push(block);
      }
    }
    return { sheets };
  } catch (e) {
    throw plainReason(path, e);
  } finally {
    await zip?.close();
  }
}
