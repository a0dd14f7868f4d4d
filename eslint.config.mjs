// The Office add-in generator's lint rules (office-addin-lint), for TypeScript and React.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "screenshots/**", "test-results/**"] },
  ...officeAddins.configs.react,
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
];
