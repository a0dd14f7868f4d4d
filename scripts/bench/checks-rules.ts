/**
 * checks.rules_ms_10k: the six rules over a snapshot of the plan workbook with a 10,000-line
 * Expenditure sheet (the add-in's layout, with its totals row and Summary). The snapshot is built once;
 * each timed run gets fresh sheet objects (so no cached grid is reused) over the same cell arrays.
 * One untimed run warms the JIT; the figure is the median of five runs.
 * checks.rules_ms_100k: the same over a 100,000-line plan (median of three runs), and
 * checks.rules_growth_10k_100k the ratio of the two, measured in this one run: near-linear rules give
 * about 10; the target is under 15.
 * checks.cli_ms_10k: that workbook written to a temporary .xlsx with exceljs, then
 * `node bin/bcf-check.js <file>` timed end to end (process start, reading, checks, output).
 */
import { execFile } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { promisify } from "util";
import { countBySeverity, runChecks } from "../../src/core/checks";
import { WorkbookSnapshot } from "../../src/core/workbook";
import { expenditureLines, planSnapshot } from "../../tests/core/checks/fixtures";
import { writeSnapshotXlsx } from "../../tests/cli/xlsxFixtures";

type BenchLine = [name: string, value: number, unit: string];

const LINES = 10_000;

function freshSheets(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return { sheets: snapshot.sheets.map((s) => ({ ...s })) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median time of the rules over fresh copies of a snapshot, after one untimed run. */
function timeRules(snapshot: WorkbookSnapshot, runs: number, what: string): number {
  const warm = runChecks(freshSheets(snapshot));
  // A clean plan: if this fails the bench is measuring the wrong thing.
  if (countBySeverity(warm).error > 0) throw new Error(`the ${what} bench plan is not clean`);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const copy = freshSheets(snapshot);
    const t0 = performance.now();
    runChecks(copy);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function run(): Promise<BenchLine[]> {
  const snapshot = planSnapshot({ lines: expenditureLines(LINES, 11) });
  const rulesMs = timeRules(snapshot, 5, "10,000-line");
  const rulesMs100k = timeRules(
    planSnapshot({ lines: expenditureLines(10 * LINES, 11) }),
    3,
    "100,000-line"
  );

  const dir = mkdtempSync(join(tmpdir(), "bcf-bench-"));
  try {
    const file = join(dir, "plan-10k.xlsx");
    await writeSnapshotXlsx(snapshot, file);
    const root = resolve(__dirname, "../..");
    const t0 = performance.now();
    await promisify(execFile)(process.execPath, [join(root, "bin", "bcf-check.js"), file], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    const cliMs = performance.now() - t0;
    return [
      ["checks.rules_ms_10k", rulesMs, "ms"],
      ["checks.rules_ms_100k", rulesMs100k, "ms"],
      ["checks.rules_growth_10k_100k", rulesMs100k / rulesMs, "x"],
      ["checks.cli_ms_10k", cliMs, "ms"],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
