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

  test("requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.1, as custom functions in a shared runtime need", () => {
    const sets = new Map(
      all("Set")
        .filter((s) => s.parentElement?.parentElement === one("Requirements"))
        .map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])
    );
    expect(sets.get("SharedRuntime")).toBe("1.1");
    expect(sets.get("CustomFunctionsRuntime")).toBe("1.1");
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

  describe("follows the structure of Microsoft's manifest schema (checked here, offline)", () => {
    const children = (e: Element): string[] => Array.from(e.children).map((c) => c.localName);
    /** The names, in order, that a schema sequence allows; `required` must all be there. */
    const expectSequence = (e: Element, sequence: string[], required: string[]) => {
      const names = children(e);
      for (const name of names) expect(sequence).toContain(name);
      const positions = names.map((n) => sequence.indexOf(n));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      for (const name of required) expect(names).toContain(name);
    };
    const APP_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
    const OVERRIDES_NS = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
    const BASIC_TYPES_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

    test("the task pane app's elements come in the schema's order, the required ones present", () => {
      expect(doc.documentElement.namespaceURI).toBe(APP_NS);
      expectSequence(
        doc.documentElement,
        [
          "Id",
          "AlternateId",
          "Version",
          "ProviderName",
          "DefaultLocale",
          "DisplayName",
          "Description",
          "IconUrl",
          "HighResolutionIconUrl",
          "SupportUrl",
          "AppDomains",
          "Hosts",
          "Requirements",
          "DefaultSettings",
          "Permissions",
          "Dictionary",
          "VersionOverrides",
        ],
        [
          "Id",
          "Version",
          "ProviderName",
          "DefaultLocale",
          "DisplayName",
          "Description",
          "IconUrl",
          "DefaultSettings",
          "Permissions",
        ]
      );
    });

    test("simple values have the schema's form and lengths", () => {
      expect(one("Version").textContent).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
      expect(one("DefaultLocale").textContent).toMatch(/^[a-z]{2,3}-[A-Z]{2}$/);
      expect((one("ProviderName").textContent ?? "").length).toBeLessThanOrEqual(250);
      const top = (tag: string) =>
        Array.from(doc.documentElement.children).find((e) => e.localName === tag)!;
      expect(top("DisplayName").getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(125);
      expect(top("Description").getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);
      expect([
        "Restricted",
        "ReadDocument",
        "ReadAllDocument",
        "WriteDocument",
        "ReadWriteDocument",
      ]).toContain(one("Permissions").textContent);
      for (const set of all("Set")) {
        expect(set.getAttribute("Name")).toMatch(/^\w+$/);
        expect(set.getAttribute("MinVersion")).toMatch(/^\d+\.\d+$/);
      }
    });

    test("the version overrides are in their own namespace, in the schema's order", () => {
      const overrides = one("VersionOverrides");
      expect(overrides.namespaceURI).toBe(OVERRIDES_NS);
      expect(overrides.getAttribute("xsi:type")).toBe("VersionOverridesV1_0");
      expectSequence(
        overrides,
        ["Description", "Requirements", "Hosts", "Resources"],
        ["Hosts", "Resources"]
      );
      const host = overrides.getElementsByTagName("Host")[0];
      expect(host.getAttribute("xsi:type")).toBe("Workbook");
      expectSequence(
        host,
        ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
        ["DesktopFormFactor"]
      );
      expectSequence(
        one("DesktopFormFactor"),
        ["GetStarted", "FunctionFile", "ExtensionPoint"],
        ["FunctionFile"]
      );
      expectSequence(one("Resources"), ["Images", "Urls", "ShortStrings", "LongStrings"], []);
      for (const e of all("Image").concat(all("Url"), all("String"))) {
        if (e.parentElement?.parentElement?.localName === "Resources") {
          expect(e.namespaceURI).toBe(BASIC_TYPES_NS);
        }
      }
    });

    test("resource ids are unique and short, strings and URLs within their limits", () => {
      const ids = [
        ...all("Images"),
        ...all("Urls"),
        ...all("ShortStrings"),
        ...all("LongStrings"),
      ].flatMap((group) => Array.from(group.children).map((e) => e.getAttribute("id") ?? ""));
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[^\s]{1,32}$/);
      for (const e of Array.from(one("ShortStrings").children)) {
        expect(e.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(125);
      }
      for (const e of Array.from(one("LongStrings").children)) {
        expect(e.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);
      }
      for (const e of [
        ...Array.from(one("Urls").children),
        ...Array.from(one("Images").children),
      ]) {
        expect(e.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(2048);
      }
    });

    test("ribbon ids are unique, and each icon comes in the three sizes Office asks for", () => {
      const ids = [...all("Group"), ...all("Control")].map((e) => e.getAttribute("id") ?? "");
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.length).toBeGreaterThan(0);
      for (const icon of all("Icon")) {
        const sizes = Array.from(icon.children).map((img) => img.getAttribute("size"));
        expect(sizes).toEqual(["16", "32", "80"]);
      }
    });
  });
});
