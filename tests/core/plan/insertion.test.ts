/** The template insert's decisions that need no workbook: the blank row it fills, what blocks it, its wording. */
import {
  alreadyInExpenditure,
  cellInTheWay,
  insertionMessage,
  reusesBlankRow,
} from "../../../src/core/plan/insertion";

describe("reusesBlankRow", () => {
  it("fills the one blank row an empty table keeps, calculated columns and all", () => {
    expect(reusesBlankRow(1, ["", "", "", "=[@[NHS (£)]]+[@[LA (£)]]"])).toBe(true);
    expect(reusesBlankRow(1, [null, null, ""])).toBe(true);
  });

  it("appends below a row someone has typed an ID or a name into", () => {
    expect(reusesBlankRow(1, ["S001", "", ""])).toBe(false);
    expect(reusesBlankRow(1, ["", "Falls service", ""])).toBe(false);
  });

  it("appends below a table of more than one row, even when its first row is blank", () => {
    expect(reusesBlankRow(2, ["", "", ""])).toBe(false);
  });
});

describe("cellInTheWay", () => {
  const empty = [
    ["", "", ""],
    ["", null, ""],
  ];

  it("lets a table onto a block with nothing in it", () => {
    expect(cellInTheWay("Expenditure", "BCF_Expenditure", empty)).toBeUndefined();
  });

  it("names the first cell in the way, and the block to clear", () => {
    const area = [
      ["", "", ""],
      ["", "", "My own figures"],
    ];
    expect(cellInTheWay("Expenditure", "BCF_Expenditure", area)).toBe(
      'Cell Expenditure!C2 already holds "My own figures", and the BCF_Expenditure table would cover it, so nothing was inserted. Move or clear the cells in Expenditure!A1:C2, or rename the sheet, and try again.'
    );
  });

  it.each([
    ["Q1", "'Q1'!B1", "'Q1'!A1:C2"],
    ["My sheet", "'My sheet'!B1", "'My sheet'!A1:C2"],
    ["Bob's", "'Bob''s'!B1", "'Bob''s'!A1:C2"],
  ])("quotes a sheet named %p as Excel does (%p)", (sheet, cell, block) => {
    const area = [
      ["", 0, ""],
      ["", "", ""],
    ];
    const message = cellInTheWay(sheet, "BCF_Targets", area)!;
    expect(message).toContain(`Cell ${cell} already holds "0"`);
    expect(message).toContain(`the cells in ${block},`);
  });
});

describe("insertionMessage", () => {
  it("names one template, its rows and its scheme ID", () => {
    expect(
      insertionMessage({
        templates: ["Falls Prevention Service"],
        rows: 1,
        sheet: "Expenditure",
        schemeIds: ["S004"],
        splitNotes: 0,
      })
    ).toBe('Inserted "Falls Prevention Service" as 1 row of Expenditure (S004).');
  });

  it("counts several templates, gives the ID range and the targets", () => {
    expect(
      insertionMessage({
        templates: ["A", "B"],
        rows: 3,
        sheet: "Expenditure",
        schemeIds: ["S001", "S002"],
        targets: { count: 1, sheet: "Targets (2)" },
        splitNotes: 0,
      })
    ).toBe("Inserted 2 schemes as 3 rows of Expenditure (S001–S002) and 1 target to Targets (2).");
  });

  it("leaves out targets when none were written", () => {
    const message = insertionMessage({
      templates: ["A"],
      rows: 2,
      sheet: "Expenditure",
      schemeIds: ["S001"],
      targets: { count: 0, sheet: "Targets" },
      splitNotes: 0,
    });
    expect(message).toBe('Inserted "A" as 2 rows of Expenditure (S001).');
  });

  it.each([
    [
      1,
      "One amount the plan did not split between NHS and council was split as the notes say: check it.",
    ],
    [
      3,
      "3 amounts the plan did not split between NHS and council were split as the notes say: check them.",
    ],
  ])("asks to check %p split amount(s)", (splitNotes, sentence) => {
    const message = insertionMessage({
      templates: ["A"],
      rows: 1,
      sheet: "Expenditure",
      schemeIds: ["S001"],
      splitNotes,
    });
    expect(message).toBe(`Inserted "A" as 1 row of Expenditure (S001). ${sentence}`);
  });
});

describe("alreadyInExpenditure", () => {
  it("agrees with one scheme or several", () => {
    expect(alreadyInExpenditure(["“Falls”"])).toBe("“Falls” is already in the Expenditure table.");
    expect(alreadyInExpenditure(["“A”", "“B”"])).toBe(
      "“A” and “B” are already in the Expenditure table."
    );
  });
});
