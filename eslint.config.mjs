// The Office add-in generator's lint rules (office-addin-lint), for TypeScript and React, over every
// source file of the repository: src, tests, scripts, bin and the config files themselves.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

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
];
