/**
 * Full recalculation. Formula cells are worked out on demand, so each is calculated after the cells
 * it reads (dependency order without building a graph); visiting cells row by row keeps the chain of
 * nested calls short for the usual running totals. A circular reference shows 0, as Excel shows it
 * when iterative calculation is off, and is listed in the result.
 */
import { cellReference } from "../core/sheetAddress";
import { a1, type CellValue } from "../core/workbook";
import { toScalar, type FormulaContext } from "./formula/context";
import { evaluate } from "./formula/evaluator";
import { parseCached } from "./formula/parser";
import { renameInFormula } from "./formula/rename";
import { shiftFormula } from "./formula/shift";
import {
  isArrayValue,
  isError,
  NAME,
  scalarFromCell,
  toCellValue,
  type Scalar,
} from "./formula/values";
import type { Cell } from "./model/cell";
import type { SheetModel } from "./model/sheet";
import type { FormulaEngine, RecalculationResult, WorkbookState } from "./model/workbookState";

/** More than one value: a 1 × 1 array shows in its own cell and spills nowhere. */
function arrayIsLarger(rows: Scalar[][]): boolean {
  return rows.length > 1 || (rows[0]?.length ?? 0) > 1;
}

export function recalculate(model: WorkbookState): RecalculationResult {
  const done = new Set<Cell>();
  const busy = new Map<Cell, number>();
  const stack: Array<{ cell: Cell; label: string }> = [];
  const circular = new Map<Cell, string>();

  const valueOf = (sheet: SheetModel, row: number, col: number): Scalar => {
    const cell = sheet.cells.get(row, col);
    if (!cell) return null;
    if (!cell.formula || done.has(cell))
      return scalarFromCell(cell.value, cell.formula !== undefined);
    if (circular.has(cell)) return 0;
    const depth = busy.get(cell);
    if (depth !== undefined) {
      for (let i = depth; i < stack.length; i++) circular.set(stack[i].cell, stack[i].label);
      return 0;
    }
    busy.set(cell, stack.length);
    stack.push({ cell, label: cellReference(sheet.name, a1(row, col)) });
    const context: FormulaContext = { model, valueOf, sheet, row, col };
    const tree = parseCached(cell.formula);
    let result: Scalar;
    let spill: CellValue[][] | undefined;
    if (tree instanceof Error) result = NAME;
    else {
      const evaluated = evaluate(tree, context);
      if (isArrayValue(evaluated) && evaluated.rows.length > 0 && arrayIsLarger(evaluated.rows)) {
        spill = evaluated.rows.map((line) => line.map((v) => toCellValue(v)));
      }
      result = toScalar(evaluated, context);
    }
    stack.pop();
    busy.delete(cell);
    cell.value = toCellValue(isError(result) || result !== null ? result : null);
    if (spill) cell.spill = spill;
    else if (cell.spill) delete cell.spill;
    done.add(cell);
    return scalarFromCell(cell.value, true);
  };

  const calculateAll = (): void => {
    for (const sheet of model.sheets) {
      for (const [row, col, cell] of sheet.cells.sortedEntries()) {
        if (cell.formula) valueOf(sheet, row, col);
      }
    }
  };

  calculateAll();
  if (circular.size > 0) {
    // Cells on a circle show 0; everything else is worked out again from those zeros.
    done.clear();
    for (const cell of circular.keys()) cell.value = 0;
    calculateAll();
    for (const cell of circular.keys()) cell.value = 0;
  }
  return { circular: [...new Set(circular.values())] };
}

/** The formula layers as the model uses them: handed to the model's constructor. */
export const FORMULA_ENGINE: FormulaEngine = {
  problem(formula) {
    const tree = parseCached(formula);
    return tree instanceof Error ? tree.message : undefined;
  },
  rename: renameInFormula,
  shift: shiftFormula,
  recalculate,
};
