/**
 * Bench section "pane": the pane page in Chromium, from a production build.
 *   pane.functions_ready_ms    navigation start → the last =BCF.* function associated (recorded by the
 *                              CustomFunctions shim in taskpane.html), median of RUNS page loads
 *   pane.interactive_ms        navigation start → the pane usable: Templates tab selected, search box enabled
 *   pane.bundle_gzip_bytes     gzip size of the JavaScript the page loads in Office (the scripts taskpane.html
 *                              names: functions.js, taskpane.js), office.js excluded (Microsoft's CDN)
 *   pane.preview_gzip_bytes    the preview chunk, loaded only outside Office (not part of the figure above)
 *   pane.largest.<module>      the packages and src folders that weigh most in those scripts, by webpack's
 *                              module sizes (before minifying), largest first: where to look to shrink it
 * office.js is served from node_modules in place of the CDN, so nothing leaves the machine.
 */
import { readFileSync, readdirSync, existsSync } from "fs";
import { tmpdir } from "os";
import { join, basename } from "path";
import { gzipSync } from "zlib";

type BenchLine = [name: string, value: number, unit: string];

interface Support {
  ROOT: string;
  ensureBuild(options: {
    mode?: string;
    outDir?: string;
    log?: (m: string) => void;
    statsFile?: string;
  }): boolean;
  serve(dir: string): Promise<{ url: string; close: () => Promise<void> }>;
  launchChromium(): Promise<{
    context: import("playwright-core").BrowserContext;
    close: () => Promise<void>;
  }>;
}

const support = require("../../tests/e2e/support.js") as Support;

const RUNS = 5;
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = join(support.ROOT, "node_modules", "@microsoft", "office-js", "dist");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** The local scripts taskpane.html loads itself (what Office loads; office.js comes from the CDN). */
function pageScripts(outDir: string): string[] {
  const html = readFileSync(join(outDir, "taskpane.html"), "utf8");
  // Minified HTML drops the quotes around attribute values.
  return [...html.matchAll(/<script[^>]*\ssrc=("?)([^"\s>]+)\1/g)]
    .map((m) => m[2])
    .filter((src) => !/^https?:/.test(src) && !/office\.js$/.test(src));
}

/** Ids of every function in the generated metadata. */
function functionIds(outDir: string): string[] {
  const metadata = JSON.parse(readFileSync(join(outDir, "functions.json"), "utf8")) as {
    functions: Array<{ id: string }>;
  };
  return metadata.functions.map((f) => f.id.toUpperCase());
}

/** Records when the pane first becomes usable, from before any page script runs. */
const INTERACTIVE_PROBE = `
  (function () {
    window.__paneInteractiveAt = null;
    function usable() {
      var tabs = document.querySelectorAll('[role="tab"][aria-selected="true"]');
      var templates = Array.prototype.some.call(tabs, function (t) { return (t.textContent || "").trim() === "Templates"; });
      var search = document.querySelector('input[type="search"], input[role="searchbox"]');
      return templates && !!search && !search.disabled;
    }
    var observer = new MutationObserver(function () {
      if (window.__paneInteractiveAt === null && usable()) {
        window.__paneInteractiveAt = performance.now();
        observer.disconnect();
      }
    });
    document.addEventListener("DOMContentLoaded", function () {
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
  })();
`;

interface StatsModule {
  name: string;
  size: number;
  usedExports?: boolean | string[] | null;
  providedExports?: string[] | null;
  chunks?: Array<string | number>;
  modules?: StatsModule[];
}

function keptBytes(m: StatsModule): number {
  if (m.usedExports === false) return 0;
  const provided = m.providedExports?.length ?? 0;
  if (Array.isArray(m.usedExports) && provided >= 50) {
    return Math.round((m.size * m.usedExports.length) / provided);
  }
  return m.size;
}

/** How many of the heaviest packages and src folders the bench lists. */
const LARGEST_SHOWN = 10;

/**
 * Bytes (before minifying) per npm package or src folder in the chunks `scripts` come from. Modules
 * webpack concatenated are counted inside the chunk of the module that holds them. A module none of
 * whose exports are used counts nothing, and one of many separate exports (an icon set) counts the
 * share of them in use, since minifying drops the rest.
 */
export function largestModules(statsFile: string, scripts: string[]): Array<[string, number]> {
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as {
    chunks: Array<{ id: string | number; files: string[] }>;
    modules: StatsModule[];
  };
  const wanted = new Set(
    stats.chunks.filter((c) => c.files.some((f) => scripts.includes(f))).map((c) => c.id)
  );
  const owner = (name: string): string => {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name);
    if (pkg) return pkg[1];
    const src = /^\.\/src\/([^/]+(?:\/[^/.]+(?=\/))?)/.exec(name);
    return src ? `src/${src[1]}` : name.replace(/ \+ \d+ modules$/, "");
  };
  const bytes = new Map<string, number>();
  const walk = (modules: StatsModule[], inWanted: boolean) => {
    for (const m of modules) {
      const here = m.chunks?.length ? m.chunks.some((c) => wanted.has(c)) : inWanted;
      if (m.modules) walk(m.modules, here);
      else if (here) bytes.set(owner(m.name), (bytes.get(owner(m.name)) ?? 0) + keptBytes(m));
    }
  };
  walk(stats.modules, false);
  return [...bytes].sort((a, b) => b[1] - a[1]).slice(0, LARGEST_SHOWN);
}

export async function run(): Promise<BenchLine[]> {
  const outDir = join(tmpdir(), "bcf-bench-pane-production");
  const statsFile = join(tmpdir(), "bcf-bench-pane-stats.json");
  support.ensureBuild({
    mode: "production",
    outDir,
    log: (m) => console.error(m),
    statsFile,
  });
  const ids = functionIds(outDir);

  const scripts = pageScripts(outDir);
  const bundleGzip = scripts.reduce((sum, src) => sum + gzipBytes(join(outDir, src)), 0);
  const previewChunks = readdirSync(outDir).filter(
    (f) => f.endsWith(".js") && !scripts.includes(f) && /preview/.test(f)
  );
  const previewGzip = previewChunks.reduce((sum, f) => sum + gzipBytes(join(outDir, f)), 0);

  const server = await support.serve(outDir);
  const browser = await support.launchChromium();
  const functionsReady: number[] = [];
  const interactive: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      // Microsoft's CDN, answered from node_modules: the page runs as it would, with no network.
      await page.route(`${OFFICE_CDN}**`, (route) => {
        const file = join(
          OFFICE_DIST,
          new URL(route.request().url()).pathname.replace("/lib/1/hosted/", "")
        );
        return existsSync(file)
          ? route.fulfill({ path: file, contentType: "text/javascript" })
          : route.fulfill({ status: 404, body: "" });
      });
      await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
        route.request().url().startsWith(OFFICE_CDN) ? route.fallback() : route.abort()
      );
      await page.addInitScript(INTERACTIVE_PROBE);
      await page.goto(server.url);
      await page.waitForFunction(
        () =>
          (window as unknown as { __paneInteractiveAt: number | null }).__paneInteractiveAt !==
          null,
        null,
        {
          timeout: 30000,
        }
      );
      const times = await page.evaluate(() => {
        const w = window as unknown as {
          __paneInteractiveAt: number;
          __bcfFunctions?: { associatedAt: Record<string, number> };
        };
        return {
          interactive: w.__paneInteractiveAt,
          associatedAt: w.__bcfFunctions?.associatedAt ?? {},
        };
      });
      const missing = ids.filter((id) => times.associatedAt[id] === undefined);
      if (missing.length) throw new Error(`functions not associated: ${missing.join(", ")}`);
      functionsReady.push(Math.max(...ids.map((id) => times.associatedAt[id])));
      interactive.push(times.interactive);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (previewChunks.length === 0)
    console.error(`bench pane: no preview chunk found in ${basename(outDir)}`);
  return [
    ["pane.functions_ready_ms", median(functionsReady), "ms"],
    ["pane.interactive_ms", median(interactive), "ms"],
    ["pane.bundle_gzip_bytes", bundleGzip, "bytes"],
    ["pane.preview_gzip_bytes", previewGzip, "bytes"],
    ...largestModules(statsFile, scripts).map(([name, size]): BenchLine => [
      `pane.largest.${name}`,
      size,
      "bytes",
    ]),
  ];
}
