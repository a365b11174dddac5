/** Every subcommand is registered here, in one place. */
import type { Command } from 'commander';
import { registerMaterialCommands } from './commands/material.js';
import { registerTableCommands } from './commands/table.js';
import { registerQuickstartCommand } from './commands/quickstart.js';
import { registerBenchCommand } from './commands/bench.js';
import { registerTrainCommands } from './commands/train.js';
import { registerSnnCommands } from './commands/snn.js';

export const COMMAND_REGISTRARS: Array<(program: Command) => void> = [
  registerMaterialCommands,
  registerTableCommands,
  registerQuickstartCommand,
  registerBenchCommand,
  registerTrainCommands,
  registerSnnCommands,
];
