/**
 * The CustomFunctions shim in taskpane.html: outside Office it stands in for CustomFunctions (associate,
 * Error, ErrorCode); with office.js loaded it passes each association on to Office's own associate and
 * leaves anything Office defines alone.
 */
import { runShim } from "./shim";
import { bcfCustomFunctions, type BcfFunctionRecord } from "../../src/preview/customFunctions";

type Fn = (...args: never[]) => unknown;
interface ShimmedWindow {
  CustomFunctions: {
    associate: (idOrMappings: string | Record<string, Fn>, fn?: Fn) => void;
    Error: new (code: string, message?: string) => Error & { code: string };
    ErrorCode: Record<string, string>;
  };
  __bcfFunctions: BcfFunctionRecord;
  performance: { now: () => number };
}

function freshWindow(extra: Record<string, unknown> = {}): ShimmedWindow {
  let clock = 100;
  const w: Record<string, unknown> = {
    performance: { now: () => (clock += 5) },
    ...extra,
  };
  runShim(w);
  return w as unknown as ShimmedWindow;
}

describe("outside Office (no office.js)", () => {
  test("associate records each function with the time it was associated", () => {
    const w = freshWindow();
    const rate = () => 1;
    const rateCi = () => [[0, 2]];
    w.CustomFunctions.associate("RATE", rate);
    w.CustomFunctions.associate("rate.ci", rateCi);
    expect(w.__bcfFunctions.functions).toEqual({
      RATE: rate,
      "RATE.CI": rateCi,
    });
    expect(w.__bcfFunctions.associatedAt).toEqual({
      RATE: 105,
      "RATE.CI": 110,
    });
    expect(w.__bcfFunctions.lastAssociatedAt).toBe(110);
    expect(Object.keys(bcfCustomFunctions(w.__bcfFunctions))).toEqual(["BCF.RATE", "BCF.RATE.CI"]);
  });

  test("associate also takes a map of id → function", () => {
    const w = freshWindow();
    const uplift = () => 0.2;
    w.CustomFunctions.associate({
      UPLIFT: uplift,
      NOT_A_FUNCTION: 5 as unknown as Fn,
    });
    expect(w.__bcfFunctions.functions).toEqual({ UPLIFT: uplift });
  });

  test("Error carries Excel's error code and the message; ErrorCode has Excel's values", () => {
    const w = freshWindow();
    const e = new w.CustomFunctions.Error(
      w.CustomFunctions.ErrorCode.invalidNumber,
      "The population must be more than 0."
    );
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe("The population must be more than 0.");
    expect(w.CustomFunctions.ErrorCode).toMatchObject({
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
    });
    expect(new w.CustomFunctions.Error(undefined as unknown as string).code).toBe("#VALUE!");
  });
});

describe("with office.js loaded (inside Excel or in a browser)", () => {
  test("each association still reaches Office's own associate, with the same arguments", () => {
    const officeCalls: unknown[][] = [];
    const office = {
      associate: (...args: unknown[]) => void officeCalls.push(args),
      _association: {},
    };
    const w = freshWindow({ CustomFunctions: office });
    const rate = () => 1;
    w.CustomFunctions.associate("RATE", rate);
    w.CustomFunctions.associate({ PERIOD: rate });
    expect(officeCalls).toEqual([["RATE", rate], [{ PERIOD: rate }]]);
    // The same object, so the runtime still finds its _association on it.
    expect(w.CustomFunctions).toBe(office);
    expect(Object.keys(w.__bcfFunctions.functions)).toEqual(["RATE", "PERIOD"]);
  });

  test("Error and ErrorCode that Office defines are left as they are", () => {
    class OfficeError extends Error {}
    const officeCodes = { invalidValue: "#VALUE!" };
    const w = freshWindow({
      CustomFunctions: {
        associate: () => undefined,
        Error: OfficeError,
        ErrorCode: officeCodes,
      },
    });
    expect(w.CustomFunctions.Error).toBe(OfficeError);
    expect(w.CustomFunctions.ErrorCode).toBe(officeCodes);
  });

  test("the custom functions runtime, loading later, replaces the stand-in Error as it does in Excel", () => {
    const w = freshWindow({ CustomFunctions: { associate: () => undefined } });
    class RuntimeError extends Error {}
    // What custom-functions-runtime.js does: window.CustomFunctions.Error = ...
    (w.CustomFunctions as unknown as { Error: unknown }).Error = RuntimeError;
    expect(w.CustomFunctions.Error).toBe(RuntimeError);
  });
});
