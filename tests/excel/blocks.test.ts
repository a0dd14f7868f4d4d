import fc from "fast-check";
import {
  planBlocks,
  rowsPerBlock,
  splitBlock,
  type Segment,
} from "../../src/excel/readWorkbookSnapshot";

/** Every row of every sheet, once, in order. */
function coverage(blocks: Segment[][]): Map<number, number[]> {
  const rows = new Map<number, number[]>();
  for (const block of blocks) {
    for (const s of block) {
      const list = rows.get(s.sheet) ?? [];
      for (let r = s.row; r < s.row + s.rows; r++) list.push(r);
      rows.set(s.sheet, list);
    }
  }
  return rows;
}

describe("planBlocks", () => {
  it("cuts a 10,000-line, 13-column sheet into blocks of whole rows within the cell budget", () => {
    const blocks = planBlocks([{ rowCount: 10_000, columnCount: 13 }], 13_000);
    expect(rowsPerBlock(13, 13_000)).toBe(1000);
    expect(blocks).toHaveLength(10);
    expect(blocks.every((b) => b.length === 1 && b[0].rows === 1000)).toBe(true);
  });

  it("packs small sheets into one block and skips empty ones", () => {
    const blocks = planBlocks(
      [
        { rowCount: 4, columnCount: 2 },
        { rowCount: 0, columnCount: 0 },
        { rowCount: 9, columnCount: 4 },
      ],
      1000
    );
    expect(blocks).toEqual([
      [
        { sheet: 0, row: 0, rows: 4 },
        { sheet: 2, row: 0, rows: 9 },
      ],
    ]);
  });

  it("property: covers every row exactly once and no block exceeds the budget (unless one row alone does)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            rowCount: fc.integer({ min: 0, max: 200 }),
            columnCount: fc.integer({ min: 1, max: 60 }),
          }),
          { maxLength: 6 }
        ),
        fc.integer({ min: 1, max: 5000 }),
        (areas, budget) => {
          const blocks = planBlocks(areas, budget);
          const rows = coverage(blocks);
          areas.forEach((a, sheet) =>
            expect(rows.get(sheet) ?? []).toEqual(Array.from({ length: a.rowCount }, (_, i) => i))
          );
          for (const block of blocks) {
            const cells = block.reduce((n, s) => n + s.rows * areas[s.sheet].columnCount, 0);
            const oneRowOverBudget = block.length === 1 && block[0].rows === 1;
            expect(cells <= budget || oneRowOverBudget).toBe(true);
          }
        }
      )
    );
  });
});

describe("splitBlock", () => {
  it("halves the segments of a packed block, then the rows of a single one, down to one row", () => {
    const packed: Segment[] = [
      { sheet: 0, row: 0, rows: 3 },
      { sheet: 1, row: 0, rows: 5 },
      { sheet: 2, row: 0, rows: 1 },
    ];
    expect(splitBlock(packed)).toEqual([[packed[0], packed[1]], [packed[2]]]);
    expect(splitBlock([{ sheet: 0, row: 10, rows: 7 }])).toEqual([
      [{ sheet: 0, row: 10, rows: 4 }],
      [{ sheet: 0, row: 14, rows: 3 }],
    ]);
    expect(splitBlock([{ sheet: 0, row: 10, rows: 1 }])).toBeUndefined();
  });
});
