import { SheetCells } from "../../src/cli/sheetCells";

const FORMATS = ["General", "£#,##0.00", "0%"];

function blocksOf(cells: SheetCells) {
  return cells.toBlocks("Sheet1", FORMATS, 1000, () => undefined);
}

describe("SheetCells", () => {
  it("keeps each formula with its own cell, and a row without formulas shares its values", () => {
    const cells = new SheetCells();
    cells.add(0, 0, 0, "Total", "Total");
    cells.add(0, 1, 1, 30, "=SUM(B2:B3)");
    cells.add(1, 0, 0, "a", "a");
    cells.add(1, 1, 1, 10, 10);
    cells.add(2, 1, 2, 0.5, "=B2/20");
    const [block] = blocksOf(cells);
    expect(block.values).toEqual([
      ["Total", 30],
      ["a", 10],
      ["", 0.5],
    ]);
    expect(block.formulas).toEqual([
      ["Total", "=SUM(B2:B3)"],
      ["a", 10],
      ["", "=B2/20"],
    ]);
    expect(block.formulas[1]).toBe(block.values[1]);
    expect(block.numberFormats[2]).toEqual(["General", "0%"]);
  });

  it("reads cells given out of order, a cell given twice keeping its last entry and formula", () => {
    const cells = new SheetCells();
    cells.add(2, 1, 0, 7, "=C1+1");
    cells.add(0, 0, 0, "x", "x");
    cells.add(1, 1, 0, 5, "=A9"); // replaced below by a typed figure
    cells.add(2, 0, 0, "y", "y");
    cells.add(1, 1, 0, 6, 6);
    cells.add(0, 1, 0, 1, 1); // replaced below by a formula
    cells.add(0, 1, 0, 2, "=1+1");
    const [block] = blocksOf(cells);
    expect(block.values).toEqual([
      ["x", 2],
      ["", 6],
      ["y", 7],
    ]);
    expect(block.formulas).toEqual([
      ["x", "=1+1"],
      ["", 6],
      ["y", "=C1+1"],
    ]);
  });

  it("reads a style index beyond the file's styles as General", () => {
    const cells = new SheetCells();
    cells.add(0, 0, 70000, 1, 1);
    cells.add(0, 1, -1, 2, 2);
    cells.add(0, 2, 1, 3, 3);
    expect(blocksOf(cells)[0].numberFormats[0]).toEqual(["General", "General", "£#,##0.00"]);
  });
});
