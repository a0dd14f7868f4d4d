/**
 * cli.peak_rss_mb_200k and cli.ms_200k: the command as installed (dist/cli/bcf-check.js, built here
 * into a temporary folder from the current source) over the plan workbook with a 200,000-line
 * Expenditure sheet, end to end: process start, reading, checks, output. Peak RSS is the child
 * process's own maximum resident set, reported by a preload as it exits.
 */
import { execFile } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { promisify } from "util";
import { expenditureLines, planSnapshot } from "../../tests/core/checks/fixtures";
import { writeSnapshotRawXlsx } from "../../tests/cli/rawXlsx";

type BenchLine = [name: string, value: number, unit: string];

const LINES = 200_000;
const root = resolve(__dirname, "../..");

export async function run(): Promise<BenchLine[]> {
  const dir = mkdtempSync(join(tmpdir(), "bcf-bench-cli-"));
  try {
    mkdirSync(join(dir, "bin"));
    copyFileSync(join(root, "bin", "bcf-check.js"), join(dir, "bin", "bcf-check.js"));
    await promisify(execFile)(
      process.execPath,
      [
        join(root, "node_modules", "webpack", "bin", "webpack.js"),
        "--mode",
        "production",
        "--config",
        join(root, "webpack.cli.config.js"),
        "--output-path",
        join(dir, "dist", "cli"),
      ],
      { cwd: root }
    );
    const file = join(dir, "plan-200k.xlsx");
    writeSnapshotRawXlsx(planSnapshot({ lines: expenditureLines(LINES, 11) }), file);
    const rssFile = join(dir, "peak-rss");
    const t0 = performance.now();
    try {
      await promisify(execFile)(
        process.execPath,
        ["--require", join(__dirname, "peakRss.cjs"), join(dir, "bin", "bcf-check.js"), file],
        {
          cwd: dir,
          maxBuffer: 256 * 1024 * 1024,
          env: { ...process.env, BCF_PEAK_RSS_FILE: rssFile },
        }
      );
    } catch (e) {
      // Exit 1 means error findings: still a complete run. Anything else is a failure.
      if ((e as { code?: number }).code !== 1) throw e;
    }
    const ms = performance.now() - t0;
    const peakKb = Number(readFileSync(rssFile, "utf8"));
    return [
      ["cli.peak_rss_mb_200k", Math.round(peakKb / 1024), "MB"],
      ["cli.ms_200k", Math.round(ms), "ms"],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
