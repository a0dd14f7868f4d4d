import fc from "fast-check";
import { runChecks } from "../../../src/core/checks";
import { checkTotals } from "../../../src/core/checks/totals";
import { WorkbookSnapshot, sheetFromRows } from "../../../src/core/workbook";
import { GBP, PCT, f, typed } from "./fixtures";

function book(...sheets: ReturnType<typeof sheetFromRows>[]): WorkbookSnapshot {
  return { sheets };
}

const errors = (snapshot: WorkbookSnapshot) =>
  runChecks(snapshot).filter((x) => x.severity === "error");

/** Seed 001, section 5.2 Funding, laid out as in the plan document. */
function seed001Funding(totalFunding: number) {
  return sheetFromRows("Funding", [
    ["Funding Source (External - name/Internal)", "2016/17+ (£)", "Totals (£)"],
    ["BCF"],
    ["Integrated Crisis Response (ICR)", typed(240000, GBP)],
    ["BCF"],
    ["Hospital Transfer & Reablement (HTR)", typed(696000, GBP)],
    ["Total Funding", typed(totalFunding, GBP)],
  ]);
}

/** Seed 001, section 5.1 Priority Costs, with subtotals per scheme and a grand total. */
function seed001Costs(
  opts: { sub2?: [string, number]; grand?: [string, number]; grandLabel?: string } = {}
) {
  return sheetFromRows("Costs", [
    ["Description", "2016-17 (£)"],
    ["Integrated Crisis Response"],
    ["CCG Posts", typed(125000, GBP)],
    ["RCC Posts", typed(115000, GBP)],
    ["Subtotal", f("=SUM(B3:B4)", 240000, GBP)],
    ["Transfer and reablement"],
    ["CCG Posts", typed(135000, GBP)],
    ["RCC Posts", typed(561000, GBP)],
    ["Subtotal", f(...(opts.sub2 ?? ["=SUM(B7:B8)", 696000]), GBP)],
    [opts.grandLabel ?? "Grand total", f(...(opts.grand ?? ["=B5+B9", 936000]), GBP)],
  ]);
}

describe("totals: seed 001 funding (£240,000 + £696,000 = £936,000)", () => {
  test("the plan's own figures reconcile: no finding at all", () => {
    expect(runChecks(book(seed001Funding(936000)))).toEqual([]);
  });

  test("a typed Total Funding of £963,000 is an error at B6 with expected and actual", () => {
    const found = errors(book(seed001Funding(963000)));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: "totals",
      sheet: "Funding",
      cell: "B6",
      expected: 936000,
      actual: 963000,
    });
    expect(found[0].message).toContain("Total Funding");
    expect(found[0].message).toContain("£963,000");
    expect(found[0].message).toContain("£936,000");
    expect(found[0].message).toContain("£27,000");
  });

  test("ICR £125,000 + £115,000 and HTR £135,000 + £561,000 with subtotals and a grand total reconcile", () => {
    expect(errors(book(seed001Costs()))).toEqual([]);
    // "Total" under subtotals closes the subtotals, as "Grand total" does.
    expect(errors(book(seed001Costs({ grandLabel: "Total" })))).toEqual([]);
    expect(
      errors(book(seed001Costs({ grandLabel: "TOTALS", grand: ["=SUM(B5,B9)", 936000] })))
    ).toEqual([]);
  });

  test("a grand total that adds the subtotals and their lines counts them twice", () => {
    const found = errors(book(seed001Costs({ grand: ["=SUM(B3:B9)", 1872000] })));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cell: "B10", expected: 936000, actual: 1872000 });
    expect(found[0].message).toMatch(/counts B5 and B9 twice/);
  });

  test("a subtotal whose SUM leaves out a line is the one error, naming the line", () => {
    const found = errors(
      book(seed001Costs({ sub2: ["=SUM(B7:B7)", 135000], grand: ["=B5+B9", 375000] }))
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cell: "B9", expected: 696000, actual: 135000 });
    expect(found[0].message).toContain("leaves out B8");
  });
});

describe("totals: a council's 2022-23 year-end figures", () => {
  const yearEnd = (dfg: number | null, total: number) =>
    sheetFromRows("Year end", [
      ["Funding source", "2022-23 (£)"],
      ["ICB minimum contribution", typed(20755612, GBP)],
      ["iBCF", typed(11187623, GBP)],
      ["Discharge fund", typed(2573295, GBP)],
      ["DFG", dfg === null ? null : typed(dfg, GBP)],
      ["Total", typed(total, GBP)],
    ]);

  test("with the DFG line missing the total does not reconcile: expected £34,516,530, actual £37,525,524", () => {
    const found = errors(book(yearEnd(null, 37525524)));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: "totals",
      cell: "B6",
      expected: 34516530,
      actual: 37525524,
    });
    expect(found[0].message).toContain("£3,008,994");
    expect(found[0].message).toContain('"DFG" (B5) has no figure');
  });

  test("with the implied DFG of £3,008,994 filled in it reconciles", () => {
    expect(errors(book(yearEnd(3008994, 37525524)))).toEqual([]);
  });
});

describe("totals: formulas and layouts", () => {
  test("a SUM that omits the last line is caught and the line is named", () => {
    const sheet = sheetFromRows("Income", [
      ["Funding source", "Amount (£)"],
      ["NHS minimum contribution", typed(1000, GBP)],
      ["iBCF", typed(250.5, GBP)],
      ["DFG", typed(300, GBP)],
      ["Total", f("=SUM(B2:B3)", 1250.5, GBP)],
    ]);
    const found = errors(book(sheet));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cell: "B5", expected: 1550.5, actual: 1250.5 });
    expect(found[0].message).toContain("leaves out B4");
  });

  test("a SUM that leaves out a line that is zero today is a warning, not an error", () => {
    const sheet = sheetFromRows("Income", [
      ["Funding source", "Amount (£)"],
      ["NHS minimum contribution", 1000],
      ["Winter Pressures grant", 0],
      ["Total", f("=SUM(B2:B2)", 1000)],
    ]);
    const found = checkTotals(book(sheet)).findings;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "warning", cell: "B4" });
    expect(found[0].message).toContain("B3");
  });

  test("a + formula that adds a cell from outside its block is told so", () => {
    const sheet = sheetFromRows("S", [
      ["Item", "£"],
      ["a", 10],
      ["b", 20],
      ["Subtotal", f("=B2+B3", 30)],
      ["c", 5],
      ["Subtotal", f("=B5+B3", 25)],
    ]);
    const found = errors(book(sheet));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cell: "B6", expected: 5, actual: 25 });
    expect(found[0].message).toContain("also adds B3");
  });

  test("labels in any column, several amount columns, and a total column", () => {
    const sheet = sheetFromRows(
      "Split",
      [
        [null, "Scheme", "CCG (£)", "Council (£)", "Total (£)"],
        [null, "Integrated Crisis Response", 125000, 115000, 240000],
        [null, "Hospital Transfer & Reablement", 135000, 561000, 696000],
        [null, "Total Funding", 260000, 676000, 936000],
      ],
      { numberFormat: GBP, rowOffset: 3, colOffset: 1 }
    );
    expect(errors(book(sheet))).toEqual([]);
    const broken = sheetFromRows(
      "Split",
      [
        [null, "Scheme", "CCG (£)", "Council (£)", "Total (£)"],
        [null, "Integrated Crisis Response", 125000, 115000, 240000],
        [null, "Hospital Transfer & Reablement", 135000, 561000, 669000],
        [null, "Total Funding", 260000, 676000, 936000],
      ],
      { numberFormat: GBP, rowOffset: 3, colOffset: 1 }
    );
    const found = errors(book(broken));
    // F6 (the HTR row) is wrong across; F7 (Total Funding) no longer matches the column above it.
    expect(found.map((x) => x.cell)).toEqual(["F6", "F7"]);
    expect(found[0]).toMatchObject({ expected: 696000, actual: 669000 });
    expect(found[1]).toMatchObject({ expected: 909000, actual: 936000 });
  });

  test("year headings typed as numbers are headings, not lines", () => {
    const sheet = sheetFromRows("Years", [
      ["Scheme", 2016, 2017, "Total"],
      ["ICR", 240000, 250000, 490000],
      ["HTR", 696000, 700000, 1396000],
      ["Total", 936000, 950000, 1886000],
    ]);
    expect(errors(book(sheet))).toEqual([]);
  });

  test("percentage columns and averages in a total row are not sums", () => {
    const sheet = sheetFromRows("P", [
      ["Scheme", "Amount (£)", "% NHS", "Average beds"],
      ["A", 100, { formula: "0.6", value: 0.6, format: "0%" }, 10],
      ["B", 300, { formula: "0.4", value: 0.4, format: "0%" }, 20],
      [
        "Total",
        400,
        { formula: "=AVERAGE(C2:C3)", value: 0.5, format: "0%" },
        f("=AVERAGE(D2:D3)", 15),
      ],
    ]);
    expect(errors(book(sheet))).toEqual([]);
  });

  test("an amount typed as text is counted by a typed total but breaks a SUM", () => {
    const typedTotal = sheetFromRows("T", [
      ["Description", "2016-17 (£)"],
      ["CCG Posts", "£125,000"],
      ["RCC Posts", 115000],
      ["Total", 240000],
    ]);
    expect(errors(book(typedTotal))).toEqual([]);
    const summed = sheetFromRows("T", [
      ["Description", "2016-17 (£)"],
      ["CCG Posts", "£125,000"],
      ["RCC Posts", 115000],
      ["Total", f("=SUM(B2:B3)", 115000)],
    ]);
    const found = errors(book(summed));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cell: "B4", expected: 240000, actual: 115000 });
    expect(found[0].message).toContain("stored as text");
  });

  test("long narrative text mentioning a total is not a total label", () => {
    const sheet = sheetFromRows("Notes", [
      ["Population", "Count"],
      ["Aged 65+", 8540],
      ["Aged 85+", 1180],
      ["Total population", 37600],
    ]);
    expect(errors(book(sheet))).toEqual([]);
  });

  test("the Excel table totals row with SUBTOTAL(109, …) reconciles and catches a wrong column", () => {
    const rows = (nhsTotal: number) => [
      ["Scheme ID", "NHS (£)", "Council (£)", "Total (£)"],
      ["S1", 100.25, 50, f("=[@[NHS (£)]]+[@[Council (£)]]", 150.25)],
      ["S2", 200, 0, f("=[@[NHS (£)]]+[@[Council (£)]]", 200)],
      [
        "Total",
        f("=SUBTOTAL(109,[NHS (£)])", nhsTotal),
        f("=SUBTOTAL(109,[Council (£)])", 50),
        f("=SUBTOTAL(109,[Total (£)])", 350.25),
      ],
    ];
    expect(errors(book(sheetFromRows("E", rows(300.25), { numberFormat: GBP })))).toEqual([]);
    const found = errors(book(sheetFromRows("E", rows(300.24), { numberFormat: GBP })));
    // B4 is a penny short of its column; D4 is a penny more than B4 + C4: both are wrong to the penny.
    expect(found.map((x) => x.cell)).toEqual(["B4", "D4"]);
    expect(found[0]).toMatchObject({ expected: 300.25, actual: 300.24 });
  });
});

describe("totals: property", () => {
  const LABELS = [
    "Total",
    "Totals",
    "TOTALS",
    "Total Funding",
    "Grand total",
    "Subtotal",
    "Total (£)",
  ];
  const blockArb = fc.record({
    label: fc.constantFrom(...LABELS),
    pence: fc.array(fc.integer({ min: -5_000_000, max: 100_000_000 }), {
      minLength: 1,
      maxLength: 12,
    }),
    asFormula: fc.boolean(),
    sectionTitle: fc.boolean(),
  });

  function build(
    blocks: Array<{ label: string; pence: number[]; asFormula: boolean; sectionTitle: boolean }>,
    perturb?: { block: number; line: number; by: number }
  ) {
    const rows: Array<Array<unknown>> = [];
    const totalCells: string[] = [];
    blocks.forEach((b, bi) => {
      rows.push(["Description", "Amount (£)"]);
      if (b.sectionTitle) rows.push(["Section heading"]);
      const first = rows.length + 1;
      let sumPence = 0;
      b.pence.forEach((p, li) => {
        sumPence += p;
        const shown = perturb && perturb.block === bi && perturb.line === li ? p + perturb.by : p;
        rows.push([`Line ${li + 1}`, typed(shown / 100, GBP)]);
      });
      const last = rows.length;
      const total = sumPence / 100;
      rows.push([
        b.label,
        b.asFormula ? f(`=SUM(B${first}:B${last})`, total, GBP) : typed(total, GBP),
      ]);
      totalCells.push(`B${rows.length}`);
      rows.push([]);
    });
    return { snapshot: book(sheetFromRows("Blocks", rows as never)), totalCells };
  }

  test("consistent blocks give no totals error; moving one line by a penny or more gives exactly one", () => {
    fc.assert(
      fc.property(
        fc.array(blockArb, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.boolean(),
        (blocks, bPick, lPick, by, down) => {
          const clean = build(blocks);
          expect(
            checkTotals(clean.snapshot).findings.filter((x) => x.severity === "error")
          ).toEqual([]);
          const block = bPick % blocks.length;
          const line = lPick % blocks[block].pence.length;
          // A SUM formula's cached value would follow the change; the typed/cached figure here does not,
          // as when a line is edited and the total is typed (or calculation is off).
          const broken = build(blocks, { block, line, by: down ? -by : by });
          const found = checkTotals(broken.snapshot).findings.filter((x) => x.severity === "error");
          expect(found).toHaveLength(1);
          expect(found[0].cell).toBe(broken.totalCells[block]);
          expect(Math.round(Math.abs(found[0].expected! - found[0].actual!) * 100)).toBe(by);
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("totals: more hand-laid layouts", () => {
  test('"Total ICR", "Total HTR" then "Total": the last closes the two totals above it', () => {
    const rows = (grand: number) => [
      ["Description", "2016-17 (£)"],
      ["CCG Posts", 125000],
      ["RCC Posts", 115000],
      ["Total ICR", 240000],
      ["CCG Posts", 135000],
      ["RCC Posts", 561000],
      ["Total HTR", 696000],
      ["Total", grand],
    ];
    expect(errors(book(sheetFromRows("Costs", rows(936000))))).toEqual([]);
    expect(errors(book(sheetFromRows("Costs", rows(1872000))))).toMatchObject([
      { cell: "B8", expected: 936000, actual: 1872000 },
    ]);
  });

  test("a percentage column between two years' amounts is passed over by the total column", () => {
    const sheet = sheetFromRows("Budget", [
      ["Scheme", "2023-24 (£)", "Uplift %", "2024-25 (£)", "Total (£)"],
      ["ICR", 240000, { formula: "0.0566", value: 0.0566, format: PCT }, 253584, 493584],
    ]);
    expect(errors(book(sheetFromRows("Budget", sheet.values as never)))).toEqual([]);
    expect(errors(book(sheet))).toEqual([]);
  });

  test("two tables one above the other: the second total does not reach into the first", () => {
    const sheet = sheetFromRows("Two", [
      ["Funding source", "Amount (£)"],
      ["iBCF", 100],
      ["DFG", 50],
      ["Total", 150],
      [],
      ["Scheme", "Cost (£)"],
      ["A", 70],
      ["B", 80],
      ["Total", 150],
    ]);
    expect(errors(book(sheet))).toEqual([]);
  });
});
