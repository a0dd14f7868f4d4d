/**
 * =BCF.* worksheet functions: evaluations per second through the functions.ts wrappers (as Excel
 * calls them, with a stand-in CustomFunctions global), and the gzipped size of the functions bundle.
 * Targets: RATE.CI ≥ 1,000,000 per second; SPC on a 24-point series ≥ 50,000 per second;
 * dist/functions.js under 30 KB gzipped.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { gzipSync } from "zlib";

type BenchLine = [name: string, value: number, unit: string];

const ROOT = join(__dirname, "..", "..");
const WALL_MS = 1000;

function installCustomFunctionsStub(): void {
  class CustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string
    ) {
      super(message);
    }
  }
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    associate: () => undefined,
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
    },
  };
}

/** Calls `batch` (which does `perBatch` evaluations) until WALL_MS has passed; evaluations per second. */
function opsPerSecond(perBatch: number, batch: () => number): number {
  let sink = 0;
  for (let i = 0; i < 20; i++) sink += batch(); // warm up the JIT
  let done = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < WALL_MS) {
    sink += batch();
    done += perBatch;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  if (Number.isNaN(sink)) throw new Error("a benchmark evaluation gave NaN");
  return Math.round((done / elapsed) * 1000);
}

/** A production build of the functions entry alone, with the project's own webpack config. */
async function buildFunctionsBundle(): Promise<string> {
  const webpack = require("webpack") as typeof import("webpack");

  const makeConfig = require(join(ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: { mode: string }
  ) => Promise<import("webpack").Configuration>;
  // The hosting URL only reaches the manifest, which this build does not measure.
  process.env.BCF_ADDIN_URL ??= "https://bcf-toolkit.invalid/";
  const config = (await makeConfig(
    {},
    { mode: "production" }
  )) as import("webpack").Configuration & {
    devServer?: unknown;
  };
  delete config.devServer; // a build never serves
  const outDir = mkdtempSync(join(tmpdir(), "bcf-functions-bundle-"));
  const entry = (config.entry as Record<string, unknown>).functions as string;
  const build: import("webpack").Configuration = {
    ...config,
    context: ROOT,
    entry: { functions: entry },
    output: { ...config.output, path: outDir, clean: false },
    // Only what shapes the script itself: the metadata plugin appends the associate calls; pages and
    // copied files are left out.
    plugins: (config.plugins ?? []).filter(
      (p) =>
        !!p &&
        !["HtmlWebpackPlugin", "CopyPlugin", "CopyWebpackPlugin"].includes(p.constructor.name)
    ),
  };
  await new Promise<void>((resolve, reject) =>
    webpack(build, (err, stats) => {
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve();
    })
  );
  return join(outDir, "functions.js");
}

/**
 * Gzipped bytes of dist/functions.js. A development build (source-mapped, unminified) says nothing
 * about what users download, so in that case, or if dist/ is empty, the functions entry is built for
 * production into a temporary folder instead (leaving dist/ alone for anyone serving it).
 */
async function bundleGzipBytes(): Promise<number> {
  const dist = join(ROOT, "dist", "functions.js");
  let file = dist;
  let temporary: string | undefined;
  if (!existsSync(dist) || readFileSync(dist, "utf8").includes("sourceMappingURL=")) {
    file = await buildFunctionsBundle();
    temporary = join(file, "..");
  }
  const script = readFileSync(file);
  // A bundle that registers nothing would be tree-shaken to almost nothing and look wonderfully small.
  const registrations = script.toString("utf8").match(/CustomFunctions\.associate\(/g)?.length ?? 0;
  if (registrations < 13)
    throw new Error(`the functions bundle registers ${registrations} functions, not 13`);
  if (/react-dom|@fluentui/.test(script.toString("utf8")))
    throw new Error("the functions bundle contains React or Fluent UI");
  const bytes = gzipSync(script, { level: 9 }).length;
  if (temporary) rmSync(temporary, { recursive: true, force: true });
  return bytes;
}

export async function run(): Promise<BenchLine[]> {
  installCustomFunctionsStub();
  const bcf = await import("../../src/functions/functions");

  // RATE.CI: counts 0–39 (a quarter exact Poisson, the rest Byar's), default and 99.8% confidence.
  const N = 1024;
  const counts = new Float64Array(N);
  const populations = new Float64Array(N);
  const levels: Array<number | undefined> = new Array(N);
  for (let i = 0; i < N; i++) {
    counts[i] = (i * 7) % 40;
    populations[i] = 8540 + ((i * 131) % 30000);
    levels[i] = i % 4 === 3 ? 0.998 : (null as unknown as undefined);
  }
  const rateCiPerSecond = opsPerSecond(N, () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += bcf.rateCI(counts[i], populations[i], levels[i])[0][1];
    return s;
  });

  // DSR.CI over 19 ESP2013 bands, as a column, with the default standard.
  const FALLS = [0, 0, 0, 1, 0, 1, 0, 1, 1, 2, 2, 3, 4, 6, 12, 19, 27, 33, 29];
  const POPS = [
    1700, 2000, 2300, 2500, 1800, 1500, 1600, 1900, 2300, 2700, 3100, 3000, 2660, 2100, 2200, 1760,
    1300, 780, 400,
  ];
  const dsrInputs = Array.from({ length: 16 }, (_, k) => ({
    counts: FALLS.map((x, i) => [x + ((k + i) % 3)]),
    populations: POPS.map((n) => [n + k * 10]),
  }));
  const dsrCiPerSecond = opsPerSecond(dsrInputs.length, () => {
    let s = 0;
    for (const d of dsrInputs) s += bcf.dsrCI(d.counts, d.populations)[0][0];
    return s;
  });

  // SPLIT: seed 001's £936,000 across the two schemes, and a budget across the seven areas of spend.
  const splits: Array<[number, number[][]]> = [
    [936000, [[240000], [696000]]],
    [240000, [[125000, 115000]]],
    [37525524.17, [[0.3], [0.2], [0.15], [0.1], [0.1], [0.1], [0.05]]],
    [100, [[1, 1, 1]]],
  ];
  const splitPerSecond = opsPerSecond(splits.length, () => {
    let s = 0;
    for (const [total, shares] of splits) s += bcf.split(total, shares)[0][0];
    return s;
  });

  // SPC: a 24-month series (the sample plan's falls admissions, varied so no two calls are alike),
  // as Excel passes a column, with an improvement direction and every third call a 12-month baseline.
  const FALLS_24 = [
    72, 68, 75, 70, 66, 74, 79, 83, 77, 71, 69, 73, 64, 62, 65, 61, 60, 63, 58, 66, 59, 57, 61, 55,
  ];
  const spcInputs = Array.from({ length: 32 }, (_, k) => ({
    values: FALLS_24.map((v, i) => [v + ((k * 7 + i * 3) % 11) - 5]),
    baseline: k % 3 === 0 ? 12 : (null as unknown as undefined),
  }));
  const spcPerSecond = opsPerSecond(spcInputs.length, () => {
    let s = 0;
    for (const d of spcInputs) s += bcf.spc(d.values, "decrease", d.baseline)[23][2] as number;
    return s;
  });

  return [
    ["functions.rate_ci_per_s", rateCiPerSecond, "ops/s"],
    ["functions.spc_24_per_s", spcPerSecond, "ops/s"],
    ["functions.dsr_ci_per_s", dsrCiPerSecond, "ops/s"],
    ["functions.split_per_s", splitPerSecond, "ops/s"],
    ["functions.bundle_gzip_bytes", await bundleGzipBytes(), "bytes"],
  ];
}
