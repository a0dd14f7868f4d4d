/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import fc from "fast-check";
import { App } from "../../src/taskpane/components/App";
import { NewPlanTab } from "../../src/taskpane/components/NewPlanTab";
import { setWorkbookProvider } from "../../src/excel/host";
import * as excel from "../../src/excel";
import type { InsertionResult } from "../../src/excel";
import { financialYearOf, financialYearProblem } from "../../src/taskpane/state/financialYear";
import { FIXTURE_TEMPLATES, renderInFluent } from "./fixtures";

jest.mock("../../src/excel", () => ({
  buildPlanSkeleton: jest.fn(),
  removeInsertion: jest.fn(),
  readPlanPresence: jest.fn(),
  readSchemesInPlan: jest.fn(),
  selectCell: jest.fn(),
  previewRemoval: jest.fn(),
}));
const mocked = excel as jest.Mocked<typeof excel>;
const fakeContext = { fake: "context" } as unknown as Excel.RequestContext;
const SHEETS = ["Cover", "Income", "Expenditure", "Targets", "Metrics", "Summary"];

function skeletonResult(sheetsAdded: string[]): InsertionResult {
  return {
    record: {
      kind: "skeleton",
      sheets: sheetsAdded.map((name) => ({ id: `{${name}}`, name, cells: {} })),
      tables: [],
      rows: [],
      filled: [],
    },
    message: `Built the plan workbook for Rutland, 2025-26.`,
    rowsAdded: 0,
    sheetsAdded,
    notes: [],
  };
}

const NO_PLAN = {
  sheets: {},
  tables: {},
  missing: ["cover", "income", "expenditure", "targets", "metrics", "summary"],
  hasPlan: false,
} as const;

beforeEach(() => {
  jest.resetAllMocks();
  mocked.readPlanPresence.mockResolvedValue({ ...NO_PLAN, missing: [...NO_PLAN.missing] });
  mocked.readSchemesInPlan.mockResolvedValue([]);
  setWorkbookProvider(() => fakeContext);
});
afterEach(() => setWorkbookProvider(undefined));

function fill(label: string, value: string) {
  fireEvent.change(screen.getByRole("textbox", { name: label }), { target: { value } });
}

describe("New plan tab", () => {
  test("is reached from its tab, and builds the skeleton with the details entered", async () => {
    mocked.buildPlanSkeleton.mockResolvedValue(skeletonResult(SHEETS));
    renderInFluent(<App templates={FIXTURE_TEMPLATES} />);
    fireEvent.click(screen.getByRole("tab", { name: "New plan" }));
    expect(screen.getByRole("tab", { name: "New plan" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    // The tab's code loads when it is first opened.
    await screen.findByRole("textbox", { name: "Area" });
    fill("Area", "  Rutland ");
    fill("Health and Wellbeing Board", "Rutland Health and Wellbeing Board");
    fill("Financial year", "2025 – 26");
    fireEvent.click(screen.getByRole("button", { name: "Build plan workbook" }));
    const result = await screen.findByText("Plan workbook built");
    expect(mocked.buildPlanSkeleton).toHaveBeenCalledWith(fakeContext, {
      area: "Rutland",
      healthAndWellbeingBoard: "Rutland Health and Wellbeing Board",
      year: "2025-26",
    });
    const bar = result.closest("[role=status]") as HTMLElement;
    expect(bar.textContent).toContain(
      "Built the plan workbook for Rutland, 2025-26. Cover is open."
    );
    fireEvent.click(within(bar).getByRole("button", { name: "Details" }));
    const listed = within(bar).getByRole("list", { name: "Sheets added" });
    expect(
      within(listed)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual(SHEETS);
    expect(document.activeElement).toBe(bar);
  });

  test("the sheets a build added can be removed again in one step, once the user agrees", async () => {
    mocked.buildPlanSkeleton.mockResolvedValue(skeletonResult(["Cover", "Income (2)"]));
    mocked.previewRemoval.mockResolvedValue({
      deleteSheets: [
        { id: "{Cover}", name: "Cover" },
        { id: "{Income (2)}", name: "Income (2)" },
      ],
      deleteTables: [],
      clearCells: [],
      deleteCharts: [],
      clearBoxes: [],
      deleteRows: [],
      restoreRows: [],
      removed: ["the sheet “Cover”", "the sheet “Income (2)”"],
      kept: [],
      gone: [],
    });
    mocked.removeInsertion.mockResolvedValue({
      removed: ["the sheet “Cover”", "the sheet “Income (2)”"],
      kept: [],
      gone: [],
      message: "Removed the sheet “Cover” and the sheet “Income (2)”.",
    });
    renderInFluent(<NewPlanTab />);
    expect(screen.queryByRole("button", { name: "Remove the new sheets" })).toBeNull();
    fill("Area", "Rutland");
    fill("Health and Wellbeing Board", "Rutland HWB");
    fireEvent.click(screen.getByRole("button", { name: "Build plan workbook" }));
    await screen.findByText("Plan workbook built");
    fireEvent.click(screen.getByRole("button", { name: "Remove the new sheets" }));
    fireEvent.click(await screen.findByRole("button", { name: "Delete" }));
    const done = await screen.findByText("New sheets removed");
    expect(done.closest("[role=status]")!.textContent).toContain(
      "Removed the sheet “Cover” and the sheet “Income (2)”."
    );
    expect(mocked.removeInsertion).toHaveBeenCalledWith(
      fakeContext,
      skeletonResult(["Cover", "Income (2)"]).record,
      { confirmedSheets: ["{Cover}", "{Income (2)}"] }
    );
    expect(screen.queryByRole("button", { name: "Remove the new sheets" })).toBeNull();
  });

  test("missing or malformed details are explained and nothing is built", async () => {
    renderInFluent(<NewPlanTab today={new Date(2025, 5, 1)} />);
    expect(
      (screen.getByRole("textbox", { name: "Financial year" }) as HTMLInputElement).value
    ).toBe("2025-26");
    fill("Financial year", "2025-27");
    fireEvent.click(screen.getByRole("button", { name: "Build plan workbook" }));
    expect(await screen.findByText("Enter the area the plan is for.")).toBeTruthy();
    expect(screen.getByText("Enter the Health and Wellbeing Board.")).toBeTruthy();
    expect(
      screen.getByText(/A financial year runs into the next calendar year: 2025-26/)
    ).toBeTruthy();
    expect(mocked.buildPlanSkeleton).not.toHaveBeenCalled();
  });

  test("pressing Enter in the form builds the plan; while building, the button is disabled with a spinner", async () => {
    let finish: (r: InsertionResult) => void = () => undefined;
    mocked.buildPlanSkeleton.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    renderInFluent(<NewPlanTab today={new Date(2026, 1, 10)} />);
    fill("Area", "Testshire");
    fill("Health and Wellbeing Board", "Testshire HWB");
    fireEvent.submit(screen.getByRole("form", { name: "New plan" }));
    const button = screen.getByRole("button", { name: "Build plan workbook" }) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(true));
    expect(screen.getByText("Building the plan workbook…")).toBeTruthy();
    // February 2026 falls in 2025-26.
    expect(mocked.buildPlanSkeleton).toHaveBeenCalledWith(fakeContext, {
      area: "Testshire",
      healthAndWellbeingBoard: "Testshire HWB",
      year: "2025-26",
    });
    await act(async () => finish(skeletonResult(["Cover (2)"])));
    await screen.findByText("Plan workbook built");
    expect(button.disabled).toBe(false);
  });

  test("an error from Excel is shown in plain words", async () => {
    mocked.buildPlanSkeleton.mockRejectedValue(
      Object.assign(new Error("Workbook is read-only"), { code: "WorkbookReadOnly" })
    );
    renderInFluent(<NewPlanTab />);
    fill("Area", "Rutland");
    fill("Health and Wellbeing Board", "Rutland HWB");
    fireEvent.click(screen.getByRole("button", { name: "Build plan workbook" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The plan workbook was not built");
    expect(alert.textContent).toContain("This workbook is open read-only");
  });
});

describe("financial years", () => {
  test("a date's financial year starts on 1 April and is always a valid one", () => {
    expect(financialYearOf(new Date(2025, 2, 31))).toBe("2024-25");
    expect(financialYearOf(new Date(2025, 3, 1))).toBe("2025-26");
    expect(financialYearOf(new Date(1999, 11, 31))).toBe("1999-00");
    fc.assert(
      fc.property(
        fc.date({ min: new Date(1990, 0, 1), max: new Date(2098, 11, 31), noInvalidDate: true }),
        (date) => {
          const year = financialYearOf(date);
          expect(financialYearProblem(year)).toBeUndefined();
          const start = Number(year.slice(0, 4));
          // The date lies between 1 April of the start year and 31 March of the next.
          expect(date >= new Date(start, 3, 1) && date < new Date(start + 1, 3, 1)).toBe(true);
        }
      )
    );
  });

  test("a workbook that already has the plan: the pane asks, and Open the plan goes to its Cover", async () => {
    mocked.readPlanPresence.mockResolvedValue({
      sheets: { cover: "Cover", income: "Income", expenditure: "Expenditure", summary: "Summary" },
      tables: { expenditure: "BCF_Expenditure" },
      missing: ["targets", "metrics"],
      hasPlan: true,
    });
    mocked.selectCell.mockResolvedValue(undefined);
    renderInFluent(<NewPlanTab />);
    fill("Area", "Rutland");
    fill("Health and Wellbeing Board", "Rutland HWB");
    fireEvent.click(screen.getByRole("button", { name: "Build plan workbook" }));
    const question = await screen.findByRole("group", {
      name: "This workbook already has a plan",
    });
    expect(question.textContent).toContain(
      "This workbook already has a BCF plan (Cover, Income, Expenditure and Summary). It is missing Targets and Metrics."
    );
    expect(document.activeElement).toBe(question);
    expect(mocked.buildPlanSkeleton).not.toHaveBeenCalled();
    fireEvent.click(within(question).getByRole("button", { name: "Open the plan" }));
    await waitFor(() => expect(mocked.selectCell).toHaveBeenCalledWith(fakeContext, "Cover", "A1"));
    expect(mocked.buildPlanSkeleton).not.toHaveBeenCalled();
    expect(screen.queryByRole("group", { name: "This workbook already has a plan" })).toBeNull();
  });

  test("adding only what is missing builds with the plan's sheets reused, and never names the lists sheet", async () => {
    mocked.readPlanPresence.mockResolvedValue({
      sheets: { cover: "Cover", income: "Income", expenditure: "Expenditure", summary: "Summary" },
      tables: {},
      missing: ["targets", "metrics"],
      hasPlan: true,
    });
    mocked.buildPlanSkeleton.mockResolvedValue(skeletonResult(["BCF Lists", "Targets", "Metrics"]));
    renderInFluent(<NewPlanTab />);
    fill("Area", "Rutland");
    fill("Health and Wellbeing Board", "Rutland HWB");
    fireEvent.click(screen.getByRole("button", { name: "Build plan workbook" }));
    const question = await screen.findByRole("group", { name: "This workbook already has a plan" });
    fireEvent.click(within(question).getByRole("button", { name: "Add Targets and Metrics" }));
    const result = await screen.findByText("Plan workbook built");
    expect(mocked.buildPlanSkeleton).toHaveBeenCalledTimes(1);
    const bar = result.closest("[role=status]") as HTMLElement;
    expect(bar.textContent).toContain("Targets is open.");
    fireEvent.click(within(bar).getByRole("button", { name: "Details" }));
    expect(bar.textContent).not.toContain("BCF Lists");
  });

  test("a whole plan already there offers no Add button", async () => {
    mocked.readPlanPresence.mockResolvedValue({
      sheets: { cover: "Cover" },
      tables: {},
      missing: [],
      hasPlan: true,
    });
    renderInFluent(<NewPlanTab />);
    fill("Area", "Rutland");
    fill("Health and Wellbeing Board", "Rutland HWB");
    fireEvent.click(screen.getByRole("button", { name: "Build plan workbook" }));
    const question = await screen.findByRole("group", { name: "This workbook already has a plan" });
    expect(question.textContent).toContain("Nothing is missing from it.");
    expect(
      within(question)
        .getAllByRole("button")
        .map((b) => b.textContent)
    ).toEqual(["Open the plan", "Cancel"]);
  });
});
