/**
 * `npm start`. On Windows and Mac, office-addin-debugging starts the dev server and sideloads the
 * add-in into desktop Excel. Desktop Excel cannot be sideloaded elsewhere (Linux, containers), so
 * there we serve the add-in over HTTPS, wait until the pane answers, and print what to do next:
 * the browser preview URL and how to sideload into Excel on the web.
 * BCF_START=serve forces the second behaviour anywhere.
 */
const { spawn } = require("child_process");
const https = require("https");
const { PORT, busyPortMessage } = require("./devServer");

const base = `https://localhost:${PORT}`;
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const canSideloadDesktop =
  ["win32", "darwin"].includes(process.platform) && process.env.BCF_START !== "serve";

function run(args) {
  const child = spawn(npx, args, { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  return child;
}

function answers(url) {
  return new Promise((resolve) => {
    const req = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
  });
}

async function waitUntilServing(url, seconds) {
  for (let i = 0; i < seconds; i++) {
    if (await answers(url)) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

function tryOpen(url) {
  if (process.env.CI || !process.env.DISPLAY) return;
  const opener = spawn("xdg-open", [url], { stdio: "ignore", detached: true });
  opener.on("error", () => undefined);
  opener.unref();
}

async function serveOnly() {
  const busy = await busyPortMessage();
  if (busy) {
    console.error(busy);
    process.exit(1);
  }
  console.log(
    `Desktop Excel cannot be sideloaded on ${process.platform}: serving the add-in at ${base} instead.`
  );
  const server = run(["webpack", "serve", "--mode", "development", "--no-open"]);
  const ready = await waitUntilServing(`${base}/taskpane.html`, 300);
  if (!ready) {
    console.error(`The dev server did not answer at ${base}/taskpane.html within 5 minutes.`);
    server.kill();
    process.exit(1);
  }
  const preview = `${base}/taskpane.html`;
  console.log(
    [
      "",
      "BCF Toolkit for Excel is being served.",
      `  Preview in a browser (no Excel needed): ${preview}`,
      `  Manifest:                                ${base}/manifest.xml (also ./manifest.xml)`,
      "",
      "To use it in Excel on the web:",
      "  1. Open a workbook at office.com, then Home > Add-ins > More add-ins (or Insert > Add-ins).",
      "  2. Choose My Add-ins > Upload My Add-in, and upload manifest.xml from this folder.",
      "  3. Open BCF Toolkit from the Home tab; type =BCF. in a cell for the functions.",
      `The browser must trust the developer certificate for ${base} (see the README).`,
      "Press Ctrl+C to stop.",
      "",
    ].join("\n")
  );
  tryOpen(preview);
}

if (canSideloadDesktop) {
  run(["office-addin-debugging", "start", "manifest.xml", "desktop"]);
} else {
  void serveOnly();
}
