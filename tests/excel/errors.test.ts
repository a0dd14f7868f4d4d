import {
  friendlyExcelError,
  isPayloadTooLarge,
  toWorkbookActionError,
  WorkbookActionError,
} from "../../src/excel/errors";
import { setWorkbookProvider, withWorkbook } from "../../src/excel/host";

/** An error shaped like OfficeExtension.Error. */
function officeError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

describe("friendlyExcelError", () => {
  it.each([
    [
      officeError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet."
      ),
      /protected.*Unprotect/,
    ],
    [
      officeError(
        "AccessDenied",
        "You can't make changes because this workbook is open read-only."
      ),
      /read-only.*Save a copy/,
    ],
    [
      officeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit."
      ),
      /too large/,
    ],
    [
      officeError("ItemNotFound", "The requested resource doesn't exist."),
      /no longer in the workbook/,
    ],
    [
      officeError("ItemAlreadyExists", "A sheet named X already exists."),
      /already in the workbook/,
    ],
    [
      officeError("InsertDeleteConflict", "Adding rows would push cells below the table."),
      /below.*not empty|cells in the way/,
    ],
    [officeError("InvalidOperationInCellEditMode", "Edit mode"), /editing a cell/],
    // Messages are localised: these are known by code alone.
    [officeError("NonBlankCellOffSheet", "Impossible d'insérer"), /off the bottom of the sheet/],
    [officeError("MergedRangeConflict", "Zellen verbunden"), /merged cells/],
    [officeError("FilteredRangeConflict", "x"), /Clear the filter/],
    [officeError("InactiveWorkbook", "x"), /Another workbook has the focus/],
  ])("says %p in plain English", (error, expected) => {
    const message = friendlyExcelError(error);
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/undefined|\[object/);
  });

  it("keeps a WorkbookActionError's own message and passes anything else on with Excel's words", () => {
    expect(friendlyExcelError(new WorkbookActionError("Nothing to do."))).toBe("Nothing to do.");
    expect(friendlyExcelError(officeError("GeneralException", "Something odd"))).toBe(
      "Excel could not complete the action: Something odd"
    );
    expect(friendlyExcelError("weird")).toBe("Excel could not complete the action: weird");
    expect(friendlyExcelError(undefined)).toBe("Excel could not complete the action.");
  });

  it("recognises a refused payload by code or by message", () => {
    expect(isPayloadTooLarge(officeError("RequestPayloadSizeLimitExceeded", "x"))).toBe(true);
    expect(
      isPayloadTooLarge({
        debugInfo: { code: "RequestPayloadSizeLimitExceeded" },
      })
    ).toBe(true);
    // A large read is refused on the response side; the message is localised, so the code must do.
    expect(
      isPayloadTooLarge(
        officeError("ResponsePayloadSizeLimitExceeded", "Die Antwortnutzlast ist zu groß.")
      )
    ).toBe(true);
    expect(isPayloadTooLarge(officeError("RangeExceedsLimit", "x"))).toBe(true);
    expect(isPayloadTooLarge(officeError("ItemNotFound", "x"))).toBe(false);
  });

  it("wraps errors, keeping the original as the cause", () => {
    const original = officeError("ItemNotFound", "gone");
    const wrapped = toWorkbookActionError(original);
    expect(wrapped).toBeInstanceOf(WorkbookActionError);
    expect(wrapped.cause).toBe(original);
  });
});

describe("withWorkbook", () => {
  afterEach(() => setWorkbookProvider(undefined));

  it("runs the action on the registered provider's context", async () => {
    const context = { marker: 1 } as unknown as Excel.RequestContext;
    setWorkbookProvider(() => context);
    await expect(withWorkbook(async (c) => c)).resolves.toBe(context);
  });

  it("turns Excel's errors into WorkbookActionError with a plain message", async () => {
    setWorkbookProvider(async () => ({}) as Excel.RequestContext);
    const attempt = withWorkbook(async () => {
      throw officeError("AccessDenied", "protected sheet");
    });
    await expect(attempt).rejects.toBeInstanceOf(WorkbookActionError);
    await expect(attempt).rejects.toThrow(/Unprotect/);
  });

  it("says plainly when there is neither Excel nor a preview workbook", async () => {
    await expect(withWorkbook(async () => 1)).rejects.toThrow(/not running inside Excel/);
  });
});
