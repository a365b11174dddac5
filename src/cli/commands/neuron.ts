/** `magneuro neuron sweep|pulse|calibrate`: DW-MTJ stochastic neurons (issue 4). */
import type { Command } from 'commander';
import { CliContext, intOption, numberOption } from '../context.js';

function voltagesFor(kind: string, text: string | undefined): string {
  if (text) return text;
  return kind === 'binary' ? '1.0:2.2:0.12' : '0:5.5:0.25';
}

export function registerNeuronCommands(program: Command): void {
  const neuron = program.command('neuron').description('DW-MTJ stochastic neurons (binary and multi-weight)');
  neuron
    .command('sweep')
    .description('switching probability vs pulse amplitude -> DIR/table.json, CSV and figures')
    .option(
      '--model <name|file>',
      'leonard2023-binary | leonard2022-mw5 | preset JSON file',
      'leonard2023-binary',
    )
    .option(
      '--voltages <a:b:step>',
      'pulse amplitudes (binary default 1.0:2.2:0.12, multi-weight ramp 0:5.5:0.25)',
    )
    .option('--cycles <n>', 'cycles per amplitude (binary) or ramps (multi-weight)', '100')
    .option('--max-pulses <n>', 'binary: pulses per cycle before giving up', '50')
    .option('--workers <n>', 'worker threads (default: all cores)')
    .action(async (o: Record<string, string | undefined>, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const { readDwmtjFile } = await import('../../devices/dwmtj-preset.js');
      const { runBinarySweep, runRampSweep } = await import('../../devices/dwmtj-sweep.js');
      const { parseRange } = await import('../../units/index.js');
      const { saveTable, tableToCsv } = await import('../../tables/index.js');
      const { writeFigure, lineChart } = await import('../../report/index.js');
      const { writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { dwmtjFromFile } = await import('../../devices/dwmtj-preset.js');
      const { paperEnergyPerPulse } = await import('../../physics/domainwall/pulse.js');
      const file = readDwmtjFile(o.model as string);
      const spec = { file, overrides: ctx.globals.set };
      const model = dwmtjFromFile(file, spec.overrides);
      const voltages = Array.from(parseRange(voltagesFor(file.kind, o.voltages), 'V', 'voltages'));
      const cycles = intOption('cycles', o.cycles);
      const workers = o.workers === undefined ? undefined : intOption('workers', o.workers);
      const dir = ctx.outDir(`magneuro-out/neuron-${file.name}`);
      const tasks = file.kind === 'binary' ? voltages.length * Math.ceil(cycles / 25) : Math.ceil(cycles / 5);
      const bar = ctx.progress('tasks', tasks);
      const onProgress = (d: number) => bar.update(d);
      if (file.kind === 'binary') {
        const r = await runBinarySweep(spec, {
          voltages,
          cycles,
          seed: ctx.seed,
          workers,
          maxPulses: intOption('max-pulses', o.maxPulses),
          onProgress,
        });
        bar.stop();
        saveTable(join(dir, 'table.json'), r.table);
        writeFileSync(join(dir, 'table.csv'), tableToCsv(r.table));
        const fit = r.fit;
        const pts = voltages.map((v, i) => ({
          x: v,
          y: r.table.probability[i],
          yLow: r.table.ci_low?.[i],
          yHigh: r.table.ci_high?.[i],
        }));
        const series = [{ name: 'simulated (95 % CI)', points: pts }];
        if (fit)
          series.push({
            name: 'sigmoid fit',
            points: Array.from({ length: 61 }, (_, i) => {
              const v = voltages[0] + ((voltages[voltages.length - 1] - voltages[0]) * i) / 60;
              return {
                x: v,
                y: 1 / (1 + Math.exp(-(v - fit.v50_V) / fit.width_V)),
                yLow: undefined,
                yHigh: undefined,
              };
            }),
          });
        const fig = await writeFigure(
          dir,
          'switching-probability',
          lineChart({
            title: `${file.name}: per-pulse switching probability`,
            x: { title: 'pulse amplitude (V)' },
            y: { title: 'switching probability per pulse', domain: [0, 1] },
            series,
          }),
        );
        const summary = {
          model: file.name,
          kind: file.kind,
          cycles,
          seed: ctx.seed,
          voltages_V: voltages,
          probability: r.table.probability,
          v50_V: fit?.v50_V ?? null,
          v50_err_V: fit?.v50_err_V ?? null,
          width_V: fit?.width_V ?? null,
          width_err_V: fit?.width_err_V ?? null,
          energy_per_pulse_J: r.energyAtV50_J,
          fit_error: r.fitError,
          table: join(dir, 'table.json'),
          figures: [fig.svg, fig.png],
        };
        ctx.emit(
          summary,
          [
            `${file.name}: ${cycles} cycles x ${voltages.length} amplitudes (seed ${ctx.seed})`,
            ...voltages.map((v, i) => `  ${v.toFixed(3)} V  P = ${r.table.probability[i].toFixed(3)}`),
            fit
              ? `V50 = ${fit.v50_V.toFixed(3)} +- ${fit.v50_err_V.toFixed(3)} V, width = ${fit.width_V.toFixed(3)} +- ${fit.width_err_V.toFixed(3)} V, energy at V50 = ${((r.energyAtV50_J ?? 0) * 1e12).toFixed(1)} pJ`
              : `no sigmoid fit: ${r.fitError}`,
            `wrote ${join(dir, 'table.json')}`,
          ].join('\n'),
        );
      } else {
        const r = await runRampSweep(spec, { voltages, cycles, seed: ctx.seed, workers, onProgress });
        bar.stop();
        saveTable(join(dir, 'table.json'), r.table);
        writeFileSync(join(dir, 'table.csv'), tableToCsv(r.table));
        const fig = await writeFigure(
          dir,
          'state-probability',
          lineChart({
            title: `${file.name}: state probability over the ramp`,
            x: { title: 'pulse amplitude (V)' },
            y: { title: 'probability', domain: [0, 1] },
            series: r.table.states.map((s, k) => ({
              name: s,
              points: voltages.map((v, i) => ({ x: v, y: r.table.probability[i][k] })),
            })),
          }),
        );
        // V50: voltage where the probability of having left S1 first reaches 1/2
        const left = r.table.probability.map((row) => 1 - row[0]);
        let v50: number | null = null;
        for (let i = 1; i < voltages.length; i++)
          if (left[i - 1] < 0.5 && left[i] >= 0.5)
            v50 =
              voltages[i - 1] +
              ((0.5 - left[i - 1]) * (voltages[i] - voltages[i - 1])) / (left[i] - left[i - 1]);
        const summary = {
          model: file.name,
          kind: file.kind,
          cycles,
          seed: ctx.seed,
          states: r.table.states.length,
          voltages_V: voltages,
          state_probabilities: r.table.probability,
          v50_V: v50,
          width_V: null,
          energy_per_pulse_J: v50 === null ? null : paperEnergyPerPulse(model.circuit, model.pulse, v50),
          table: join(dir, 'table.json'),
          figures: [fig.svg, fig.png],
        };
        ctx.emit(
          summary,
          [
            `${file.name}: ${cycles} ramps over ${voltages.length} amplitudes (seed ${ctx.seed})`,
            ...voltages.map(
              (v, i) =>
                `  ${v.toFixed(2)} V  ` +
                r.table.probability[i].map((p, k) => `S${k + 1} ${p.toFixed(2)}`).join(' '),
            ),
            `wrote ${join(dir, 'table.json')}`,
          ].join('\n'),
        );
      }
    });
  neuron
    .command('pulse')
    .description('apply one pulse to the reset device (or after --pulses-before pulses) and read it')
    .option(
      '--model <name|file>',
      'leonard2023-binary | leonard2022-mw5 | preset JSON file',
      'leonard2023-binary',
    )
    .requiredOption('--voltage <V>', 'pulse amplitude (V)')
    .option('--pulses-before <n>', 'pulses of the same amplitude applied first', '0')
    .action(async (o: Record<string, string | undefined>, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const { loadDwmtj } = await import('../../devices/dwmtj-preset.js');
      const { DwmtjSimulator } = await import('../../devices/dwmtj-simulator.js');
      const { createRng } = await import('../../random/index.js');
      const { readIsAntiparallel } = await import('../../physics/readout/mtj.js');
      const V = numberOption('voltage', o.voltage, 0, 20);
      const before = intOption('pulses-before', o.pulsesBefore, 0, 10000);
      const sim = new DwmtjSimulator(loadDwmtj(o.model as string, ctx.globals.set));
      const rng = createRng(ctx.seed).fork('pulse', 0);
      const state = sim.resetState();
      for (let i = 0; i < before; i++) sim.pulse(state, V, rng);
      const wasAntiparallel = readIsAntiparallel(sim.model.mtj, sim.resistance(state));
      const out = sim.pulse(state, V, rng);
      const result = {
        model: sim.model.name,
        voltage_V: V,
        switched: out.antiparallel && !wasAntiparallel,
        nucleated: out.nucleated,
        final_position_m: out.finalPosition,
        resistance_ohm: out.resistance,
        energy_J: out.energy,
        peak_temperature_K: out.peakTemperature,
      };
      ctx.emit(
        result,
        `${V} V: ${result.switched ? 'switched (antiparallel)' : 'not switched (parallel)'}, wall front at ${(out.finalPosition * 1e9).toFixed(1)} nm, R = ${out.resistance.toFixed(1)} Ohm, E = ${(out.energy * 1e12).toFixed(2)} pJ`,
      );
    });
  neuron
    .command('calibrate')
    .description(
      'calibrate the nucleation current scale J0 so that P(1.8 V) = 1/2 for the binary preset (prints the value)',
    )
    .option('--cycles <n>', 'cycles per evaluation', '200')
    .option('--iterations <n>', 'bisection steps', '12')
    .option(
      '--write',
      'write the calibrated J0 into models/devices/leonard2023-binary.json and leonard2022-mw5.json',
    )
    .action(async (o: Record<string, string | undefined>, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const { readDwmtjFile } = await import('../../devices/dwmtj-preset.js');
      const cal = await import('../../devices/dwmtj-calibrate.js');
      const file = readDwmtjFile('leonard2023-binary');
      const r = cal.calibrateNucleationCurrent(file, {
        cycles: intOption('cycles', o.cycles),
        iterations: intOption('iterations', o.iterations),
        seed: ctx.seed,
        log: (l) => ctx.info(l),
      });
      if (o.write) {
        const written = cal.writeCalibratedNucleationCurrent(r, {
          cycles: intOption('cycles', o.cycles),
          seed: ctx.seed,
        });
        ctx.info(`wrote ${written.join(', ')}`);
      }
      ctx.emit(
        r,
        `calibrated nucleation current scale J0 = ${r.nucleationCurrentDensity_A_per_m2.toExponential(3)} A/m^2 (P(1.8 V) = ${r.probabilityAtTarget.toFixed(3)})`,
      );
    });
  neuron
    .command('tables')
    .description(
      'regenerate the committed tables models/tables/leonard2023-binary-switching.json and leonard2022-mw5-states.json',
    )
    .option('--write', 'write them (otherwise only compare with the committed files)')
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const t = await import('../../devices/dwmtj-tables.js');
      const { saveTable, loadTable } = await import('../../tables/index.js');
      const { existsSync } = await import('node:fs');
      const out: Record<string, unknown> = {};
      for (const [kind, gen] of [
        ['binary', t.generateBinaryTable],
        ['mw', t.generateMwTable],
      ] as const) {
        const table = await gen();
        const path = t.committedTablePath(kind);
        const same = existsSync(path) && JSON.stringify(loadTable(path)) === JSON.stringify(table);
        if (o.write) saveTable(path, table);
        out[kind] = { path, identical_to_committed: same, written: Boolean(o.write) };
      }
      ctx.emit(out);
    });
}
