import fc from "fast-check";
import {
  asText,
  EXPENDITURE_COLUMNS,
  expenditureRows,
  nextSchemeIds,
  splitCostLine,
} from "../../../src/core/plan";
import { FUNDING_SOURCES, type FundingSource } from "../../../src/core/vocabulary";
import { template } from "./fixtures";

const col = (name: string) =>
  EXPENDITURE_COLUMNS.indexOf(name as (typeof EXPENDITURE_COLUMNS)[number]);

describe("nextSchemeIds", () => {
  it("starts at S001 in an empty table", () => {
    expect(nextSchemeIds([], 3)).toEqual(["S001", "S002", "S003"]);
  });

  it("continues after the highest existing ID, ignoring other text", () => {
    expect(nextSchemeIds(["S002", "s009", "Total", "", 7, "X100", " S004 "], 2)).toEqual([
      "S010",
      "S011",
    ]);
  });

  it("grows past three digits", () => {
    expect(nextSchemeIds(["S999"], 1)).toEqual(["S1000"]);
  });
});

describe("expenditureRows", () => {
  it("writes seed 001's Integrated Crisis Response as one row with the stated split", () => {
    const layout = expenditureRows([template()]);
    expect(layout.formulas).toHaveLength(1);
    const row = layout.formulas[0];
    expect(row).toHaveLength(13);
    expect(row[col("Scheme ID")]).toBe("S001");
    expect(row[col("Scheme Name")]).toBe("Integrated Crisis Response");
    expect(row[col("Scheme Type")]).toBe("Urgent Community Response");
    expect(row[col("Sub-type")]).toBe("Crisis response and admission avoidance");
    expect(row[col("Area of Spend")]).toBe("Community Health");
    expect(row[col("Commissioner")]).toBe("Joint");
    expect(row[col("Provider")]).toBe("NHS Community Provider");
    expect(row[col("Source of Funding")]).toBe("NHS minimum contribution");
    expect(row[col("NHS (£)")]).toBe(125000);
    expect(row[col("Council (£)")]).toBe(115000);
    expect(row[col("Total (£)")]).toBe("=[@[NHS (£)]]+[@[Council (£)]]");
    expect(row[col("% NHS")]).toBe("=IF([@[Total (£)]]=0,0,[@[NHS (£)]]/[@[Total (£)]])");
    expect(row[col("% LA")]).toBe("=IF([@[Total (£)]]=0,0,[@[Council (£)]]/[@[Total (£)]])");
    expect(layout.notes).toEqual([]);
  });

  it("gives £ and % formats and a SUBTOTAL totals row under the £ columns", () => {
    const layout = expenditureRows([template()]);
    expect(layout.numberFormats[0][col("NHS (£)")]).toBe("£#,##0.00");
    expect(layout.numberFormats[0][col("Council (£)")]).toBe("£#,##0.00");
    expect(layout.numberFormats[0][col("Total (£)")]).toBe("£#,##0.00");
    expect(layout.numberFormats[0][col("% NHS")]).toBe("0.0%");
    expect(layout.numberFormats[0][col("% LA")]).toBe("0.0%");
    expect(layout.numberFormats[0][col("Scheme Name")]).toBe("General");
    expect(layout.totals[0]).toBe("Total");
    expect(layout.totals[col("NHS (£)")]).toBe("=SUBTOTAL(109,[NHS (£)])");
    expect(layout.totals[col("Council (£)")]).toBe("=SUBTOTAL(109,[Council (£)])");
    expect(layout.totals[col("Total (£)")]).toBe("=SUBTOTAL(109,[Total (£)])");
    expect(layout.totals[col("% NHS")]).toBe("");
  });

  it("puts a line of a different funding source on its own row, with the same scheme ID", () => {
    const layout = expenditureRows(
      [
        template({
          costs: [
            {
              description: "posts",
              fundingSource: "NHS minimum contribution",
              nhs: 100,
              council: 50,
              total: 150,
            },
            {
              description: "equipment",
              fundingSource: "DFG",
              nhs: 0,
              council: 20.5,
              total: 20.5,
            },
            {
              description: "more posts",
              fundingSource: "NHS minimum contribution",
              nhs: 10.1,
              council: 0.2,
              total: 10.3,
            },
          ],
        }),
      ],
      ["S004"]
    );
    expect(
      layout.formulas.map((r) => [
        r[0],
        r[col("Source of Funding")],
        r[col("NHS (£)")],
        r[col("Council (£)")],
      ])
    ).toEqual([
      ["S005", "NHS minimum contribution", 110.1, 50.2],
      ["S005", "DFG", 0, 20.5],
    ]);
    expect(layout.schemeIds).toEqual(["S005"]);
  });

  it("puts a total-only line on the side its commissioner implies, and says so", () => {
    const ccg = expenditureRows([
      template({
        commissioner: "CCG/ICB",
        costs: [{ description: "beds", fundingSource: "iBCF", total: 3000 }],
      }),
    ]);
    expect([ccg.formulas[0][col("NHS (£)")], ccg.formulas[0][col("Council (£)")]]).toEqual([
      3000, 0,
    ]);
    expect(ccg.notes).toHaveLength(1);
    expect(ccg.notes[0]).toMatch(/^S001 .*NHS.*CCG\/ICB/);

    const la = expenditureRows([
      template({
        commissioner: "Local Authority",
        costs: [
          {
            description: "care",
            fundingSource: "NHS minimum contribution",
            total: 4000,
          },
        ],
      }),
    ]);
    expect([la.formulas[0][col("NHS (£)")], la.formulas[0][col("Council (£)")]]).toEqual([0, 4000]);
    expect(la.notes[0]).toMatch(/council.*Local Authority/);
  });

  it("splits a joint total-only line by the stated % NHS to the penny", () => {
    const layout = expenditureRows([
      template({
        commissioner: "Joint",
        percentNhs: 33.3,
        costs: [{ description: "x", fundingSource: "iBCF", total: 1000.01 }],
      }),
    ]);
    const nhs = layout.formulas[0][col("NHS (£)")] as number;
    const council = layout.formulas[0][col("Council (£)")] as number;
    expect(nhs).toBe(333);
    expect(council).toBe(667.01);
    expect(layout.notes[0]).toMatch(/33\.3% NHS/);
  });

  it("falls back on the funding source when no commissioner is given", () => {
    const layout = expenditureRows([
      template({
        commissioner: undefined,
        costs: [
          { description: "a", fundingSource: "DFG", total: 10 },
          {
            description: "b",
            fundingSource: "Additional NHS contribution",
            total: 20,
          },
        ],
      }),
    ]);
    expect(layout.formulas.map((r) => [r[col("NHS (£)")], r[col("Council (£)")]])).toEqual([
      [0, 10],
      [20, 0],
    ]);
    expect(layout.notes.every((n) => /Check it/.test(n))).toBe(true);
  });

  it("completes a one-sided line from its total", () => {
    const layout = expenditureRows([
      template({
        costs: [{ description: "a", fundingSource: "iBCF", nhs: 100, total: 250 }],
      }),
    ]);
    expect([layout.formulas[0][col("NHS (£)")], layout.formulas[0][col("Council (£)")]]).toEqual([
      100, 150,
    ]);
    expect(layout.notes[0]).toMatch(/council share taken as the total less the NHS share/);
  });

  it("keeps the plan's parts where they disagree with its total, and notes the difference", () => {
    const split = splitCostLine(
      {
        description: "x",
        fundingSource: "iBCF",
        nhs: 100,
        council: 100,
        total: 250,
      },
      { name: "Scheme", commissioner: "Joint" }
    );
    expect([split.nhs, split.council]).toEqual([100, 100]);
    expect(split.note).toMatch(/£250.*£200/);
  });

  it("gives a template without cost lines one row with blank amounts", () => {
    const layout = expenditureRows([template({ costs: [] })]);
    expect(layout.formulas).toHaveLength(1);
    expect(layout.formulas[0][col("NHS (£)")]).toBe("");
    expect(layout.formulas[0][col("Source of Funding")]).toBe("");
  });

  it("property: one row per template per funding source, and NHS + council add back to the stated totals to the penny", () => {
    const line = fc.record({
      fundingSource: fc.constantFrom(...FUNDING_SOURCES),
      pence: fc.integer({ min: 0, max: 10_000_000_00 }),
      nhsShare: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    });
    const commissioner = fc.constantFrom(
      "Local Authority",
      "CCG/ICB",
      "NHS England",
      "Joint",
      undefined
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(line, { maxLength: 5 }), commissioner), {
          maxLength: 8,
        }),
        (specs) => {
          const templates = specs.map(([lines, c], i) =>
            template({
              name: `Scheme ${i}`,
              commissioner: c as never,
              costs: lines.map((l) => {
                const total = l.pence / 100;
                if (l.nhsShare === undefined)
                  return {
                    description: "l",
                    fundingSource: l.fundingSource,
                    total,
                  };
                const nhs = Math.round((l.pence * l.nhsShare) / 100) / 100;
                return {
                  description: "l",
                  fundingSource: l.fundingSource,
                  total,
                  nhs,
                  council: Math.round((total - nhs) * 100) / 100,
                };
              }),
            })
          );
          const layout = expenditureRows(templates);
          const expectedRows = specs.reduce(
            (n, [lines]) => n + Math.max(1, new Set(lines.map((l) => l.fundingSource)).size),
            0
          );
          expect(layout.formulas).toHaveLength(expectedRows);
          specs.forEach(([lines], t) => {
            const rows = layout.formulas.filter((r) => r[0] === layout.schemeIds[t]);
            for (const source of new Set<FundingSource>(lines.map((l) => l.fundingSource))) {
              const statedPence = lines
                .filter((l) => l.fundingSource === source)
                .reduce((s, l) => s + l.pence, 0);
              const row = rows.find((r) => r[col("Source of Funding")] === source)!;
              const nhs = row[col("NHS (£)")] as number;
              const council = row[col("Council (£)")] as number;
              expect(nhs).toBeGreaterThanOrEqual(0);
              expect(council).toBeGreaterThanOrEqual(0);
              expect(Math.round(nhs * 100) + Math.round(council * 100)).toBe(statedPence);
            }
          });
          expect(new Set(layout.schemeIds).size).toBe(templates.length);
        }
      )
    );
  });
});

describe("text from a template pack", () => {
  it("is written so Excel keeps it as text, never as a formula or a number", () => {
    const layout = expenditureRows([
      template({
        name: '=HYPERLINK("http://example.invalid","x")',
        subType: "2024",
        providerName: "+44 team",
        provider: undefined,
      }),
    ]);
    const row = layout.formulas[0];
    expect(row[col("Scheme Name")]).toBe(`'=HYPERLINK("http://example.invalid","x")`);
    expect(row[col("Sub-type")]).toBe("'2024");
    expect(row[col("Provider")]).toBe("'+44 team");
    expect(row[col("Scheme Type")]).toBe("Urgent Community Response");
  });

  it("asText leaves ordinary words alone", () => {
    expect(
      ["Integrated Crisis Response", "Hospital Transfer & Reablement", "", "Step-up beds"].map(
        asText
      )
    ).toEqual(["Integrated Crisis Response", "Hospital Transfer & Reablement", "", "Step-up beds"]);
    expect(["-1", "12.5%", "TRUE", "#N/A", "'quoted", "@home"].map(asText)).toEqual([
      "'-1",
      "'12.5%",
      "'TRUE",
      "'#N/A",
      "''quoted",
      "'@home",
    ]);
  });
});
