/**
 * Workbooks laid out by hand from the seed plans: clean ones must get no error and no warning (false
 * alarms cost users' trust), and the same layouts with one slip must get exactly that slip.
 */
import { runChecks } from "../../../src/core/checks";
import { sheetFromRows } from "../../../src/core/workbook";
import { GBP, PCT, f, typed } from "./fixtures";

const notInfo = (snapshot: Parameters<typeof runChecks>[0]) =>
  runChecks(snapshot).filter((x) => x.severity !== "info");

// Seed 000's proposed Section 256 schemes: £340,000 + £140,000 + £290,000 + £180,000 + £135,000 + £1,600,000 = £2,685,000.
const S256: Array<[string, number]> = [
  ["Increasing reliance on non-bed based care", 340000],
  ["Redesign of assessment and reassessment processes", 140000],
  ["Intensive reablement for clients with low level needs", 290000],
  ["Ensuring high quality care provision", 180000],
  ["Responding to commissioning requirements", 135000],
  ["Investing in system wide integration", 1600000],
];

describe("seed 000: proposed Section 256 schemes", () => {
  test("typed amounts under a typed total of £2,685,000: nothing to report", () => {
    const sheet = sheetFromRows("S256", [
      ["Proposed Section 256 Schemes"],
      [],
      ["Scheme", "Amount"],
      ...S256.map(([name, amount]) => [name, typed(amount, GBP)]),
      ["Total", typed(2685000, GBP)],
    ]);
    expect(runChecks({ sheets: [sheet] })).toEqual([]);
  });

  test("pasted from the plan as text ('£340,000'), the figures still reconcile: one hygiene warning, no error", () => {
    const sheet = sheetFromRows("S256", [
      ["Scheme", "Amount"],
      ...S256.map(([name, amount]) => [name, `£${amount.toLocaleString("en-GB")}`]),
      ["Total", "£2,685,000"],
    ]);
    const found = runChecks({ sheets: [sheet] });
    expect(found.map((x) => [x.rule, x.severity, x.cell])).toEqual([["hygiene", "warning", "B2"]]);
    expect(found[0].message).toContain("B2:B8 hold numbers stored as text");
  });

  test("with £1,600,000 keyed as £1,060,000 the total is one error", () => {
    const sheet = sheetFromRows("S256", [
      ["Scheme", "Amount"],
      ...S256.map(([name, amount]) => [name, typed(amount === 1600000 ? 1060000 : amount, GBP)]),
      ["Total", typed(2685000, GBP)],
    ]);
    expect(notInfo({ sheets: [sheet] })).toMatchObject([
      { rule: "totals", cell: "B8", expected: 2145000, actual: 2685000 },
    ]);
  });
});

describe("a national-template-like plan: income by source, expenditure lines, joint commissioning", () => {
  const income = (dfg: number) =>
    sheetFromRows("Income", [
      ["Better Care Fund 2024-25: income"],
      [],
      ["Funding source", "Contributor", "Amount (£)"],
      [
        "NHS minimum contribution",
        "NHS Leicester, Leicestershire and Rutland ICB",
        typed(2000000, GBP),
      ],
      ["iBCF", "Rutland County Council", typed(800000, GBP)],
      ["DFG", "Rutland County Council", typed(dfg, GBP)],
      ["Discharge fund", "NHS Leicester, Leicestershire and Rutland ICB", typed(250000.5, GBP)],
      ["Total", null, f("=SUM(C4:C7)", 2000000 + 800000 + dfg + 250000.5, GBP)],
    ]);
  const expenditure = sheetFromRows("Expenditure", [
    [
      "Scheme ID",
      "Scheme Name",
      "Brief description",
      "Scheme Type",
      "Area of Spend",
      "Commissioner",
      "% NHS",
      "% LA",
      "Provider",
      "Source of Funding",
      "Expenditure (£)",
      "New/Existing scheme",
    ],
    [
      "1",
      "Integrated Crisis Response",
      "Rapid response 7 days a week",
      "Urgent Community Response",
      "Community Health",
      "Joint",
      f("0.52", 0.52, PCT),
      f("0.48", 0.48, PCT),
      "NHS Community Provider",
      "NHS minimum contribution",
      typed(240000, GBP),
      "Existing",
    ],
    [
      "2",
      "Hospital Transfer & Reablement",
      "Home first",
      "High Impact Change Model for Managing Transfer of Care",
      "Social Care",
      "Joint",
      f("0.19", 0.19, PCT),
      f("0.81", 0.81, PCT),
      "Local Authority",
      "NHS minimum contribution",
      typed(696000, GBP),
      "Existing",
    ],
    [
      "3",
      "Protecting social care",
      "",
      "Other",
      "Social Care",
      "Local Authority",
      null,
      null,
      "Local Authority",
      "NHS minimum contribution",
      typed(1064000, GBP),
      "Existing",
    ],
    [
      "4",
      "Intermediate care beds",
      "50 admissions per month  600 admissions per annum",
      "Bed based intermediate Care Services",
      "Social Care",
      "Local Authority",
      null,
      null,
      "Private Sector",
      "iBCF",
      typed(800000, GBP),
      "New",
    ],
    [
      "5",
      "Adaptations",
      "",
      "DFG Related Schemes",
      "Social Care",
      "Local Authority",
      null,
      null,
      "Local Authority",
      "DFG",
      typed(425000, GBP),
      "Existing",
    ],
    [
      "6",
      "Discharge support",
      "21 discharges a week  1092 discharges per annum",
      "Home Care or Domiciliary Care",
      "Social Care",
      "CCG/ICB",
      null,
      null,
      "Private Sector",
      "Discharge fund",
      typed(250000.5, GBP),
      "New",
    ],
  ]);

  test("balanced and consistent: no error, no warning", () => {
    expect(notInfo({ sheets: [income(425000), expenditure] })).toEqual([]);
  });

  test("DFG income £424,000 against £425,000 of DFG schemes is one balance error at the DFG income", () => {
    const found = notInfo({ sheets: [income(424000), expenditure] });
    expect(found).toMatchObject([
      { rule: "funding-balance", sheet: "Income", cell: "C6", actual: -1000 },
    ]);
  });
});

describe("seed 004 commissioning intentions table", () => {
  const intentions = (stepUpBaseline: string) =>
    sheetFromRows("Intentions", [
      ["Scheme", "Provider", "Baseline", "Target"],
      [
        "Intermediate care (70 beds)",
        "WCC/WHC",
        "50 admissions per month  600 admissions per annum",
        "60 admissions a month  720 admissions per annum",
      ],
      [
        "Urgent care at home",
        "Medvivo /WHC /Acute Trusts",
        "65 cases per month\n780 cases per annum",
        "80 cases per month\n960 cases per annum",
      ],
      [
        "Step up (community hospitals)",
        "WHC",
        "15 patients per month\n180 patients per annum",
        "25 patients Per month\n300 patients per annum",
      ],
      [
        "Step up (South Wiltshire care homes)",
        "WHC /GPS",
        stepUpBaseline,
        "12 patients a month\n144 patients a year",
      ],
      [
        "Palliative care",
        "Dorothy House Hospice and Salisbury Hospice",
        "10 cases per month\n120 cases per annum",
        "16 cases per month\n192 cases per annum",
      ],
      [
        "Integrated discharge teams",
        "System wide",
        "TBC",
        "Core business levels at circa 1200 discharges per annum from the acute trusts",
      ],
    ]);

  test("as it should read (8 a month, 96 a year): clean", () => {
    expect(runChecks({ sheets: [intentions("8 patients a month\n96 patients a year")] })).toEqual(
      []
    );
  });

  test("as the plan states it (8 a month, 104 a year): exactly one error, at C5", () => {
    expect(
      runChecks({ sheets: [intentions("8 patients a month\n104 patients a year")] })
    ).toMatchObject([
      { rule: "periods", severity: "error", cell: "C5", expected: 96, actual: 104 },
    ]);
  });
});
