/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { CheckTab } from "../../src/taskpane/components/CheckTab";
import { setWorkbookProvider } from "../../src/excel/host";
import * as excel from "../../src/excel";
import * as checks from "../../src/core/checks";
import type { Finding } from "../../src/core/checks/finding";
import { sheetFromRows, type WorkbookSnapshot } from "../../src/core/workbook";
import { renderInFluent } from "./fixtures";

jest.mock("../../src/excel", () => ({
  insertTemplates: jest.fn(),
  removeInsertion: jest.fn(),
  buildPlanSkeleton: jest.fn(),
  readWorkbookSnapshot: jest.fn(),
  selectCell: jest.fn(),
  listBcfFormulas: jest.fn(),
  replaceBcfFormulasWithValues: jest.fn(),
}));
// The real rules by default; a test may hand the pane findings of its own to check the listing exactly.
jest.mock("../../src/core/checks", () => {
  const actual = jest.requireActual("../../src/core/checks");
  return { ...actual, checkWorkbook: jest.fn() };
});
const mocked = excel as jest.Mocked<typeof excel>;
const mockedChecks = checks as jest.Mocked<typeof checks>;
const actualChecks = jest.requireActual("../../src/core/checks") as typeof checks;
const fakeContext = { fake: "context" } as unknown as Excel.RequestContext;

const GBP = "£#,##0.00";
const SNAPSHOT: WorkbookSnapshot = {
  sheets: [
    sheetFromRows(
      "Income",
      [
        ["Funding source", "Amount (£)"],
        ["NHS minimum contribution", 100000],
        ["iBCF", 50000],
        ["Total", 160000],
      ],
      { numberFormat: GBP }
    ),
    sheetFromRows("Targets", [
      ["Measure", "Per month", "Per year"],
      ["People seen", 8, 104],
    ]),
    sheetFromRows(
      "Year end",
      [
        ["Item", "Share"],
        ["NHS", 0.6],
        ["LA", 0.5],
      ],
      { numberFormat: "0%" }
    ),
  ],
};

const FINDINGS: Finding[] = [
  {
    rule: "totals",
    severity: "error",
    sheet: "Income",
    cell: "B4",
    message: "The total does not equal the lines above it.",
    expected: 150000,
    actual: 160000,
  },
  {
    rule: "splits",
    severity: "error",
    sheet: "Year end",
    cell: "B3",
    message: "% NHS and % LA do not add to 100%.",
    expected: 1,
    actual: 1.1,
  },
  {
    rule: "periods",
    severity: "warning",
    sheet: "Targets",
    cell: "C2",
    message: "104 a year is not 12 × 8 a month.",
    expected: 96,
    actual: 104,
  },
  {
    rule: "hygiene",
    severity: "info",
    sheet: "Metrics",
    cell: "E2",
    message: "=BCF.RATE would show #NAME? without the add-in.",
  },
];

beforeEach(() => {
  jest.resetAllMocks();
  mockedChecks.checkWorkbook.mockImplementation(actualChecks.checkWorkbook);
  setWorkbookProvider(() => fakeContext);
});
afterEach(() => setWorkbookProvider(undefined));

const WRITES = [
  "insertTemplates",
  "removeInsertion",
  "buildPlanSkeleton",
  "replaceBcfFormulasWithValues",
] as const;

function expectNoWrites() {
  for (const name of WRITES) expect(mocked[name]).not.toHaveBeenCalled();
}

/** A check report around findings of the test's own. */
function reportOf(findings: Finding[]) {
  return { findings, coverage: [], summary: "Checked 2 totals.", recognised: true };
}

async function runCheck(findings?: Finding[], snapshot: WorkbookSnapshot = SNAPSHOT) {
  mocked.readWorkbookSnapshot.mockResolvedValueOnce(snapshot);
  if (findings) mockedChecks.checkWorkbook.mockReturnValueOnce(reportOf(findings));
  fireEvent.click(screen.getByRole("button", { name: "Check workbook" }));
  await waitFor(() =>
    expect(
      (screen.getByRole("button", { name: "Check workbook" }) as HTMLButtonElement).disabled
    ).toBe(false)
  );
}

describe("Check tab", () => {
  test("lists findings grouped by severity then sheet, with a count summary and figures as the cells show them", async () => {
    renderInFluent(<CheckTab />);
    await runCheck(FINDINGS);
    expect(mockedChecks.checkWorkbook).toHaveBeenCalledWith(SNAPSHOT);
    // The message bar loads after the pane does, so it appears a moment after the result.
    const message = (await screen.findByText("Some figures do not reconcile")).closest(
      "[role=alert]"
    ) as HTMLElement;
    expect(message.textContent).toContain(
      "Checked 3 sheets: 2 errors, 1 warning, 1 for information."
    );
    expect(document.activeElement).toBe(message);
    const summary = screen.getByRole("group", { name: "Findings summary" });
    expect(summary.textContent).toBe("2 errors1 warning1 for information");

    const headings = screen.getAllByRole("heading").map((h) => h.textContent);
    expect(headings).toEqual([
      "Errors (2)",
      "Income",
      "Year end",
      "Warnings (1)",
      "Targets",
      "For information (1)",
      "Metrics",
      "Prepare for submission",
    ]);
    const errors = screen.getByRole("region", { name: "Errors (2)" });
    const names = within(errors)
      .getAllByRole("button")
      .map((b) => b.textContent);
    expect(names).toEqual([
      // £ because Income!B4 is formatted as currency; % for the percentage cell; sheet names with spaces quoted as Excel does.
      "Income!B4 The total does not equal the lines above it. Expected £150,000.00, found £160,000.00.",
      "'Year end'!B3 % NHS and % LA do not add to 100%. Expected 100%, found 110%.",
    ]);
    const warning = within(screen.getByRole("region", { name: "Warnings (1)" })).getByRole(
      "button"
    );
    expect(warning.textContent).toBe(
      "Targets!C2 104 a year is not 12 × 8 a month. Expected 96, found 104."
    );
    const info = within(screen.getByRole("region", { name: "For information (1)" })).getByRole(
      "button"
    );
    expect(info.textContent).toBe("Metrics!E2 =BCF.RATE would show #NAME? without the add-in.");
    expectNoWrites();
  });

  test("a finding selects its cell in Excel when clicked", async () => {
    mocked.selectCell.mockResolvedValue(undefined);
    renderInFluent(<CheckTab />);
    await runCheck(FINDINGS);
    fireEvent.click(screen.getByRole("button", { name: /^Targets!C2/ }));
    await waitFor(() =>
      expect(mocked.selectCell).toHaveBeenCalledWith(fakeContext, "Targets", "C2")
    );
    fireEvent.click(screen.getByRole("button", { name: /^'Year end'!B3/ }));
    await waitFor(() =>
      expect(mocked.selectCell).toHaveBeenLastCalledWith(fakeContext, "Year end", "B3")
    );
    expectNoWrites();
  });

  test("a cell that cannot be selected any more is explained", async () => {
    mocked.selectCell.mockRejectedValue(
      Object.assign(new Error("not found"), { code: "ItemNotFound" })
    );
    renderInFluent(<CheckTab />);
    await runCheck(FINDINGS);
    fireEvent.click(screen.getByRole("button", { name: /^Income!B4/ }));
    const alert = await screen.findByText("Cell not selected");
    const bar = alert.closest("[role=alert]") as HTMLElement;
    expect(bar.textContent).toContain("Income!B4 could not be selected");
    expect(bar.textContent).toContain("no longer in the workbook");
  });

  test("shows reading progress, disables the button while it runs, and re-checks after edits", async () => {
    let finish: (s: WorkbookSnapshot) => void = () => undefined;
    let progress: ((done: number, total: number) => void) | undefined;
    mocked.readWorkbookSnapshot.mockImplementationOnce((_context, options) => {
      progress = options?.onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    mockedChecks.checkWorkbook.mockReturnValueOnce(reportOf(FINDINGS));
    renderInFluent(<CheckTab />);
    const check = screen.getByRole("button", { name: "Check workbook" }) as HTMLButtonElement;
    fireEvent.click(check);
    await waitFor(() => expect(check.disabled).toBe(true));
    expect(screen.getByText("Reading the workbook…")).toBeTruthy();
    expect(progress).toBeDefined();
    act(() => progress!(2500, 10000));
    const bar = screen.getByRole("progressbar");
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeCloseTo(0.25);
    expect(screen.getByText("2,500 of 10,000 rows read")).toBeTruthy();
    await act(async () => finish(SNAPSHOT));
    await waitFor(() => expect(check.disabled).toBe(false));
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getAllByRole("button", { name: /^Income!B4/ })).toHaveLength(1);
    // One Check button: checking again is the same action, not a second "Re-check".
    expect(screen.getAllByRole("button", { name: /check/i }).map((b) => b.textContent)).toEqual([
      "Check workbook",
    ]);

    // The user fixes the total and checks again: the list follows the workbook.
    mocked.readWorkbookSnapshot.mockResolvedValueOnce(SNAPSHOT);
    mockedChecks.checkWorkbook.mockReturnValueOnce(reportOf(FINDINGS.slice(2)));
    fireEvent.click(screen.getByRole("button", { name: "Check workbook" }));
    await screen.findByText("No errors, some warnings");
    expect(screen.queryByRole("button", { name: /^Income!B4/ })).toBeNull();
    expect(screen.getByRole("group", { name: "Findings summary" }).textContent).toBe(
      "0 errors1 warning1 for information"
    );
    expect(mocked.readWorkbookSnapshot).toHaveBeenCalledTimes(2);
    expectNoWrites();
  });

  test("a clean workbook is reported as such, with the real rules", async () => {
    renderInFluent(<CheckTab />);
    const clean: WorkbookSnapshot = {
      sheets: [
        sheetFromRows(
          "Income",
          [
            ["Funding source", "Amount (£)"],
            ["NHS minimum contribution", 100000],
            ["iBCF", 50000],
            ["Total", { formula: "=SUM(B2:B3)", value: 150000, format: GBP }],
          ],
          { numberFormat: GBP }
        ),
      ],
    };
    await runCheck(undefined, clean);
    expect(mockedChecks.checkWorkbook).toHaveBeenCalledWith(clean);
    const message = await screen.findByText("No errors found");
    expect(message.closest("[role=status]")!.textContent).toContain(
      "Checked 1 sheet: 0 errors, 0 warnings, 0 for information."
    );
    // What was checked, so a clean result is not mistaken for an unchecked one.
    expect(screen.getByLabelText("What was checked").textContent).toMatch(
      /^Checked 1 total, .*funding balance: income by source found, but no expenditure lines/
    );
    expect(screen.queryAllByRole("region")).toHaveLength(1); // only the submission section
    expectNoWrites();
  });

  test("a workbook with nothing the rules recognise is not reported as clean", async () => {
    renderInFluent(<CheckTab />);
    const notes: WorkbookSnapshot = {
      sheets: [sheetFromRows("Notes", [["Meeting notes"], ["Agreed to review in March"]])],
    };
    await runCheck(undefined, notes);
    const message = await screen.findByText("Nothing was recognised to check");
    expect(message.closest("[role=alert], [role=status]")).toBeTruthy();
    expect(screen.queryByText("No errors found")).toBeNull();
    expect(screen.getByLabelText("What was checked").textContent).toMatch(
      /^Nothing was checked: totals: no total row or column found/
    );
  });

  test("a wrong typed total is found by the real rules and shown with expected and actual in £", async () => {
    renderInFluent(<CheckTab />);
    await runCheck(undefined, SNAPSHOT);
    const finding = await screen.findByRole("button", { name: /^Income!B4/ });
    expect(finding.textContent).toContain("£150,000.00");
    expect(finding.textContent).toContain("£160,000.00");
    expect(
      within(screen.getByRole("region", { name: /^Errors/ })).getAllByRole("button").length
    ).toBeGreaterThan(0);
  });

  test("a long list shows the first 50 of a severity, grouped by sheet, and the rest on request", async () => {
    const many: Finding[] = Array.from({ length: 60 }, (_, i) => ({
      rule: "totals",
      severity: "error",
      sheet: i < 30 ? "Income" : "Expenditure",
      cell: `B${i + 2}`,
      message: `Total ${i + 1} does not add up.`,
    }));
    renderInFluent(<CheckTab />);
    await runCheck([...many, FINDINGS[2]]);
    const errors = screen.getByRole("region", { name: "Errors (60)" });
    const shown = () => within(errors).getAllByRole("button", { name: /^(Income|Expenditure)!/ });
    expect(shown()).toHaveLength(50);
    expect(
      within(errors)
        .getAllByRole("heading")
        .map((h) => h.textContent)
    ).toEqual(["Errors (60)", "Income", "Expenditure"]);
    // The warning is not held back by the errors' limit.
    expect(screen.getByRole("button", { name: /^Targets!C2/ })).toBeTruthy();
    fireEvent.click(within(errors).getByRole("button", { name: "Show all 60 errors" }));
    expect(shown()).toHaveLength(60);
    expect(shown()[59].textContent).toContain("Expenditure!B61");
    expect(within(errors).queryByRole("button", { name: /^Show all/ })).toBeNull();
  });

  test("a workbook that cannot be read is explained in plain words", async () => {
    mocked.readWorkbookSnapshot.mockRejectedValueOnce(
      Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" })
    );
    renderInFluent(<CheckTab />);
    fireEvent.click(screen.getByRole("button", { name: "Check workbook" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The workbook could not be checked");
    expect(alert.textContent).toContain("Excel is busy editing a cell");
    expect(mockedChecks.checkWorkbook).not.toHaveBeenCalled();
  });
});
