/**
 * Shared pieces of the end-to-end tests and the pane bench: build dist/ when it is stale, serve it on
 * 127.0.0.1 with a tiny static server, and launch Debian's Chromium through playwright-core (never a
 * downloaded browser). Plain Node CommonJS, so it runs without a TypeScript step.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const http = require("http");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "../..");
const CHROMIUM = process.env.BCF_CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Newest modification time of any file under `dir` (0 when it does not exist). */
function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs webpack into `outDir` unless its taskpane.html is newer than every source and config file. */
/** The hosting URL for production builds made only to be measured or tested here (a reserved name). */
const PLACEHOLDER_ADDIN_URL = "https://bcf-toolkit.invalid/";

function ensureBuild({
  mode = "development",
  outDir = path.join(ROOT, "dist"),
  force = false,
  log = console.log,
  statsFile,
} = {}) {
  // webpack leaves unchanged files untouched, so a stamp written after each build dates it.
  const stamp = path.join(outDir, ".bcf-build-stamp");
  const built =
    fs.existsSync(stamp) && fs.existsSync(path.join(outDir, "taskpane.html"))
      ? fs.statSync(stamp).mtimeMs
      : 0;
  const sources = Math.max(
    newestMtime(path.join(ROOT, "src")),
    fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs,
    fs.existsSync(path.join(ROOT, "manifest.xml"))
      ? fs.statSync(path.join(ROOT, "manifest.xml")).mtimeMs
      : 0
  );
  // A development build has office.js copied next to it; a production one must not be mistaken for it.
  const wantsOfficeJs = mode === "development";
  const hasOfficeJs = fs.existsSync(path.join(outDir, "office-js", "office.js"));
  const hasStats = !statsFile || fs.existsSync(statsFile);
  if (!force && built > sources && wantsOfficeJs === hasOfficeJs && hasStats) return false;
  log(`Building (${mode}) into ${path.relative(ROOT, outDir) || "."}…`);
  const args = ["webpack", "--mode", mode];
  if (outDir !== path.join(ROOT, "dist")) args.push("--output-path", outDir);
  // webpack's module statistics, for the bench's list of the largest modules the page loads.
  if (statsFile) args.push(`--json=${statsFile}`);
  const result = spawnSync("npx", args, {
    cwd: ROOT,
    // A production build needs a hosting URL; these builds are only served locally.
    env: { BCF_ADDIN_URL: PLACEHOLDER_ADDIN_URL, ...process.env },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(
      `webpack failed (exit ${result.status}):\n${(result.stdout || "").slice(-3000)}\n${(result.stderr || "").slice(-3000)}`
    );
  }
  fs.writeFileSync(stamp, `${mode} ${new Date().toISOString()}\n`);
  return true;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/** Serves `dir` on 127.0.0.1 on a free port; resolves to { url, close, requests }. */
function serve(dir) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    requests.push(urlPath);
    const file = path.normalize(path.join(dir, urlPath === "/" ? "taskpane.html" : urlPath));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("Not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        requests,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

/** Chromium with a fresh profile in a temporary folder; `close()` ends it and removes the profile. */
async function launchChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's browser with "apt-get install -y chromium".`
    );
  }
  const { chromium } = require("playwright-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "bcf-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: "en-GB",
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

module.exports = {
  ROOT,
  CHROMIUM,
  CHROMIUM_ARGS,
  ensureBuild,
  PLACEHOLDER_ADDIN_URL,
  serve,
  launchChromium,
  newestMtime,
};
