/**
 * The Charts tab's inserts on the in-memory workbook: context.sync() calls for an SPC chart and a
 * funnel plot. Each is three whatever the size; the figure reported is the larger of a small case
 * (the sample plan's 24 months, six areas) and a large one (2,000 points, 500 areas).
 */
import { funnelLimits } from "../../src/core/statistics/funnel";
import { poolSplit } from "../../src/core/statistics/poolSplit";
import { spcAssurance, spcTable } from "../../src/core/statistics/spc";
import { insertFunnelChart, insertSpcChart } from "../../src/excel/insertCharts";
import { createMemoryWorkbook } from "../../src/memory-excel";
import { SAMPLE_AREAS, SAMPLE_FALLS } from "../../src/preview/samplePlan";

type BenchLine = [name: string, value: number, unit: string];

const FUNCTIONS = {
  "BCF.SPC": spcTable,
  "BCF.SPC.ASSURANCE": spcAssurance,
  "BCF.FUNNEL": (...args: unknown[]) => [
    funnelLimits(...(args as Parameters<typeof funnelLimits>)),
  ],
  "BCF.SPLIT": poolSplit,
} as unknown as Record<string, (...args: never[]) => unknown>;

async function syncsFor(
  rows: Array<Array<string | number>>,
  address: string,
  insert: (context: Excel.RequestContext) => Promise<unknown>
): Promise<number> {
  const { context, stats } = createMemoryWorkbook({
    sheets: [{ name: "Data", rows }],
    customFunctions: FUNCTIONS,
  });
  context.workbook.worksheets.getItem("Data").getRange(address).select();
  await context.sync();
  stats.reset();
  await insert(context);
  return stats.syncs;
}

export async function run(): Promise<BenchLine[]> {
  const spc = (values: number[]) =>
    syncsFor(
      [["Month", "Falls"], ...values.map((v, i) => [`M${i + 1}`, v])],
      `A1:B${values.length + 1}`,
      (context) =>
        insertSpcChart(context, { improvement: "decrease", target: 60, annualTarget: 720 })
    );
  const funnel = (areas: Array<[string, number, number]>) =>
    syncsFor([["Area", "Falls", "Population"], ...areas], `A1:C${areas.length + 1}`, (context) =>
      insertFunnelChart(context, { statistic: "rate" })
    );
  const long = Array.from({ length: 2000 }, (_, i) => SAMPLE_FALLS[i % 24] + (i % 7));
  const many = Array.from({ length: 500 }, (_, i): [string, number, number] => [
    `Area ${i + 1}`,
    100 + ((i * 37) % 400),
    8000 + ((i * 991) % 30000),
  ]);
  return [
    ["charts.spc_insert_syncs", Math.max(await spc(SAMPLE_FALLS), await spc(long)), "syncs"],
    [
      "charts.funnel_insert_syncs",
      Math.max(await funnel(SAMPLE_AREAS), await funnel(many)),
      "syncs",
    ],
  ];
}
