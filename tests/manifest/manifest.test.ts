/** @jest-environment jsdom */
/**
 * Offline checks of manifest.xml (Microsoft's `npm run validate` needs the internet): the things that
 * make Excel refuse or half-load a shared-runtime add-in.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";

const root = join(__dirname, "..", "..");
const xml = readFileSync(join(root, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");

const all = (tag: string): Element[] =>
  Array.from(doc.getElementsByTagName("*")).filter((e) => e.localName === tag);
const one = (tag: string): Element => {
  const found = all(tag);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0];
};

/** id → DefaultValue for every resource (images, URLs, short and long strings). */
const resources = new Map<string, string>();
for (const tag of ["Image", "Url", "String"]) {
  for (const e of all(tag)) {
    if (
      e.parentElement?.localName !== "Images" &&
      e.parentElement?.localName !== "Urls" &&
      !/Strings$/.test(e.parentElement?.localName ?? "")
    )
      continue;
    resources.set(e.getAttribute("id") ?? "", e.getAttribute("DefaultValue") ?? "");
  }
}
const resource = (resid: string | null): string => {
  const value = resources.get(resid ?? "");
  if (value === undefined) throw new Error(`resid ${resid} has no resource`);
  return value;
};

describe("manifest.xml", () => {
  test("is well-formed XML for an Excel task pane add-in", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(one("Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    );
    expect(all("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toEqual([
      "Workbook",
      "Workbook",
    ]);
  });

  test("asks for ReadWriteDocument and nothing broader", () => {
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
  });

  test("every resid resolves to a resource", () => {
    const resids = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => r !== null);
    expect(resids.length).toBeGreaterThan(10);
    for (const resid of resids) expect(() => resource(resid)).not.toThrow();
  });

  test("the runtime, the functions page and the function file share one long-lived runtime", () => {
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const page = one("Page").getElementsByTagName("SourceLocation")[0];
    const functionFile = one("FunctionFile");
    expect(page.getAttribute("resid")).toBe(runtime.getAttribute("resid"));
    expect(functionFile.getAttribute("resid")).toBe(runtime.getAttribute("resid"));
    const taskpaneAction = all("Action").find((a) => a.getAttribute("xsi:type") === "ShowTaskpane");
    expect(taskpaneAction?.getElementsByTagName("SourceLocation")[0].getAttribute("resid")).toBe(
      runtime.getAttribute("resid")
    );
  });

  test("requires SharedRuntime 1.1", () => {
    const set = all("Set").find((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(set?.getAttribute("MinVersion")).toBe("1.1");
  });

  test("declares the custom functions under the BCF namespace with script and metadata", () => {
    const point = all("ExtensionPoint").find(
      (e) => e.getAttribute("xsi:type") === "CustomFunctions"
    );
    expect(point).toBeDefined();
    expect(resource(one("Namespace").getAttribute("resid"))).toBe("BCF");
    const script = one("Script").getElementsByTagName("SourceLocation")[0];
    expect(resource(script.getAttribute("resid"))).toMatch(/\/functions\.js$/);
    const metadata = one("Metadata").getElementsByTagName("SourceLocation")[0];
    expect(resource(metadata.getAttribute("resid"))).toMatch(/\/functions\.json$/);
  });

  test("has a Home-tab button that opens the pane", () => {
    expect(one("OfficeTab").getAttribute("id")).toBe("TabHome");
    const button = all("Control").find((c) => c.getAttribute("xsi:type") === "Button");
    expect(button?.getElementsByTagName("Action")[0].getAttribute("xsi:type")).toBe("ShowTaskpane");
  });

  test("every icon the manifest names exists in assets/ at the size it claims", () => {
    const iconUrls = [
      one("IconUrl").getAttribute("DefaultValue") ?? "",
      one("HighResolutionIconUrl").getAttribute("DefaultValue") ?? "",
      ...all("Image")
        .filter((e) => e.parentElement?.localName === "Images")
        .map((e) => e.getAttribute("DefaultValue") ?? ""),
    ];
    for (const url of iconUrls) {
      const file = join(root, new URL(url).pathname);
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = Number(/icon-(\d+)\.png$/.exec(url)?.[1]);
      expect(png.readUInt32BE(16)).toBe(size);
    }
    // Images referenced by size in the ribbon point at files of that size.
    for (const img of all("Image").filter((e) => e.getAttribute("size"))) {
      expect(resource(img.getAttribute("resid"))).toContain(`icon-${img.getAttribute("size")}.png`);
    }
  });

  test("all URLs are https on one host", () => {
    const urls = [
      ...Array.from(doc.getElementsByTagName("*"))
        .map((e) => e.getAttribute("DefaultValue") ?? "")
        .filter((v) => /^[a-z]+:\/\//i.test(v)),
      ...all("AppDomain").map((e) => e.textContent ?? ""),
    ];
    expect(urls.length).toBeGreaterThan(8);
    const hosts = new Set(urls.map((u) => new URL(u).host));
    expect(hosts.size).toBe(1);
    for (const u of urls) expect(new URL(u).protocol).toBe("https:");
  });
});
