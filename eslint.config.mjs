// The Office add-in generator's lint rules (office-addin-lint), for TypeScript and React, over every
// source file of the repository: src, tests, scripts, bin and the config files themselves.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import { builtinModules } from "node:module";

// The preset's block that carries Prettier and the Office rules names only .js/.ts-like files; the same
// block again for .tsx/.jsx so the pane and preview components are held to the same rules.
const officeRules = officeAddins.configs.react.find((block) => block.rules?.["prettier/prettier"]);
if (!officeRules)
  throw new Error(
    "eslint-plugin-office-addins no longer has the Prettier block this config extends."
  );

// Node's globals, for the CommonJS scripts and configs (the TypeScript compiler checks the .ts files).
const nodeGlobals = Object.fromEntries(
  [
    "require",
    "module",
    "exports",
    "process",
    "console",
    "__dirname",
    "__filename",
    "Buffer",
    "URL",
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
  ].map((name) => [name, "readonly"])
);

// The layers of src: which other src folders, and which packages, each may import. Anything else is a
// slip the build rejects. Relative paths are matched by the folder they climb into.
const SRC_FOLDERS = [
  "core",
  "functions",
  "excel",
  "taskpane",
  "cli",
  "memory-excel",
  "preview",
  "help",
];
const NODE_PACKAGES = builtinModules.filter((name) => !name.startsWith("_"));
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const anyOf = (names) => names.map(escape).join("|");

function layerPatterns(
  folder,
  { mayImport = [], packages = [], packagesLabel = packages.join(", ") }
) {
  const forbiddenFolders = SRC_FOLDERS.filter(
    (other) => other !== folder && !mayImport.includes(other)
  );
  const allowedPackages = packages.map((name) => `${escape(name)}(/|$)`).join("|");
  return [
    {
      caseSensitive: true,
      regex: `^(\\.\\./)+(${anyOf(forbiddenFolders)})(/|$)`,
      message: `src/${folder} may import only ${["itself", ...mayImport.map((f) => `src/${f}`)].join(", ")} of src.`,
    },
    {
      caseSensitive: true,
      regex: allowedPackages ? `^(?!\\.|${allowedPackages})` : "^(?!\\.)",
      message: packages.length
        ? `src/${folder} may import only these packages: ${packagesLabel}.`
        : `src/${folder} imports no packages.`,
    },
  ];
}

function restrictImports(files, patterns) {
  return { files, rules: { "no-restricted-imports": ["error", { patterns }] } };
}

function layer(folder, options) {
  return restrictImports([`src/${folder}/**/*.{ts,tsx,js}`], layerPatterns(folder, options));
}

// Inside src/memory-excel, one way down: the model, then formula evaluation, then recalculation, then
// what stands on all of them (the Office.js-shaped proxies, direct access, Range.text's formats, the
// entry point). address.ts and errors.ts are below the model. Each part is named by what a relative
// import reaches from inside the folder, at any depth.
const MEMORY_EXCEL = { mayImport: ["core"] };
const MEMORY_EXCEL_LAYERS = [
  {
    part: "the model",
    files: ["model/**"],
    above: ["formula", "recalc", "proxy", "direct", "numberFormat", "index"],
  },
  {
    part: "formula evaluation",
    files: ["formula/**"],
    above: ["recalc", "proxy", "direct", "numberFormat", "index"],
  },
  {
    part: "recalculation",
    files: ["recalc.ts"],
    above: ["proxy", "direct", "numberFormat", "index"],
  },
  {
    part: "address.ts and errors.ts",
    files: ["address.ts", "errors.ts"],
    above: ["model", "formula", "recalc", "proxy", "direct", "numberFormat", "index"],
  },
];
const memoryExcelLayers = MEMORY_EXCEL_LAYERS.map(({ part, files, above }) =>
  restrictImports(
    files.map((file) => `src/memory-excel/${file}`),
    [
      ...layerPatterns("memory-excel", MEMORY_EXCEL),
      {
        caseSensitive: true,
        // "../recalc", "../../proxy/range", and ".." (the folder's index) reach a layer above.
        regex: `^(\\.\\./)*(\\.\\.|\\.)/(${anyOf(above)})(/|$)|^(\\.\\./)*\\.\\.$`,
        message: `In src/memory-excel, ${part} may not import what stands above: ${above.join(", ")}.`,
      },
    ]
  )
);

// Office.js globals; the pane reaches them only through src/excel, the core never.
const OFFICE_GLOBALS = ["Office", "Excel", "OfficeExtension", "CustomFunctions"].map((name) => ({
  name,
  message:
    "Office.js is reached only from src/excel (and the custom functions from src/functions).",
}));
const DOM_AND_NODE_GLOBALS = [
  "window",
  "document",
  "navigator",
  "localStorage",
  "fetch",
  "process",
  "require",
  "Buffer",
].map((name) => ({ name, message: "src/core is pure: no DOM or Node here." }));

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "screenshots/**", "test-results/**"] },
  ...officeAddins.configs.react,
  { ...officeRules, files: ["**/*.{tsx,jsx}"] },
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    // The TypeScript compiler already rejects undefined names, and knows the Office, DOM and Node globals
    // each file may use; ESLint's no-undef does not, and its no-unused-vars misreads parameter names in
    // function types (typescript-eslint recommends turning both off; its own no-unused-vars stays on).
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-undef": "off", "no-unused-vars": "off" },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: nodeGlobals },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: nodeGlobals },
  },
  layer("core", { packages: ["@stdlib"] }),
  layer("functions", { mayImport: ["core"] }),
  layer("excel", { mayImport: ["core"] }),
  layer("taskpane", {
    mayImport: ["core", "excel"],
    packages: ["react", "react-dom", "@fluentui"],
  }),
  {
    // The pane's entry alone starts the preview, outside Office; nothing inside the pane depends on it.
    ...layer("taskpane", {
      mayImport: ["core", "excel", "preview"],
      packages: ["react", "react-dom", "@fluentui"],
    }),
    files: ["src/taskpane/index.tsx"],
  },
  layer("cli", {
    mayImport: ["core"],
    // Node's own modules only: the command runs after `npm ci --omit=dev`, so no dev package (exceljs).
    packages: [...NODE_PACKAGES, ...NODE_PACKAGES.map((name) => `node:${name}`)],
    packagesLabel: "Node's own modules",
  }),
  layer("memory-excel", MEMORY_EXCEL),
  ...memoryExcelLayers,
  {
    files: ["src/core/**"],
    rules: { "no-restricted-globals": ["error", ...OFFICE_GLOBALS, ...DOM_AND_NODE_GLOBALS] },
  },
  {
    files: ["src/taskpane/**", "src/cli/**", "src/memory-excel/**"],
    rules: { "no-restricted-globals": ["error", ...OFFICE_GLOBALS] },
  },
];
