#!/usr/bin/env node
import { runCli } from './program.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`magneuro: internal error: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
