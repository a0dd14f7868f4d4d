/**
 * Office.js discipline, measured on the in-memory workbook: syncs to insert templates and build a plan,
 * syncs to read a 10,000-line expenditure sheet, and the largest single request reading 100,000 lines
 * (Excel on the web refuses more than 5 MB).
 */
import { EXPENDITURE_COLUMNS } from "../../src/core/plan";
import type { CellValue } from "../../src/core/workbook";
import type { SchemeTemplate } from "../../src/core/templates/types";
import { buildPlanSkeleton } from "../../src/excel/buildPlanSkeleton";
import { insertTemplates } from "../../src/excel/insertTemplates";
import { readWorkbookSnapshot } from "../../src/excel/readWorkbookSnapshot";
import { createMemoryWorkbook, EXCEL_WEB_PAYLOAD_LIMIT_BYTES } from "../../src/memory-excel";
import { template } from "../../tests/core/plan/fixtures";

type BenchLine = [name: string, value: number, unit: string];

/** Seed 001's Integrated Crisis Response with a second (DFG) cost line and a monthly target. */
function scheme(i: number): SchemeTemplate {
  return template({
    id: `bench-${i}`,
    name: `Integrated Crisis Response ${i}`,
    subType: undefined,
    costs: [
      {
        description: "CCG posts and RCC posts",
        fundingSource: "NHS minimum contribution",
        nhs: 125000,
        council: 115000,
        total: 240000,
      },
      { description: "Equipment", fundingSource: "DFG", council: 20000, nhs: 0, total: 20000 },
    ],
    targets: [{ measure: "Admissions avoided", baselinePerMonth: 50, targetPerMonth: 60 }],
  });
}

/**
 * A hand-laid expenditure sheet of `lines` lines: typed amounts, and (with `formulas`) the % and total
 * columns as formulas. The 100,000-line sheet is typed only: the in-memory workbook takes minutes to
 * evaluate 300,000 formulas, and a formula's text (~20 bytes) weighs about what its typed figure does.
 */
function expenditureLines(lines: number, formulas: boolean): Array<Array<CellValue | null>> {
  const rows: Array<Array<CellValue | null>> = [[...EXPENDITURE_COLUMNS]];
  for (let i = 1; i <= lines; i++) {
    const r = i + 1;
    rows.push([
      `S${String(i).padStart(5, "0")}`,
      `Scheme ${i}`,
      "Home-based intermediate care services",
      "Reablement",
      "Social Care",
      "Joint",
      "Local Authority",
      "NHS minimum contribution",
      formulas ? `=IF(M${r}=0,0,K${r}/M${r})` : (1000 + i) / (1500.25 + 2 * i),
      formulas ? `=IF(M${r}=0,0,L${r}/M${r})` : (500.25 + i) / (1500.25 + 2 * i),
      1000 + i,
      500.25 + i,
      formulas ? `=K${r}+L${r}` : 1500.25 + 2 * i,
    ]);
  }
  return rows;
}

async function readSyncs(
  lines: number,
  formulas: boolean
): Promise<{ syncs: number; maxRequestBytes: number }> {
  const handle = createMemoryWorkbook({
    sheets: [{ name: "Expenditure", rows: expenditureLines(lines, formulas) }],
    maxRequestBytes: EXCEL_WEB_PAYLOAD_LIMIT_BYTES,
  });
  handle.stats.reset();
  await readWorkbookSnapshot(handle.context);
  return {
    syncs: handle.stats.syncs,
    maxRequestBytes: handle.stats.maxRequestBytes,
  };
}

export async function run(): Promise<BenchLine[]> {
  const templates = createMemoryWorkbook();
  await insertTemplates(
    templates.context,
    Array.from({ length: 100 }, (_, i) => scheme(i + 1))
  );

  const skeleton = createMemoryWorkbook();
  await buildPlanSkeleton(skeleton.context, {
    area: "Rutland",
    healthAndWellbeingBoard: "Rutland Health and Wellbeing Board",
    year: "2024-25",
  });

  const tenThousand = await readSyncs(10_000, true);
  const hundredThousand = await readSyncs(100_000, false);
  return [
    ["templates.insert_syncs", templates.stats.syncs, "syncs"],
    ["skeleton.insert_syncs", skeleton.stats.syncs, "syncs"],
    ["checks.read_syncs_10k", tenThousand.syncs, "syncs"],
    ["checks.max_request_bytes_100k", hundredThousand.maxRequestBytes, "bytes"],
  ];
}
