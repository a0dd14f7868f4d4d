/**
 * The build contract: a production build leaves functions.js, functions.json, the pane's
 * HTML and manifest.xml with the hosting URL written in; loading functions.js with a CustomFunctions
 * global registers every =BCF.* function once. Builds into a temporary folder so it needs no prior build.
 */
import { mkdtempSync, readFileSync, existsSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runInNewContext } from "vm";
import webpack from "webpack";
import { BCF_FUNCTION_IDS } from "../support/bcfFunctionIds";

const root = join(__dirname, "..", "..");
const HOST = "https://bcf.example.org/toolkit/";
let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "bcf-build-"));
  process.env.BCF_ADDIN_URL = HOST;
  const makeConfig = require(join(root, "webpack.config.js"));
  const config = await makeConfig({}, { mode: "production" });
  delete process.env.BCF_ADDIN_URL;
  config.context = root;
  config.output = { ...config.output, path: out };
  await new Promise<void>((resolve, reject) =>
    webpack({ ...config, mode: "production" }, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve();
    })
  );
}, 240000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

test("leaves the files the manifest and other tools rely on", () => {
  for (const file of [
    "functions.js",
    "functions.json",
    "taskpane.html",
    "taskpane.js",
    "manifest.xml",
    "help/functions.html",
  ]) {
    expect(existsSync(join(out, file))).toBe(true);
  }
});

test("writes the hosting URL into the manifest and the help links, and uses office.js from the CDN", () => {
  const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
  expect(manifest).toContain(`${HOST}taskpane.html`);
  expect(manifest).not.toContain("localhost");
  const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8"));
  for (const fn of metadata.functions)
    expect(fn.helpUrl).toMatch(new RegExp(`^${HOST.replace(/\./g, "\\.")}help/`));
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  // functions.js comes before the pane's script, so formulas never wait for React.
  expect(html.indexOf("functions.js")).toBeLessThan(html.indexOf("taskpane.js"));
});

test("loading functions.js with a CustomFunctions global registers every function once", () => {
  const registered = new Map<string, number>();
  const CustomFunctions = {
    associate: (id: string, fn: unknown) => {
      expect(typeof fn).toBe("function");
      registered.set(id, (registered.get(id) ?? 0) + 1);
    },
    Error: class extends Error {},
    ErrorCode: {
      invalidValue: "#VALUE!",
      invalidNumber: "#NUM!",
      divisionByZero: "#DIV/0!",
      notAvailable: "#N/A",
    },
  };
  const sandbox: Record<string, unknown> = { CustomFunctions, console };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(join(out, "functions.js"), "utf8"), sandbox);
  const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8"));
  const ids = metadata.functions.map((f: { id: string }) => f.id).sort();
  expect(ids).toEqual([...BCF_FUNCTION_IDS].sort());
  expect([...registered.keys()].sort()).toEqual(ids);
  for (const count of registered.values()) expect(count).toBe(1);
});

test("the functions bundle carries no React or Fluent UI", () => {
  const js = readFileSync(join(out, "functions.js"), "utf8");
  expect(js).not.toMatch(/react-dom|__SECRET_INTERNALS|@fluentui|makeStyles/);
});
