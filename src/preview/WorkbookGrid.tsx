/**
 * The preview's picture of the in-memory workbook, drawn and worked like Excel: a name box and formula bar,
 * column letters and row numbers, cells shown under their number formats, sheet tabs below. A person can
 * select a cell and type a value or a formula (Enter, Tab, arrows, Delete, F2 and Escape as in Excel),
 * paste a block copied from a spreadsheet, and undo the last edits; the workbook recalculates at once, so a
 * check run afterwards sees the change. It redraws on every change to the workbook and follows
 * Range.select() and worksheet.activate(), so a finding clicked in the pane, or rows just inserted, show
 * here. An array result (BCF.RATE.CI's lower and upper) spills over the empty cells beside it.
 */
import * as React from "react";
import { Button, makeStyles, mergeClasses, Tab, TabList, tokens } from "@fluentui/react-components";
import { a1, columnLetters, parseA1, type CellValue } from "../core/workbook";
import type { CellInfo, MemoryWorkbook } from "../memory-excel";
import { formatCellValue } from "../memory-excel/numberFormat";
import { clipboardCell, entryFromTyping, parseClipboardTable, restoringEntry } from "./gridEditing";

/** Never draw more than this, however large a sheet grows: the preview is for looking, not for 100,000 rows. */
export const MAX_ROWS_SHOWN = 500;
export const MAX_COLUMNS_SHOWN = 40;
/** A paste larger than this is refused: the preview would stall drawing it. */
export const MAX_PASTE_CELLS = 20000;
/** Edits kept for undo (Ctrl+Z), most recent last. */
export const UNDO_DEPTH = 50;
const MIN_ROWS = 30;
const MIN_COLUMNS = 10;
const POINTS_TO_PIXELS = 4 / 3;
const EXCEL_GREEN = "#107c41";
const SPILL_BLUE = "#4472c4";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  formulaBar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase300,
    minWidth: 0,
  },
  nameBox: {
    flexShrink: 0,
    minWidth: "56px",
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontFamily: tokens.fontFamilyMonospace,
  },
  fx: { fontStyle: "italic", color: tokens.colorNeutralForeground2 },
  // One line, as Excel's collapsed formula bar: a long formula is cut off, never wrapped a letter a line.
  formula: {
    flexGrow: 1,
    flexBasis: 0,
    minWidth: 0,
    minHeight: "1.4em",
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontFamily: tokens.fontFamilyMonospace,
    whiteSpace: "pre",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  // A spilled cell's formula belongs to the cell it spills from: Excel shows it greyed.
  ghost: { color: tokens.colorNeutralForeground4 },
  problem: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
    color: tokens.colorStatusDangerForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    fontSize: tokens.fontSizeBase200,
  },
  scroller: {
    flexGrow: 1,
    overflow: "auto",
    minHeight: 0,
    position: "relative",
  },
  table: {
    backgroundColor: "#ffffff",
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: '"Calibri", "Carlito", "Segoe UI", system-ui, sans-serif',
    fontSize: "14px",
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  heading: {
    position: "sticky",
    backgroundColor: "#f3f2f1",
    color: "#323130",
    fontWeight: tokens.fontWeightRegular,
    fontSize: "12px",
    textAlign: "center",
    borderRight: "1px solid #d1d1d1",
    borderBottom: "1px solid #d1d1d1",
    zIndex: 1,
  },
  columnHeading: { top: 0, height: "22px" },
  rowHeading: { left: 0, width: "44px" },
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 2,
    backgroundColor: "#f3f2f1",
    borderRight: "1px solid #d1d1d1",
    borderBottom: "1px solid #d1d1d1",
  },
  headingSelected: {
    backgroundColor: "#d2e9dd",
    color: "#0e5c2f",
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    height: "22px",
    padding: "0 4px",
    borderRight: "1px solid #e1e1e1",
    borderBottom: "1px solid #e1e1e1",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
    color: "#000000",
  },
  // Text runs on over empty cells to its right, as in Excel.
  overflow: {
    overflow: "visible",
    textOverflow: "clip",
    position: "relative",
    zIndex: 0,
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  error: { textAlign: "center" },
  bold: { fontWeight: tokens.fontWeightBold },
  inRange: { backgroundColor: "#e3f1e9" },
  spilled: { boxShadow: `inset 0 0 0 1px ${SPILL_BLUE}` },
  selected: {
    outline: `2px solid ${EXCEL_GREEN}`,
    outlineOffset: "-2px",
    backgroundColor: "#f2faf5",
  },
  editing: { padding: 0, overflow: "visible", position: "relative", zIndex: 3 },
  editor: {
    boxSizing: "border-box",
    width: "100%",
    minWidth: "100%",
    height: "22px",
    margin: 0,
    padding: "0 3px",
    border: `2px solid ${EXCEL_GREEN}`,
    outline: "none",
    font: "inherit",
    backgroundColor: "#ffffff",
    color: "#000000",
  },
  tabs: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowX: "auto",
  },
  more: {
    padding: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

/**
 * A cell of the in-memory workbook, read directly (no request context, nothing to load or sync); a plain
 * function so the Office.js lint rules, which know getCell as a proxy method, leave these reads alone.
 */
function cellOf(workbook: MemoryWorkbook, sheet: string, address: string): CellInfo {
  return workbook.getCell(sheet, address);
}

/** A DOM id for a cell of a sheet (sheet names may hold spaces and punctuation). */
export function cellElementId(sheetIndex: number, address: string): string {
  return `preview-cell-${sheetIndex}-${address}`;
}

interface CellPosition {
  row: number;
  col: number;
}

interface Box extends CellPosition {
  lastRow: number;
  lastCol: number;
}

function boxOf(address: string): Box {
  const [first, last] = address.split(":");
  const start = parseA1(first) ?? { row: 0, col: 0 };
  const end = (last && parseA1(last)) || start;
  return { ...start, lastRow: end.row, lastCol: end.col };
}

function isErrorText(value: CellValue): boolean {
  return (
    typeof value === "string" &&
    /^#(NAME\?|VALUE!|REF!|DIV\/0!|NUM!|N\/A|NULL!|SPILL!|CALC!|BUSY!)$/.test(value)
  );
}

/** One undoable edit: the cells a typed entry, a Delete or a paste changed, as they were before. */
interface Edit {
  sheet: string;
  topLeft: string;
  before: Array<Array<CellValue | null>>;
}

/** "enter": typing over a cell (arrows finish the entry); "edit": F2 or a double-click (arrows move the caret). */
interface Editing {
  text: string;
  mode: "enter" | "edit";
}

interface Spilled {
  value: CellValue;
  numberFormat: string;
  /** The formula cell it spills from. */
  from: string;
}

/** Where each array result lands on a sheet; an anchor whose spill area is not empty shows #SPILL!. */
function spillLayout(
  workbook: MemoryWorkbook,
  sheet: string
): { cells: Map<string, Spilled>; blocked: Set<string>; lastRow: number; lastCol: number } {
  const cells = new Map<string, Spilled>();
  const blocked = new Set<string>();
  let lastRow = -1;
  let lastCol = -1;
  for (const spill of workbook.spills(sheet)) {
    const anchor = a1(spill.row, spill.col);
    const format = cellOf(workbook, sheet, anchor).numberFormat;
    const targets: Array<[string, CellValue]> = [];
    let clear = true;
    spill.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (r === 0 && c === 0) return;
        const address = a1(spill.row + r, spill.col + c);
        if (cellOf(workbook, sheet, address).formula !== "" || cells.has(address)) clear = false;
        targets.push([address, value]);
      })
    );
    if (!clear) {
      blocked.add(anchor);
      continue;
    }
    for (const [address, value] of targets) {
      const own = cellOf(workbook, sheet, address).numberFormat;
      cells.set(address, {
        value,
        numberFormat: own === "General" ? format : own,
        from: anchor,
      });
    }
    lastRow = Math.max(lastRow, spill.row + spill.values.length - 1);
    lastCol = Math.max(lastCol, spill.col + (spill.values[0]?.length ?? 1) - 1);
  }
  return { cells, blocked, lastRow, lastCol };
}

/** Excel's words for a formula it cannot read, with what the workbook said. */
function formulaProblem(text: string, error: unknown): string {
  const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
  return text.startsWith("=")
    ? `There's a problem with this formula, so the cell was not changed${detail}. Check the brackets, commas and names, or start with an apostrophe to type it as text.`
    : `That entry could not be written${detail}.`;
}

export interface WorkbookGridProps {
  workbook: MemoryWorkbook;
}

export function WorkbookGrid({ workbook }: WorkbookGridProps): React.JSX.Element {
  const styles = useStyles();
  const [, setVersion] = React.useState(0);
  const [sheet, setSheet] = React.useState(() => workbook.activeSheet);
  const [selected, setSelected] = React.useState<CellPosition>(() => {
    const s = workbook.selection;
    return s && s.sheet === workbook.activeSheet ? boxOf(s.address) : { row: 0, col: 0 };
  });
  // A range selected by the pane (rows just inserted): shaded, with its top-left cell active.
  const [range, setRange] = React.useState<Box | undefined>(() => {
    const s = workbook.selection;
    return s && s.sheet === workbook.activeSheet ? boxOf(s.address) : undefined;
  });
  const [editing, setEditingState] = React.useState<Editing>();
  // Mirrors `editing` for handlers that run before React re-renders (a blur caused by a commit).
  const editingRef = React.useRef<Editing | undefined>(undefined);
  const setEditing = (next: Editing | undefined) => {
    editingRef.current = next;
    setEditingState(next);
  };
  const [undoStack, setUndoStack] = React.useState<Edit[]>([]);
  const [problem, setProblem] = React.useState<string>();
  const [announcement, setAnnouncement] = React.useState("");
  // The column a run of Tab-finished entries began in: Enter then goes back to it on the next row, as in Excel.
  const tabStart = React.useRef<number | undefined>(undefined);
  const seen = React.useRef({
    active: workbook.activeSheet,
    selection: JSON.stringify(workbook.selection ?? null),
  });
  const scrollerRef = React.useRef<HTMLDivElement>(null);
  const tableRef = React.useRef<HTMLTableElement>(null);
  const editorRef = React.useRef<HTMLInputElement>(null);

  // Follow the workbook as the pane changes it: a new active sheet, a new selection (a finding clicked).
  React.useEffect(
    () =>
      workbook.onChange(() => {
        setVersion((v) => v + 1);
        const selection = workbook.selection;
        const selectionKey = JSON.stringify(selection ?? null);
        if (selection && selectionKey !== seen.current.selection) {
          const box = boxOf(selection.address);
          setSheet(selection.sheet);
          setSelected({ row: box.row, col: box.col });
          setRange(box.lastRow > box.row || box.lastCol > box.col ? box : undefined);
          setEditing(undefined);
        } else if (workbook.activeSheet !== seen.current.active) {
          setSheet(workbook.activeSheet);
          setSelected({ row: 0, col: 0 });
          setRange(undefined);
          setEditing(undefined);
        }
        seen.current = {
          active: workbook.activeSheet,
          selection: selectionKey,
        };
      }),
    [workbook]
  );

  const names = workbook.sheetNames();
  // A sheet taken away (an insert undone) leaves the grid on the workbook's active sheet.
  const shown = names.includes(sheet) ? sheet : workbook.activeSheet;
  const sheetIndex = names.indexOf(shown);
  const used = workbook.usedRange(shown, false);
  const spills = spillLayout(workbook, shown);
  const lastRow = Math.max(used ? used.rowIndex + used.values.length - 1 : -1, spills.lastRow);
  const lastCol = Math.max(
    used ? used.columnIndex + (used.values[0]?.length ?? 0) - 1 : -1,
    spills.lastCol
  );
  const rowCount = Math.min(MAX_ROWS_SHOWN, Math.max(MIN_ROWS, lastRow + 4, selected.row + 1));
  const columnCount = Math.min(
    MAX_COLUMNS_SHOWN,
    Math.max(MIN_COLUMNS, lastCol + 2, selected.col + 1)
  );
  const selectedAddress = a1(selected.row, selected.col);
  const selectedCell = cellOf(workbook, shown, selectedAddress);
  const selectedSpill = spills.cells.get(selectedAddress);
  const formulaText = editing
    ? editing.text
    : selectedSpill
      ? String(cellOf(workbook, shown, selectedSpill.from).formula)
      : selectedCell.formula === ""
        ? ""
        : String(selectedCell.formula);

  React.useEffect(() => {
    const el = scrollerRef.current?.ownerDocument.getElementById(
      cellElementId(sheetIndex, selectedAddress)
    );
    if (el && typeof el.scrollIntoView === "function")
      el.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [sheetIndex, selectedAddress]);

  // What is selected here is Excel's selection, so the pane (getSelectedRange, the active sheet) sees it too.
  const selectionAddress = range
    ? `${a1(range.row, range.col)}:${a1(range.lastRow, range.lastCol)}`
    : selectedAddress;
  React.useEffect(() => {
    if (!workbook.sheetNames().includes(shown)) return;
    workbook.select(shown, selectionAddress);
    seen.current = {
      active: workbook.activeSheet,
      selection: JSON.stringify(workbook.selection ?? null),
    };
  }, [workbook, shown, selectionAddress]);

  // The editor takes the keyboard as it opens, with the caret after what is already there.
  React.useEffect(() => {
    if (!editing) return;
    const input = editorRef.current;
    if (input && input.ownerDocument.activeElement !== input) {
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    }
  }, [editing]);

  const clamp = (row: number, col: number): CellPosition => ({
    row: Math.max(0, Math.min(MAX_ROWS_SHOWN - 1, row)),
    col: Math.max(0, Math.min(MAX_COLUMNS_SHOWN - 1, col)),
  });
  const move = (row: number, col: number) => {
    setSelected(clamp(row, col));
    setRange(undefined);
  };

  /** Writes a block of entries, keeping what was there for undo; false (nothing changed) if refused. */
  const write = (topLeft: CellPosition, rows: Array<Array<CellValue | null>>): boolean => {
    const before = rows.map((line, r) =>
      line.map((_, c) => {
        const info = cellOf(workbook, shown, a1(topLeft.row + r, topLeft.col + c));
        return restoringEntry(info.formula, info.numberFormat);
      })
    );
    const address = a1(topLeft.row, topLeft.col);
    try {
      workbook.setCells(shown, address, rows);
    } catch (error) {
      // Cells written before the refused one are put back: an edit happens whole or not at all.
      try {
        workbook.setCells(shown, address, before);
      } catch {
        // What was there was readable before, so it is writable again; nothing more to do.
      }
      setProblem(formulaProblem(String(rows.flat().find((e) => e !== null) ?? ""), error));
      return false;
    }
    setProblem(undefined);
    setUndoStack((stack) =>
      [...stack, { sheet: shown, topLeft: address, before }].slice(-UNDO_DEPTH)
    );
    return true;
  };

  const focusGrid = () => tableRef.current?.focus();

  /** Finishes the entry being typed and moves by (rows, cols); stays in the editor if Excel would refuse it. */
  const commit = (rows: number, cols: number) => {
    const current = editingRef.current;
    if (!current) return;
    const entry = entryFromTyping(current.text);
    const before = cellOf(workbook, shown, selectedAddress).formula;
    const unchanged = entry === null ? before === "" : before === entry;
    if (!unchanged && !write(selected, [[entry]])) return;
    setEditing(undefined);
    if (rows !== 0 || cols !== 0) move(selected.row + rows, selected.col + cols);
    focusGrid();
  };

  const cancel = () => {
    setEditing(undefined);
    setProblem(undefined);
    focusGrid();
  };

  const undo = () => {
    const last = undoStack[undoStack.length - 1];
    if (!last || !workbook.sheetNames().includes(last.sheet)) {
      setUndoStack([]);
      return;
    }
    setEditing(undefined);
    workbook.setCells(last.sheet, last.topLeft, last.before);
    setUndoStack((stack) => stack.slice(0, -1));
    setSheet(last.sheet);
    const box = boxOf(last.topLeft);
    move(box.row, box.col);
    setProblem(undefined);
    setAnnouncement(`Undone: ${last.sheet}!${last.topLeft} is back as it was.`);
  };

  const startEditing = (text: string, mode: Editing["mode"]) => {
    setProblem(undefined);
    setEditing({ text, mode });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTableElement>) => {
    if (editingRef.current) return;
    const steps: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const step = steps[event.key];
    const command = event.ctrlKey || event.metaKey;
    if (step) {
      event.preventDefault();
      tabStart.current = undefined;
      move(selected.row + step[0], selected.col + step[1]);
    } else if (event.key === "Home") {
      event.preventDefault();
      move(command ? 0 : selected.row, 0);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const col = tabStart.current ?? selected.col;
      tabStart.current = undefined;
      move(selected.row + (event.shiftKey ? -1 : 1), event.shiftKey ? selected.col : col);
    } else if (event.key === "F2") {
      event.preventDefault();
      startEditing(formulaText, "edit");
    } else if (event.key === "Delete") {
      event.preventDefault();
      if (selectedCell.formula !== "") write(selected, [[null]]);
    } else if (event.key === "Backspace") {
      // Excel empties the cell and starts an entry; the cell changes only when the entry is finished.
      event.preventDefault();
      startEditing("", "enter");
    } else if (command && event.key.toLowerCase() === "z") {
      event.preventDefault();
      undo();
    } else if (event.key.length === 1 && !command && !event.altKey) {
      // Typing over a cell replaces what it held, as in Excel.
      event.preventDefault();
      startEditing(event.key, "enter");
    }
  };

  const onEditorKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    const current = editingRef.current;
    if (!current) return;
    const arrows: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (event.key === "Enter") {
      event.preventDefault();
      const back = tabStart.current;
      tabStart.current = undefined;
      if (event.shiftKey) commit(-1, 0);
      else commit(1, back === undefined ? 0 : back - selected.col);
    } else if (event.key === "Tab") {
      event.preventDefault();
      if (!event.shiftKey && tabStart.current === undefined) tabStart.current = selected.col;
      commit(0, event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    } else if (event.key === "F2") {
      event.preventDefault();
      setEditing({ ...current, mode: current.mode === "enter" ? "edit" : "enter" });
    } else if (arrows[event.key] && current.mode === "enter" && !current.text.startsWith("=")) {
      // Typing over a cell, an arrow finishes the entry and moves on (a formula keeps the arrows for its caret).
      event.preventDefault();
      tabStart.current = undefined;
      commit(...arrows[event.key]);
    }
  };

  const onPaste = (event: React.ClipboardEvent<HTMLTableElement>) => {
    if (editingRef.current) return;
    const text = event.clipboardData.getData("text/plain");
    if (!text) return;
    event.preventDefault();
    const block = parseClipboardTable(text);
    const width = block.reduce((w, line) => Math.max(w, line.length), 0);
    if (block.length * width > MAX_PASTE_CELLS) {
      setProblem(
        `That block has ${block.length * width} cells; the preview takes up to ${MAX_PASTE_CELLS} at a time.`
      );
      return;
    }
    // Ragged lines are padded; an empty cell in the block empties the cell it lands on, as in Excel.
    const rows = block.map((line) =>
      Array.from({ length: width }, (_, c) => entryFromTyping(line[c] ?? ""))
    );
    if (rows.length === 0 || width === 0) return;
    if (write(selected, rows)) {
      const end = a1(selected.row + rows.length - 1, selected.col + width - 1);
      setRange(
        rows.length > 1 || width > 1
          ? {
              ...selected,
              lastRow: selected.row + rows.length - 1,
              lastCol: selected.col + width - 1,
            }
          : undefined
      );
      setAnnouncement(`Pasted into ${selectedAddress}:${end}.`);
    }
  };

  const onCopy = (event: React.ClipboardEvent<HTMLTableElement>) => {
    if (editingRef.current) return;
    event.preventDefault();
    const box = range ?? { ...selected, lastRow: selected.row, lastCol: selected.col };
    const lines: string[] = [];
    for (let r = box.row; r <= box.lastRow; r++) {
      const cells: string[] = [];
      for (let c = box.col; c <= box.lastCol; c++)
        cells.push(clipboardCell(cellOf(workbook, shown, a1(r, c)).text));
      lines.push(cells.join("\t"));
    }
    event.clipboardData.setData("text/plain", `${lines.join("\r\n")}\r\n`);
  };

  const isEmptyAt = (r: number, c: number) =>
    (r > lastRow || c > lastCol || cellOf(workbook, shown, a1(r, c)).value === "") &&
    !spills.cells.has(a1(r, c));

  const widths = Array.from({ length: columnCount }, (_, c) =>
    Math.round(Math.min(420, Math.max(24, workbook.columnWidth(shown, c) * POINTS_TO_PIXELS)))
  );
  const tableWidth = 44 + widths.reduce((a, b) => a + b, 0);
  const inRange = (r: number, c: number) =>
    range !== undefined &&
    r >= range.row &&
    r <= range.lastRow &&
    c >= range.col &&
    c <= range.lastCol;
  const helpId = `${cellElementId(sheetIndex, "help")}`;

  return (
    <div className={styles.root}>
      <div className={styles.formulaBar}>
        <span
          className={styles.nameBox}
          aria-label="Selected cell"
          role="status"
          data-testid="name-box"
        >
          {selectionAddress}
        </span>
        <span className={styles.fx} aria-hidden="true">
          fx
        </span>
        <output
          className={mergeClasses(styles.formula, selectedSpill && !editing && styles.ghost)}
          aria-label="Formula bar"
          data-testid="formula-bar"
          title={formulaText.length > 30 ? formulaText : undefined}
        >
          {formulaText}
        </output>
        <Button
          size="small"
          appearance="subtle"
          disabled={undoStack.length === 0}
          onClick={undo}
          title="Undo the last change typed or pasted in the grid (Ctrl+Z)"
        >
          Undo edit
        </Button>
      </div>
      {problem ? (
        <div className={styles.problem} role="alert" data-testid="grid-problem">
          {problem}
        </div>
      ) : null}
      <span className={styles.visuallyHidden} id={helpId}>
        Type to replace a cell, F2 to edit it, Enter or Tab to finish, Escape to cancel, Delete to
        empty it, Ctrl+V to paste a block, Ctrl+Z to undo.
      </span>
      <span className={styles.visuallyHidden} role="status">
        {announcement}
      </span>
      <div className={styles.scroller} ref={scrollerRef}>
        <table
          ref={tableRef}
          className={styles.table}
          style={{ width: `${tableWidth}px` }}
          role="grid"
          aria-label={`Sheet ${shown}`}
          aria-describedby={helpId}
          aria-rowcount={rowCount + 1}
          aria-colcount={columnCount + 1}
          tabIndex={0}
          aria-activedescendant={editing ? undefined : cellElementId(sheetIndex, selectedAddress)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onCopy={onCopy}
          data-sheet={shown}
        >
          <colgroup>
            <col style={{ width: "44px" }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: `${w}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <td className={styles.corner} />
              {widths.map((_, c) => (
                <th
                  key={c}
                  scope="col"
                  className={mergeClasses(
                    styles.heading,
                    styles.columnHeading,
                    c === selected.col && styles.headingSelected
                  )}
                >
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rowCount }, (_, r) => (
              <tr key={r}>
                <th
                  scope="row"
                  className={mergeClasses(
                    styles.heading,
                    styles.rowHeading,
                    r === selected.row && styles.headingSelected
                  )}
                >
                  {r + 1}
                </th>
                {widths.map((_, c) => {
                  const address = a1(r, c);
                  const isSelected = r === selected.row && c === selected.col;
                  if (isSelected && editing) {
                    return (
                      <td
                        key={c}
                        id={cellElementId(sheetIndex, address)}
                        data-cell={address}
                        aria-selected={true}
                        className={mergeClasses(styles.cell, styles.editing)}
                      >
                        <input
                          ref={editorRef}
                          className={styles.editor}
                          aria-label={`Edit ${address}`}
                          data-testid="cell-editor"
                          value={editing.text}
                          spellCheck={false}
                          onChange={(e) => setEditing({ ...editing, text: e.currentTarget.value })}
                          onKeyDown={onEditorKeyDown}
                          onBlur={() => {
                            // Clicking elsewhere finishes the entry where it was typed.
                            if (editingRef.current) commit(0, 0);
                          }}
                        />
                      </td>
                    );
                  }
                  const inUsed = r <= lastRow && c <= lastCol;
                  const info = inUsed ? cellOf(workbook, shown, address) : undefined;
                  const spilled = spills.cells.get(address);
                  const value: CellValue | undefined = spills.blocked.has(address)
                    ? "#SPILL!"
                    : spilled
                      ? spilled.value
                      : info?.value;
                  const format = spilled ? spilled.numberFormat : (info?.numberFormat ?? "General");
                  // A cell's own text is exactly what Range.text gives (one renderer for the grid and the workbook).
                  const text =
                    value === undefined
                      ? ""
                      : spilled || spills.blocked.has(address)
                        ? formatCellValue(value, format)
                        : (info?.text ?? "");
                  const runsOn =
                    typeof value === "string" &&
                    text !== "" &&
                    !isErrorText(value) &&
                    isEmptyAt(r, c + 1);
                  return (
                    <td
                      key={c}
                      id={cellElementId(sheetIndex, address)}
                      data-cell={address}
                      data-spilled-from={spilled?.from}
                      aria-selected={isSelected}
                      title={
                        spilled
                          ? `Spilled from ${spilled.from}`
                          : text.length > 12
                            ? text
                            : undefined
                      }
                      className={mergeClasses(
                        styles.cell,
                        typeof value === "number" && styles.number,
                        value !== undefined && isErrorText(value) && styles.error,
                        info?.bold && styles.bold,
                        runsOn && styles.overflow,
                        inRange(r, c) && styles.inRange,
                        spilled && styles.spilled,
                        isSelected && styles.selected
                      )}
                      onClick={() => {
                        tabStart.current = undefined;
                        setSelected({ row: r, col: c });
                        setRange(undefined);
                      }}
                      onDoubleClick={() => {
                        setSelected({ row: r, col: c });
                        setRange(undefined);
                        startEditing(
                          info && info.formula !== "" ? String(info.formula) : "",
                          "edit"
                        );
                      }}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {lastRow >= MAX_ROWS_SHOWN ? (
          <p
            className={styles.more}
          >{`The preview shows the first ${MAX_ROWS_SHOWN} rows of this sheet.`}</p>
        ) : null}
      </div>
      <TabList
        className={styles.tabs}
        size="small"
        aria-label="Sheets"
        selectedValue={shown}
        onTabSelect={(_, data) => {
          setEditing(undefined);
          setSheet(String(data.value));
          setSelected({ row: 0, col: 0 });
          setRange(undefined);
        }}
      >
        {/* Hidden sheets (the add-in's drop-down lists) stay hidden, as Excel shows them. */}
        {names
          .filter((name) => name === shown || workbook.sheetVisibility(name) === "Visible")
          .map((name) => (
            <Tab key={name} value={name}>
              {name}
            </Tab>
          ))}
      </TabList>
    </div>
  );
}
