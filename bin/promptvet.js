#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ so start-up reads one file instead of hundreds.
import { main } from "../dist/cli.js";

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
