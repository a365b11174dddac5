import { Command, CommanderError } from 'commander';
import { packageVersion } from '../util/paths.js';
import { MagneuroError } from '../util/errors.js';
import { COMMAND_REGISTRARS } from './registry.js';

/** The `magneuro` command with its global flags and every registered subcommand. */
export function buildProgram(): Command {
  const program = new Command('magneuro')
    .description(
      'Physics-level modeling of spintronic neuromorphic devices: material -> physics -> device -> lookup table -> network',
    )
    .version(packageVersion(), '-V, --version')
    .option('--seed <n>', 'seed of every random stream (equal seeds give equal results)', '1')
    .option('--json', 'machine-readable result on stdout (SI units, unit-suffixed keys)')
    .option('--out <dir>', 'output folder for files the command writes')
    .option(
      '--set <name=value>',
      'override a preset parameter, value with unit string (repeatable)',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option('--material <preset|file>', 'material preset name or JSON file')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of COMMAND_REGISTRARS) register(program);
  // Subcommands exit through the same override so usage errors get status 2.
  const walk = (c: Command) => {
    c.exitOverride();
    c.commands.forEach(walk);
  };
  walk(program);
  return program;
}

/** Run the CLI; returns the exit status (0 ok, 2 bad input, 1 internal error). */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.version' ||
        err.code === 'commander.help'
      )
        return 0;
      return 2; // commander already printed one line
    }
    if (err instanceof MagneuroError) {
      process.stderr.write(`magneuro: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`magneuro: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
