/**
 * office.js's real mapping script, run in a page: without the trap it frames Microsoft's telemetry
 * page three seconds after loading; with quiet-office.js's trap set first, nothing is framed, even
 * if Office.onReady never gets the chance to switch it off. Inside Office the trap is never set.
 */
import { readFileSync } from "fs";
import { JSDOM } from "jsdom";
import { join } from "path";
import {
  looksLikeOfficeHost,
  silenceOfficeLoggingOutsideOffice,
  trapOfficeLoggingOutsideOffice,
} from "../../src/taskpane/quietOffice";

const MAPPING_TABLE = readFileSync(
  join(__dirname, "../../node_modules/@microsoft/office-js/dist/o15apptofilemappingtable.js"),
  "utf8"
);

/** A fresh page (office.js's script can run once per page) whose timers run when told. */
function freshPage() {
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost:3000/taskpane.html",
  });
  const win = dom.window as unknown as Window & typeof globalThis;
  const timers: Array<() => void> = [];
  win.setTimeout = ((fn: () => void) => {
    timers.push(fn);
    return timers.length;
  }) as unknown as typeof win.setTimeout;
  return {
    win,
    /** office.js's mapping script, as a classic script at the page's top level. */
    loadMappingTable: () => win.eval(MAPPING_TABLE),
    runTimers: () => {
      while (timers.length) timers.shift()!();
    },
    framed: () =>
      Array.from(win.document.querySelectorAll("iframe")).map((f) => f.getAttribute("src") ?? ""),
  };
}

test("without the trap, office.js frames its telemetry page when its timer fires", () => {
  const page = freshPage();
  page.loadMappingTable();
  page.runTimers();
  expect(page.framed()).toEqual([expect.stringMatching(/^https:\/\/telemetryservice\./)]);
});

test("with the trap set before office.js, nothing is framed and logging does nothing", () => {
  const page = freshPage();
  expect(trapOfficeLoggingOutsideOffice(page.win)).toBe(true);
  page.loadMappingTable();
  page.runTimers();
  expect(page.framed()).toEqual([]);
  const osf = (page.win as unknown as { OSF: { Logger: { sendLog(...a: unknown[]): void } } }).OSF;
  expect(() => osf.Logger.sendLog(0, "hello", 1)).not.toThrow();
  page.runTimers();
  expect(page.framed()).toEqual([]);
});

test("the late switch-off still works where the trap was not set", () => {
  const page = freshPage();
  page.loadMappingTable();
  expect(silenceOfficeLoggingOutsideOffice(page.win)).toBe(true);
  page.runTimers();
  expect(page.framed()).toEqual([]);
});

test("inside Office (office.js's own signs of a host) the trap is never set", () => {
  const page = (extra: Record<string, unknown>) => ({
    location: { search: "", hash: "" },
    name: "",
    sessionStorage: { getItem: () => null },
    ...extra,
  });
  expect(looksLikeOfficeHost(page({}))).toBe(false);
  const hosts = [
    page({ location: { search: "?_host_Info=Excel$Win32$16.01$en-GB$$$$0", hash: "" } }),
    page({ location: { search: "", hash: "#_host_Info=Excel|Web|16.00|en-GB" } }),
    page({ name: JSON.stringify({ hostInfo: "Excel|Mac|16.00" }) }),
    page({
      sessionStorage: { getItem: (k: string) => (k === "hostInfoValue" ? "Excel$Web" : null) },
    }),
    page({ external: { GetHostInfo: () => "Excel" } }),
    page({ agaveHost: {} }),
    page({ chrome: { webview: {} } }),
  ];
  for (const host of hosts) {
    expect(looksLikeOfficeHost(host)).toBe(true);
    expect(trapOfficeLoggingOutsideOffice(host)).toBe(false);
    expect("Logger" in host).toBe(false);
  }
});
