/** The memory workbook's formula evaluator: precedence, references, functions, errors, custom functions, cycles. */
import fc from "fast-check";
import { FormulaInputError } from "../../src/core/formulaError";
import type { CellValue } from "../../src/core/workbook";
import { createMemoryWorkbook } from "../../src/memory-excel";
import { shiftFormula } from "../../src/memory-excel/formula/shift";
import { parseFormula } from "../../src/memory-excel/formula/parser";
import { renameInFormula } from "../../src/memory-excel/formula/rename";

function calc(
  formula: string,
  rows: Array<Array<CellValue | null>> = [],
  options: Parameters<typeof createMemoryWorkbook>[0] = {}
): CellValue {
  const { workbook } = createMemoryWorkbook({
    sheets: [{ name: "Data", rows }, "Other sheet"],
    ...options,
  });
  workbook.setCell("Other sheet", "Z100", formula);
  return workbook.getCell("Other sheet", "Z100").value;
}

describe("operators and precedence", () => {
  it.each<[string, CellValue]>([
    ["=1+2*3", 7],
    ["=(1+2)*3", 9],
    ["=2-3-4", -5],
    ["=12/4/3", 1],
    ["=-2^2", 4], // Excel: negation binds tighter than ^
    ["=2^3^2", 64], // Excel: ^ is left-associative
    ["=-(2^2)", -4],
    ["=50%", 0.5],
    ["=200*15%", 30],
    ['=1+2&"x"', "3x"],
    ['="£"&1000.5', "£1000.5"],
    ["=1+2=3", true],
    ['="abc"="ABC"', true],
    ["=2<10", true],
    ['="2"<"10"', false], // text compares as text
    ['=1<"a"', true], // numbers sort before text
    ["=TRUE>1", true], // booleans after numbers
    ["=0.1+0.2=0.3", true], // 15 significant digits
    ["=3<>3", false],
    ['="a"&TRUE', "aTRUE"],
    ["=TRUE+1", 2],
    ['="3"*2', 6],
  ])("%s is %p", (formula, expected) => {
    expect(calc(formula)).toEqual(expected);
  });

  it("agrees with JavaScript on any fully bracketed integer arithmetic", () => {
    type Tree = number | [Tree, "+" | "-" | "*", Tree];
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.integer({ min: -50, max: 50 }),
        fc.tuple(
          tie("node"),
          fc.constantFrom("+" as const, "-" as const, "*" as const),
          tie("node")
        )
      ),
    })).node;
    const text = (t: Tree): string =>
      typeof t === "number"
        ? t < 0
          ? `(${t})`
          : String(t)
        : `(${text(t[0])}${t[1]}${text(t[2])})`;
    const value = (t: Tree): number => {
      if (typeof t === "number") return t;
      const [a, op, b] = [value(t[0]), t[1], value(t[2])];
      return op === "+" ? a + b : op === "-" ? a - b : a * b;
    };
    const { workbook } = createMemoryWorkbook();
    fc.assert(
      fc.property(tree, (t) => {
        workbook.setCell("Sheet1", "A1", `=${text(t)}`);
        expect(workbook.getCell("Sheet1", "A1").value).toBe(value(t) === 0 ? 0 : value(t));
      }),
      { numRuns: 200 }
    );
  });

  it("applies * before + and - left to right without brackets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (a, b, c) => {
          expect(calc(`=${a}-${b}*${c}-${a}`)).toBe(a - b * c - a === 0 ? 0 : a - b * c - a);
        }
      ),
      { numRuns: 50 }
    );
  });
});

describe("references", () => {
  const data = [
    ["Funding source", "Amount (£)"],
    ["NHS minimum", 1000],
    ["iBCF", 250.5],
    ["note", "text"],
    [null, null],
  ];

  it("reads cells and ranges on the same and other sheets, quoted or not", () => {
    const { workbook } = createMemoryWorkbook({
      sheets: [
        { name: "Income data", rows: data },
        {
          name: "Data",
          rows: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
    });
    workbook.setCells("Data", "D1", [
      ["=A1+B2"],
      ["=SUM(A1:B2)"],
      ["='Income data'!B2+'Income data'!B3"],
      ["=SUM(Data!$A$1:$A$2)"],
      ["=B5"],
      ["=SUM('Income data'!B:B)"],
    ]);
    expect(
      ["D1", "D2", "D3", "D4", "D5", "D6"].map((c) => workbook.getCell("Data", c).value)
    ).toEqual([5, 10, 1250.5, 4, 0, 1250.5]);
  });

  it("recalculates dependents after a sync, in dependency order across sheets", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [
        { name: "Summary", rows: [["=Income!B2*2"]] },
        { name: "Income", rows: [[1], [2, "=A2*10"]] },
      ],
    });
    expect(workbook.getCell("Summary", "A1").value).toBe(40);
    context.workbook.worksheets.getItem("Income").getRange("A2").values = [[3]];
    await context.sync();
    expect(workbook.getCell("Income", "B2").value).toBe(30);
    expect(workbook.getCell("Summary", "A1").value).toBe(60);
  });

  it("gives #REF! for a sheet that isn't there", () => {
    expect(calc("=Missing!A1+1")).toBe("#REF!");
  });
});

describe("functions", () => {
  const rows: Array<Array<CellValue | null>> = [
    ["Social Care", 100, "x"],
    ["Community Health", 50, 2],
    ["social care", 25, true],
    ["Social Care", "n/a", 3],
    ["Mental Health", -10, null],
  ];

  it.each<[string, CellValue]>([
    ["=SUM(Data!B1:B5)", 165], // text in a range is skipped
    ['=SUM(1,"2",TRUE)', 4], // typed arguments are converted
    ['=SUM("x")', "#VALUE!"],
    ["=AVERAGE(Data!B1:B5)", 41.25],
    ["=AVERAGE(Data!E1:E3)", "#DIV/0!"],
    ["=MIN(Data!B1:B5)", -10],
    ["=MAX(Data!B1:B5)", 100],
    ["=MAX(Data!E1:E3)", 0],
    ["=COUNT(Data!B1:C5)", 6],
    ["=COUNTA(Data!C1:C5)", 4],
    ['=COUNT(1,"2","x",TRUE,Data!C1:C5)', 5], // typed: what reads as a number; in a range: numbers
    ['=COUNTA(1,"x",FALSE,Data!B1:B5)', 8],
    ['=MIN(3,"1",Data!B1:B4)', 1],
    ['=MAX(Data!B1:B5,"#N/A")', "#VALUE!"], // typed text that isn't a number
    ["=SUM(Data!B1:B5,1/0)", "#DIV/0!"],
    ['=SUMIFS(Data!B1:B5,Data!A1:A5,"Social Care")', 125],
    ['=SUMIFS(Data!B1:B5,Data!A1:A5,"Social*",Data!B1:B5,">30")', 100],
    ['=SUMIFS(Data!B1:B5,Data!A1:A5,"<>Social Care")', 40],
    ['=SUMIFS(Data!B1:B5,Data!A1:A5,"?ental Health")', -10],
    ['=SUMIFS(Data!B1:B5,Data!A1:A4,"Social Care")', "#VALUE!"], // shapes differ
    ['=SUMIF(Data!A1:A5,"Social Care",Data!B1)', 125], // sum range sized like the criteria range
    ['=COUNTIFS(Data!A1:A5,"Social Care")', 3],
    ['=COUNTIF(Data!C1:C5,">=2")', 2],
    ['=IF(Data!B2>40,"big","small")', "big"],
    ["=IF(FALSE,1)", false],
    ["=IF(1/0>1,1,2)", "#DIV/0!"],
    ['=IF(TRUE,"ok",1/0)', "ok"], // the other branch isn't worked out
    ['=IFERROR(1/0,"none")', "none"],
    ["=IFERROR(Data!B1,0)", 100],
    ['=IFNA(VLOOKUP("zzz",Data!A1:B5,2,FALSE),-1)', -1],
    ["=ROUND(2.675,2)", 2.68],
    ["=ROUND(-2.5,0)", -3],
    ["=ROUND(1234.5,-2)", 1200],
    ["=ROUNDUP(1.21,1)", 1.3],
    ["=ROUNDDOWN(-1.29,1)", -1.2],
    ["=ABS(-3)", 3],
    ["=AND(TRUE,1,Data!C3)", true],
    ["=OR(FALSE,0)", false],
    ["=NOT(0)", true],
    ['=AND("x")', "#VALUE!"],
    ['=VLOOKUP("community health",Data!A1:B5,2,FALSE)', 50],
    ['=MATCH("Mental Health",Data!A1:A5,0)', 5],
    ["=INDEX(Data!A1:C5,2,3)", 2],
  ])("%s is %p", (formula, expected) => {
    expect(calc(formula, rows)).toEqual(expected);
  });

  it("SUBTOTAL(109) and SUBTOTAL(9) skip other subtotals in the range, so nothing is counted twice", () => {
    const { workbook } = createMemoryWorkbook({
      sheets: [
        {
          name: "S",
          rows: [
            [10],
            [20],
            ["=SUBTOTAL(109,A1:A2)"],
            [5],
            ["=SUBTOTAL(9,A1:A4)"],
            ["=SUM(A1:A4)"],
          ],
        },
      ],
    });
    expect(workbook.getCell("S", "A3").value).toBe(30);
    expect(workbook.getCell("S", "A5").value).toBe(35);
    expect(workbook.getCell("S", "A6").value).toBe(65);
  });

  it("SUMIFS with a text criterion equals filtering in JavaScript", () => {
    const entry = fc.record({
      area: fc.constantFrom("Social Care", "Community Health", "Acute", "social care"),
      amount: fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.constant("text")),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 30 }),
        fc.constantFrom("Social Care", "Acute", "Social*", "<>Acute"),
        (lines, criterion) => {
          const { workbook } = createMemoryWorkbook({
            sheets: [{ name: "S", rows: lines.map((l) => [l.area, l.amount]) }],
          });
          workbook.setCell(
            "S",
            "D1",
            `=SUMIFS(B1:B${lines.length},A1:A${lines.length},"${criterion}")`
          );
          const matches = (area: string): boolean =>
            criterion === "Social*"
              ? area.toLowerCase().startsWith("social")
              : criterion.startsWith("<>")
                ? area.toLowerCase() !== "acute"
                : area.toLowerCase() === criterion.toLowerCase();
          const expected = lines
            .filter((l) => matches(l.area) && typeof l.amount === "number")
            .reduce((s, l) => s + (l.amount as number), 0);
          expect(workbook.getCell("S", "D1").value).toBe(expected);
        }
      ),
      { numRuns: 100 }
    );
  });
});

describe("errors", () => {
  it.each<[string, CellValue]>([
    ["=1/0", "#DIV/0!"],
    ['="a"+1', "#VALUE!"],
    ["=NOSUCHFUNCTION(1)", "#NAME?"],
    ["=undefined_name+1", "#NAME?"],
    ["=Data!A1+1", "#DIV/0!"], // an error in a cell flows on
    ["=SUM(Data!A1:A2)", "#DIV/0!"],
    ["=IFERROR(Data!A1,42)", 42],
    ["=#N/A", "#N/A"],
    ["=0^0", "#NUM!"],
  ])("%s is %p", (formula, expected) => {
    expect(calc(formula, [["=1/0"], [1]])).toEqual(expected);
  });

  it("refuses to store a formula it cannot read, as Excel does", async () => {
    const { context, workbook } = createMemoryWorkbook();
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=SUM(1,"]];
    await expect(context.sync()).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    expect(workbook.getCell("Sheet1", "A1").formula).toBe("");
    // A range between two functions is valid Excel the memory workbook doesn't read: refused, not miscalculated.
    expect(() => workbook.setCell("Sheet1", "A2", "=SUM(INDEX(B1:B5,1):INDEX(B1:B5,2))")).toThrow(
      /contains an error/
    );
  });
});

describe("custom functions (=BCF.*)", () => {
  const customFunctions = {
    "BCF.RATE": (count: number, population: number, per: number | null) => {
      if (population <= 0) throw new FormulaInputError("#NUM!", "Population must be more than 0.");
      return (count / population) * (per ?? 100000);
    },
    "BCF.TOTAL": (grid: unknown[][]) =>
      grid.flat().reduce((s: number, v) => s + (typeof v === "number" ? v : 0), 0),
    "BCF.BROKEN": () => {
      throw new Error("bug");
    },
    "BCF.ODDCODE": () => {
      throw { code: "#N/A", message: "not available" };
    },
    "BCF.PAIR": () => [[1, 2]],
    "BCF.LIST": (a: number, b: number) => [a, b],
  } as Record<string, (...args: never[]) => unknown>;

  it.each<[string, CellValue]>([
    ["=BCF.RATE(Data!A1,Data!B1)", 250],
    ["=bcf.rate(Data!A1,Data!B1,1000)", 2.5],
    ["=BCF.RATE(10,0)", "#NUM!"],
    ["=BCF.RATE(Data!C1,100)", "#DIV/0!"], // Excel shows an error argument without calling the function
    ["=BCF.TOTAL(Data!A1:B1)", 4010],
    ["=BCF.BROKEN()", "#VALUE!"],
    ["=BCF.ODDCODE()", "#N/A"],
    ["=BCF.NOPE(1)", "#NAME?"],
    ["=BCF.PAIR()", 1],
    ["=INDEX(BCF.PAIR(),1,2)", 2],
    ["=INDEX(BCF.PAIR(),1,3)", "#REF!"],
    ["=SUM(BCF.PAIR())", 3],
    ["=INDEX(BCF.LIST(Data!A1,Data!B1),1,2)", 4000], // a plain list is one row
    ["=IF(Data!A1>0,INDEX(BCF.LIST(7,8),1,1),0)", 7],
    ["=ROUND(BCF.RATE(Data!A1,Data!B1),0)+1", 251],
  ])("%s is %p", (formula, expected) => {
    expect(calc(formula, [[10, 4000, "=1/0"]], { customFunctions })).toEqual(expected);
  });

  it("passes a missing optional argument as null", () => {
    const seen: unknown[] = [];
    const fn = {
      "BCF.SPY": (...args: unknown[]) => (seen.push(args), 1),
    } as Record<string, (...args: never[]) => unknown>;
    calc("=BCF.SPY(1,,3)", [], { customFunctions: fn });
    expect(seen).toEqual([[1, null, 3]]);
  });
});

describe("circular references", () => {
  it("shows 0 on a circle, as Excel does with iterative calculation off, lists the cells and calculates the rest", () => {
    const { workbook } = createMemoryWorkbook({
      sheets: [
        {
          name: "S",
          rows: [
            ["=B1+1", "=A1+1", "=A1+5", "=D1"],
            [7, "=A2*2"],
          ],
        },
      ],
    });
    expect(workbook.getCell("S", "A1").value).toBe(0);
    expect(workbook.getCell("S", "B1").value).toBe(0);
    expect(workbook.getCell("S", "C1").value).toBe(5);
    expect(workbook.getCell("S", "D1").value).toBe(0);
    expect(workbook.getCell("S", "B2").value).toBe(14);
    expect(workbook.circularReferences().sort()).toEqual(["S!A1", "S!B1", "S!D1"]);
    workbook.setCell("S", "B1", 10);
    expect(workbook.getCell("S", "A1").value).toBe(11);
    expect(workbook.circularReferences()).toEqual(["S!D1"]);
  });

  it("lists the cells of a circle with their sheet names quoted as Excel writes them", () => {
    const { workbook } = createMemoryWorkbook({
      sheets: [{ name: "Plan 2025", rows: [["=B1", "=A1"]] }],
    });
    expect(workbook.circularReferences().sort()).toEqual(["'Plan 2025'!A1", "'Plan 2025'!B1"]);
  });
});

describe("formula helpers", () => {
  it("moves relative references when a formula is filled, keeping absolute ones", () => {
    expect(shiftFormula("=B2*$C$1+'Other sheet'!A$3:B4+[@[NHS (£)]]", 2, 1)).toBe(
      "=C4*$C$1+'Other sheet'!B$3:C6+[@[NHS (£)]]"
    );
    expect(shiftFormula("=A1", -1, 0)).toBe("=#REF!");
    expect(shiftFormula('="A1"&A1', 1, 0)).toBe('="A1"&A2');
  });

  it("renames only the sheet or table named, not look-alikes or text", () => {
    const sheet = { kind: "sheet" as const, from: "Income", to: "Income 2025" };
    expect(renameInFormula("=Income!B2+Income2!B2+'Income'!C3&\"Income!B2\"", sheet)).toBe(
      "='Income 2025'!B2+Income2!B2+'Income 2025'!C3&\"Income!B2\""
    );
    expect(
      renameInFormula("=SUM(BCF_Targets[Uplift])+BCF_Targets2[Uplift]", {
        kind: "table",
        from: "bcf_targets",
        to: "T",
      })
    ).toBe("=SUM(T[Uplift])+BCF_Targets2[Uplift]");
    expect(renameInFormula("=A1+1", sheet)).toBe("=A1+1");
    expect(renameInFormula("=Income!B2", { kind: "sheet", from: "Income", to: "R2C3" })).toBe(
      "='R2C3'!B2"
    );
  });

  it("parses structured references and function names with dots", () => {
    expect(parseFormula("=BCF.RATE.CI(BCF_Metrics[@Numerator],1)")).toEqual({
      kind: "call",
      name: "BCF.RATE.CI",
      args: [
        { kind: "structured", table: "BCF_Metrics", spec: "@Numerator" },
        { kind: "number", value: 1 },
      ],
    });
  });
});
