#!/usr/bin/env node
/* Launcher for the TypeScript CLI (src/cli/main.ts): tsx compiles it on the fly, so no build step. */
"use strict";

require("tsx/cjs");
const { main } = require("../src/cli/main.ts");

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`bcf-check: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
);
