/**
 * The preview's picture of the in-memory workbook, drawn like Excel: a name box and formula bar, column
 * letters and row numbers, cells shown under their number formats, the selected cell outlined, sheet tabs
 * below. It redraws on every change to the workbook and follows Range.select() and worksheet.activate(), so
 * a finding clicked in the pane shows its cell here.
 */
import * as React from "react";
import { makeStyles, mergeClasses, Tab, TabList, tokens } from "@fluentui/react-components";
import { a1, columnLetters, parseA1, type CellValue } from "../core/workbook";
import type { MemoryWorkbook } from "../memory-excel";

/** Never draw more than this, however large a sheet grows: the preview is for looking, not for 100,000 rows. */
export const MAX_ROWS_SHOWN = 500;
export const MAX_COLUMNS_SHOWN = 40;
const MIN_ROWS = 30;
const MIN_COLUMNS = 10;
const POINTS_TO_PIXELS = 4 / 3;
const EXCEL_GREEN = "#107c41";

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
  },
  nameBox: {
    minWidth: "110px",
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontFamily: tokens.fontFamilyMonospace,
  },
  fx: { fontStyle: "italic", color: tokens.colorNeutralForeground2 },
  formula: {
    flexGrow: 1,
    minHeight: "1.4em",
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontFamily: tokens.fontFamilyMonospace,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
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
  selected: {
    outline: `2px solid ${EXCEL_GREEN}`,
    outlineOffset: "-2px",
    backgroundColor: "#f2faf5",
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
});

/** A DOM id for a cell of a sheet (sheet names may hold spaces and punctuation). */
export function cellElementId(sheetIndex: number, address: string): string {
  return `preview-cell-${sheetIndex}-${address}`;
}

interface CellPosition {
  row: number;
  col: number;
}

function topLeftOf(address: string): CellPosition {
  return parseA1(address.split(":")[0]) ?? { row: 0, col: 0 };
}

function isErrorText(value: CellValue): boolean {
  return (
    typeof value === "string" &&
    /^#(NAME\?|VALUE!|REF!|DIV\/0!|NUM!|N\/A|NULL!|SPILL!|CALC!|BUSY!)$/.test(value)
  );
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
    return s && s.sheet === workbook.activeSheet ? topLeftOf(s.address) : { row: 0, col: 0 };
  });
  const seen = React.useRef({
    active: workbook.activeSheet,
    selection: JSON.stringify(workbook.selection ?? null),
  });
  const scrollerRef = React.useRef<HTMLDivElement>(null);

  // Follow the workbook as the pane changes it: a new active sheet, a new selection (a finding clicked).
  React.useEffect(
    () =>
      workbook.onChange(() => {
        setVersion((v) => v + 1);
        const selection = workbook.selection;
        const selectionKey = JSON.stringify(selection ?? null);
        if (selection && selectionKey !== seen.current.selection) {
          setSheet(selection.sheet);
          setSelected(topLeftOf(selection.address));
        } else if (workbook.activeSheet !== seen.current.active) {
          setSheet(workbook.activeSheet);
          setSelected({ row: 0, col: 0 });
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
  const lastRow = used ? used.rowIndex + used.values.length - 1 : -1;
  const lastCol = used ? used.columnIndex + (used.values[0]?.length ?? 0) - 1 : -1;
  const rowCount = Math.min(MAX_ROWS_SHOWN, Math.max(MIN_ROWS, lastRow + 4, selected.row + 1));
  const columnCount = Math.min(
    MAX_COLUMNS_SHOWN,
    Math.max(MIN_COLUMNS, lastCol + 2, selected.col + 1)
  );
  const selectedAddress = a1(selected.row, selected.col);
  const selectedFormula = workbook.getCell(shown, selectedAddress).formula;
  const formulaText = selectedFormula === "" ? "" : String(selectedFormula);

  React.useEffect(() => {
    const el = scrollerRef.current?.ownerDocument.getElementById(
      cellElementId(sheetIndex, selectedAddress)
    );
    if (el && typeof el.scrollIntoView === "function")
      el.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [sheetIndex, selectedAddress]);

  const move = (row: number, col: number) =>
    setSelected({
      row: Math.max(0, Math.min(MAX_ROWS_SHOWN - 1, row)),
      col: Math.max(0, Math.min(MAX_COLUMNS_SHOWN - 1, col)),
    });

  const onKeyDown = (event: React.KeyboardEvent<HTMLTableElement>) => {
    const steps: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const step = steps[event.key];
    if (step) {
      event.preventDefault();
      move(selected.row + step[0], selected.col + step[1]);
    } else if (event.key === "Home") {
      event.preventDefault();
      move(event.ctrlKey ? 0 : selected.row, 0);
    }
  };

  const isEmptyAt = (r: number, c: number) =>
    r > lastRow || c > lastCol || workbook.getCell(shown, a1(r, c)).value === "";

  const widths = Array.from({ length: columnCount }, (_, c) =>
    Math.round(Math.min(420, Math.max(24, workbook.columnWidth(shown, c) * POINTS_TO_PIXELS)))
  );
  const tableWidth = 44 + widths.reduce((a, b) => a + b, 0);

  return (
    <div className={styles.root}>
      <div className={styles.formulaBar}>
        <span
          className={styles.nameBox}
          aria-label="Selected cell"
          role="status"
          data-testid="name-box"
        >
          {selectedAddress}
        </span>
        <span className={styles.fx} aria-hidden="true">
          fx
        </span>
        <output className={styles.formula} aria-label="Formula bar" data-testid="formula-bar">
          {formulaText}
        </output>
      </div>
      <div className={styles.scroller} ref={scrollerRef}>
        <table
          className={styles.table}
          style={{ width: `${tableWidth}px` }}
          role="grid"
          aria-label={`Sheet ${shown}`}
          aria-readonly="true"
          aria-rowcount={rowCount + 1}
          aria-colcount={columnCount + 1}
          tabIndex={0}
          aria-activedescendant={cellElementId(sheetIndex, selectedAddress)}
          onKeyDown={onKeyDown}
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
                  const inUsed = r <= lastRow && c <= lastCol;
                  const info = inUsed ? workbook.getCell(shown, address) : undefined;
                  // Exactly what Range.text gives for the cell: one renderer for the grid and the workbook.
                  const text = info ? info.text : "";
                  const isSelected = r === selected.row && c === selected.col;
                  const runsOn =
                    typeof info?.value === "string" &&
                    text !== "" &&
                    !isErrorText(info.value) &&
                    isEmptyAt(r, c + 1);
                  return (
                    <td
                      key={c}
                      id={cellElementId(sheetIndex, address)}
                      data-cell={address}
                      aria-selected={isSelected}
                      title={text.length > 12 ? text : undefined}
                      className={mergeClasses(
                        styles.cell,
                        typeof info?.value === "number" && styles.number,
                        info && isErrorText(info.value) && styles.error,
                        info?.bold && styles.bold,
                        runsOn && styles.overflow,
                        isSelected && styles.selected
                      )}
                      onClick={() => setSelected({ row: r, col: c })}
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
          setSheet(String(data.value));
          setSelected({ row: 0, col: 0 });
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
