/** The in-memory workbook with the =BCF.* functions the add-in writes, evaluated by src/core. */
import { convertPeriod } from "../../src/core/statistics/period";
import { proportion, proportionConfidenceInterval } from "../../src/core/statistics/proportion";
import { crudeRate } from "../../src/core/statistics/rate";
import { rateConfidenceInterval } from "../../src/core/statistics/rateInterval";
import { uplift } from "../../src/core/statistics/targets";
import type { SchemeTemplate } from "../../src/core/templates/types";
import { createMemoryWorkbook, type MemoryWorkbookOptions } from "../../src/memory-excel";
import { template } from "../core/plan/fixtures";

export const BCF_FUNCTIONS = {
  "BCF.RATE": crudeRate,
  "BCF.RATE.CI": rateConfidenceInterval,
  "BCF.PROPORTION": proportion,
  "BCF.PROPORTION.CI": proportionConfidenceInterval,
  "BCF.PERIOD": convertPeriod,
  "BCF.UPLIFT": uplift,
} as Record<string, (...args: never[]) => unknown>;

export function memoryWorkbook(options: MemoryWorkbookOptions = {}) {
  return createMemoryWorkbook({ customFunctions: BCF_FUNCTIONS, ...options });
}

/** Seed 001's Integrated Crisis Response (the plan layouts' fixture, without a sub-type). */
export function icr(overrides: Partial<SchemeTemplate> = {}): SchemeTemplate {
  return template({ subType: undefined, ...overrides });
}

export function admissionAvoidance(overrides: Partial<SchemeTemplate> = {}): SchemeTemplate {
  return icr({
    id: "wiltshire-admissions",
    name: "Admission avoidance",
    schemeType: "Prevention / Early Intervention",
    areaOfSpend: "Social Care",
    commissioner: "Local Authority",
    costs: [
      {
        description: "Council team",
        fundingSource: "iBCF",
        council: 80000,
        nhs: 0,
        total: 80000,
      },
      { description: "Equipment", fundingSource: "DFG", total: 20000 },
    ],
    targets: [
      {
        measure: "Admissions avoided",
        baselinePerMonth: 50,
        targetPerMonth: 60,
      },
      {
        measure: "Patients supported",
        baselinePerMonth: 8,
        baselinePerYear: 104,
        statedFigures: [
          {
            kind: "baseline",
            value: 8,
            per: "month",
            wording: "8 patients a month",
          },
          {
            kind: "baseline",
            value: 104,
            per: "year",
            wording: "104 patients a year",
          },
        ],
      },
    ],
    ...overrides,
  });
}

/** Everything a person could see in the workbook: cells, tables, charts, validation, sheets. */
export function everything(handle: ReturnType<typeof createMemoryWorkbook>): unknown {
  const wb = handle.workbook;
  return {
    sheets: wb.sheetNames().map((name) => ({
      name,
      visibility: wb.sheetVisibility(name),
      protected: wb.isProtected(name),
    })),
    snapshot: wb.snapshot(),
    tables: wb.tables(),
    charts: wb.charts(),
    selection: wb.selection,
  };
}

/** Everything but the selection: an insert selects what it added, and undo does not move the selection back. */
export function contentsOf(handle: ReturnType<typeof createMemoryWorkbook>): unknown {
  return { ...(everything(handle) as object), selection: undefined };
}
