/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { SubmissionPanel } from "../../src/taskpane/components/SubmissionPanel";
import { setWorkbookProvider } from "../../src/excel/host";
import * as excel from "../../src/excel";
import { renderInFluent, ruleValue } from "./fixtures";

jest.mock("../../src/excel", () => ({
  listBcfFormulas: jest.fn(),
  replaceBcfFormulasWithValues: jest.fn(),
  restoreBcfFormulas: jest.fn(),
  hideSheets: jest.fn(),
}));
const mocked = excel as jest.Mocked<typeof excel>;
const fakeContext = { fake: "context" } as unknown as Excel.RequestContext;

const FORMULAS = [
  { sheet: "Metrics", cell: "E2", formula: "=BCF.RATE(B2,C2,D2)" },
  { sheet: "Metrics", cell: "F2", formula: '=BCF.RATE.CI(B2,C2,D2,"lower")' },
  { sheet: "Targets", cell: "G2", formula: "=BCF.UPLIFT(D2,F2)" },
];

beforeEach(() => {
  jest.resetAllMocks();
  setWorkbookProvider(() => fakeContext);
});
afterEach(() => setWorkbookProvider(undefined));

function replaceButton(): HTMLButtonElement {
  return screen.getByRole("button", { name: "Replace formulas with values" }) as HTMLButtonElement;
}

async function find() {
  fireEvent.click(screen.getByRole("button", { name: "Find =BCF formulas" }));
  await waitFor(() => expect(mocked.listBcfFormulas).toHaveBeenCalled());
  await screen.findByText(/=BCF formulas? found/);
}

describe("Prepare for submission", () => {
  test("Find =BCF formulas lists each cell and formula with a count", async () => {
    mocked.listBcfFormulas.mockResolvedValue(FORMULAS);
    renderInFluent(<SubmissionPanel />);
    expect(replaceButton().disabled).toBe(true);
    await find();
    expect(mocked.listBcfFormulas).toHaveBeenCalledWith(fakeContext);
    const message = screen
      .getByText("3 =BCF formulas found")
      .closest("[role=status]") as HTMLElement;
    expect(message.textContent).toContain("On Metrics and Targets.");
    expect(document.activeElement).toBe(message);
    const items = within(screen.getByRole("list", { name: "=BCF formulas found" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "Metrics!E2: =BCF.RATE(B2,C2,D2)",
      'Metrics!F2: =BCF.RATE.CI(B2,C2,D2,"lower")',
      "Targets!G2: =BCF.UPLIFT(D2,F2)",
    ]);
    expect(replaceButton().disabled).toBe(false);
  });

  test("Cancel at the confirmation changes nothing", async () => {
    mocked.listBcfFormulas.mockResolvedValue(FORMULAS);
    renderInFluent(<SubmissionPanel />);
    await find();
    fireEvent.click(replaceButton());
    const confirmGroup = screen.getByRole("group", { name: "Confirm replacing formulas" });
    // Exactly what will change, sheet by sheet.
    expect(confirmGroup.textContent).toContain(
      "Replace 3 =BCF formulas with their values in place (2 on Metrics and 1 on Targets)."
    );
    const confirm = within(confirmGroup).getByRole("button", { name: "Confirm" });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.click(within(confirmGroup).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("group", { name: "Confirm replacing formulas" })).toBeNull();
    expect(await screen.findByText("Nothing was changed")).toBeTruthy();
    expect(mocked.replaceBcfFormulasWithValues).not.toHaveBeenCalled();
  });

  test("Escape at the confirmation cancels too", async () => {
    mocked.listBcfFormulas.mockResolvedValue(FORMULAS);
    renderInFluent(<SubmissionPanel />);
    await find();
    fireEvent.click(replaceButton());
    const confirm = screen.getByRole("button", { name: "Confirm" });
    fireEvent.keyDown(confirm, { key: "Escape" });
    expect(screen.queryByRole("button", { name: "Confirm" })).toBeNull();
    expect(mocked.replaceBcfFormulasWithValues).not.toHaveBeenCalled();
  });

  test("after confirming, formulas are replaced in place by default", async () => {
    mocked.listBcfFormulas.mockResolvedValue(FORMULAS);
    mocked.replaceBcfFormulasWithValues.mockResolvedValue({
      replaced: 3,
      sheets: ["Metrics", "Targets"],
      originals: [],
      cells: [],
    });
    const onReplaced = jest.fn();
    renderInFluent(<SubmissionPanel onReplaced={onReplaced} />);
    await find();
    fireEvent.click(replaceButton());
    fireEvent.click(screen.getByRole("button", { name: "Confirm" }));
    const result = await screen.findByText("Replaced 3 formulas with values");
    expect(mocked.replaceBcfFormulasWithValues).toHaveBeenCalledTimes(1);
    expect(mocked.replaceBcfFormulasWithValues).toHaveBeenCalledWith(fakeContext, "in-place");
    expect(result.closest("[role=status]")!.textContent).toContain("On Metrics and Targets.");
    // The findings are refreshed: they described the formulas.
    expect(onReplaced).toHaveBeenCalledTimes(1);
    // The old list is gone; a new search is needed before another replacement.
    expect(screen.queryByRole("list", { name: "=BCF formulas found" })).toBeNull();
    expect(replaceButton().disabled).toBe(true);
  });

  test("the user can choose to replace in a copy of each sheet", async () => {
    mocked.listBcfFormulas.mockResolvedValue(FORMULAS);
    mocked.replaceBcfFormulasWithValues.mockResolvedValue({
      replaced: 3,
      sheets: ["Metrics (values)", "Targets (values)"],
      originals: ["Metrics", "Targets"],
      cells: [],
    });
    mocked.hideSheets.mockResolvedValue(undefined);
    renderInFluent(<SubmissionPanel />);
    await find();
    const copy = screen.getByRole("radio", {
      name: "Replace in a copy of each sheet",
    }) as HTMLInputElement;
    expect(
      (screen.getByRole("radio", { name: "Replace in place" }) as HTMLInputElement).checked
    ).toBe(true);
    fireEvent.click(copy);
    expect(copy.checked).toBe(true);
    fireEvent.click(replaceButton());
    expect(screen.getByRole("group", { name: "Confirm replacing formulas" }).textContent).toContain(
      "The original sheets keep their =BCF formulas: anyone opening the file without the add-in still sees #NAME? on them"
    );
    fireEvent.click(screen.getByRole("button", { name: "Confirm" }));
    const result = await screen.findByText("Replaced 3 formulas with values");
    expect(mocked.replaceBcfFormulasWithValues).toHaveBeenCalledWith(fakeContext, "copy");
    expect(result.closest("[role=status]")!.textContent).toContain(
      "The values are in new sheets: Metrics (values) and Targets (values). The original sheets Metrics and Targets still have the =BCF formulas"
    );
    fireEvent.click(screen.getByRole("button", { name: "Hide the original sheets" }));
    await screen.findByText("Hid Metrics and Targets");
    expect(mocked.hideSheets).toHaveBeenCalledWith(fakeContext, ["Metrics", "Targets"]);
  });

  test("with no =BCF formulas there is nothing to replace", async () => {
    mocked.listBcfFormulas.mockResolvedValue([]);
    renderInFluent(<SubmissionPanel />);
    fireEvent.click(screen.getByRole("button", { name: "Find =BCF formulas" }));
    expect(await screen.findByText("No =BCF formulas found")).toBeTruthy();
    expect(replaceButton().disabled).toBe(true);
  });

  test("an error while replacing is shown in plain words", async () => {
    mocked.listBcfFormulas.mockResolvedValue(FORMULAS);
    mocked.replaceBcfFormulasWithValues.mockRejectedValue(
      Object.assign(new Error("Sheet protected"), { code: "AccessDenied" })
    );
    renderInFluent(<SubmissionPanel />);
    await find();
    fireEvent.click(replaceButton());
    fireEvent.click(screen.getByRole("button", { name: "Confirm" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The formulas were not replaced");
    expect(alert.textContent).toContain("A sheet is protected");
  });

  test("when Excel stops part-way it says how many were replaced and where, and offers to finish or put them back", async () => {
    mocked.listBcfFormulas.mockResolvedValue(FORMULAS);
    const cells = [{ sheet: "Metrics", cell: "E2", formula: FORMULAS[0].formula, values: [[12]] }];
    mocked.replaceBcfFormulasWithValues.mockResolvedValueOnce({
      replaced: 1,
      sheets: ["Metrics", "Targets"],
      originals: [],
      cells,
      incomplete: { reason: "A sheet is protected.", remaining: 2, where: "Metrics!E2" },
    });
    mocked.restoreBcfFormulas.mockResolvedValue({ restored: 1, kept: 0 });
    renderInFluent(<SubmissionPanel />);
    await find();
    fireEvent.click(replaceButton());
    fireEvent.click(screen.getByRole("button", { name: "Confirm" }));
    const title = await screen.findByText("Replaced 1 of 3 formulas");
    expect(title.closest("[role=status]")!.textContent).toContain(
      "Values are in Metrics!E2. Excel stopped before the other 2 formulas: A sheet is protected."
    );
    expect(screen.queryByText(/The formulas were not replaced/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Put the formulas back" }));
    await screen.findByText("Put back 1 formula");
    expect(mocked.restoreBcfFormulas).toHaveBeenCalledWith(fakeContext, cells);
  });
});

describe("Prepare for submission at the pane's width", () => {
  test("an unselected option is enabled and its label at full contrast, not greyed as if disabled", () => {
    renderInFluent(<SubmissionPanel />);
    const copy = screen.getByRole("radio", { name: "Replace in a copy of each sheet" });
    expect((copy as HTMLInputElement).checked).toBe(false);
    expect((copy as HTMLInputElement).disabled).toBe(false);
    // The label's colour comes from a sibling rule on the input; Fluent's base rule (foreground 3) is
    // inserted first and the override after it with the same specificity, so the override wins.
    for (const tail of [
      ":enabled:not(:checked)~.fui-Radio__label",
      ":enabled:not(:checked):hover~.fui-Radio__label",
    ]) {
      expect(ruleValue(copy, tail, "color").at(-1)).toBe("var(--colorNeutralForeground1)");
    }
  });

  test("the radios still look disabled while the pane is busy", () => {
    renderInFluent(<SubmissionPanel disabled />);
    const copy = screen.getByRole("radio", { name: "Replace in a copy of each sheet" });
    expect((copy as HTMLInputElement).disabled).toBe(true);
    expect(ruleValue(copy, ":disabled~.fui-Radio__label", "color").at(-1)).toBe(
      "var(--colorNeutralForegroundDisabled)"
    );
  });

  test("a long sheet name and formula wrap inside the list instead of running past the pane", async () => {
    const long = {
      sheet: "Expenditure_plan_2025_26_all_schemes",
      cell: "AB1234",
      formula: '=BCF.RATE.CI(Expenditure_plan_2025_26_all_schemes!B2:B400,C2:C400,100000,"lower")',
    };
    mocked.listBcfFormulas.mockResolvedValue([long]);
    renderInFluent(<SubmissionPanel />);
    await find();
    const item = within(screen.getByRole("list", { name: "=BCF formulas found" })).getByRole(
      "listitem"
    );
    expect(ruleValue(item, "", "overflow-wrap").at(-1)).toBe("anywhere");
  });
});
