#!/usr/bin/env node
/*
 * bcf-check: runs the command built into dist/cli/bcf-check.js by `npm run build` (plain JavaScript,
 * no development tools needed). In a development clone that has not been built yet, or with
 * BCF_CHECK_FROM_SOURCE=1 (the tests, so they never run a stale build), it runs the TypeScript
 * source through tsx instead.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const built = path.join(__dirname, "..", "dist", "cli", "bcf-check.js");
const source = path.join(__dirname, "..", "src", "cli", "bcfCheck.ts");

function load() {
  if (process.env.BCF_CHECK_FROM_SOURCE !== "1" && fs.existsSync(built)) return require(built);
  try {
    require.resolve("tsx/cjs");
  } catch {
    process.stderr.write(
      "bcf-check has not been built: run `npm run build` (or `npm ci && npm run build`) first.\n"
    );
    process.exit(2);
  }
  require("tsx/cjs");
  return require(source);
}

load().runCli(process.argv.slice(2));
