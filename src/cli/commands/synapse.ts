import type { Command } from 'commander';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { CliContext, intOption, numberOption } from '../context.js';

/** `magneuro synapse simulate`: the skyrmion synapse protocol -> conductance table, CSV, figures. */
export function registerSynapseCommands(program: Command): void {
  const syn = program
    .command('synapse')
    .description('skyrmion synapse device: simulate the potentiation/depression protocol');
  syn
    .command('simulate')
    .description('run many potentiation+depression cycles and write DIR/table.json, pulses.csv and figures')
    .option('--model <NAME|FILE>', 'device model preset or file', 'song2020')
    .option('--cycles <N>', 'number of cycles (forked seeds)', '20')
    .option('--workers <N>', 'worker threads (results are identical for any number)')
    .action(async (opts: { model: string; cycles: string; workers?: string }, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const cycles = intOption('cycles', opts.cycles, 1, 100000);
      const workers = opts.workers !== undefined ? intOption('workers', opts.workers, 1, 256) : undefined;
      const { loadSkyrmionSynapse } = await import('../../devices/skyrmion-synapse-preset.js');
      const { simulateSynapse } = await import('../../devices/skyrmion-synapse-table.js');
      const { saveTable, conductanceRange } = await import('../../tables/index.js');
      const { writeSynapseFigures, pulsesCsv, positionsJson } =
        await import('../../devices/skyrmion-synapse-report.js');
      const dev = loadSkyrmionSynapse(opts.model, ctx.globals.set);
      const dir = ctx.outDir('magneuro-out/synapse');
      const bar = ctx.progress('cycles', cycles);
      const sim = await simulateSynapse(dev, {
        cycles,
        seed: ctx.seed,
        workers,
        onProgress: (d) => bar.update(d),
      });
      bar.stop();
      const tablePath = join(dir, 'table.json');
      saveTable(tablePath, sim.table);
      const csvPath = join(dir, 'pulses.csv');
      writeFileSync(csvPath, pulsesCsv(sim.cycles));
      const positionsPath = join(dir, 'positions-cycle0.json');
      writeFileSync(positionsPath, positionsJson(sim.cycles[0]));
      const figures = await writeSynapseFigures(dir, sim);
      const range = conductanceRange(sim.table);
      const out = {
        ...sim.summary,
        cycles,
        seed: ctx.seed,
        G_min_ohm_m: range.min,
        G_max_ohm_m: range.max,
        on_off_ratio: range.onOff,
        table: tablePath,
        pulses_csv: csvPath,
        positions_json: positionsPath,
        figures,
      };
      ctx.emit(
        out,
        [
          `skyrmion synapse ${dev.name}: ${cycles} cycles, seed ${ctx.seed}`,
          `states: ${out.potentiation_states} potentiation, ${out.depression_states} depression`,
          `skyrmions at the end of potentiation: ${out.final_skyrmions.toFixed(1)}`,
          `delta rho_xy at the end of potentiation: ${(out.final_drho_ohm_m * 1e11).toFixed(1)} nOhm cm`,
          `|delta rho| per skyrmion: ${(out.drho_per_skyrmion_potentiation_ohm_m * 1e11).toFixed(2)} (pot.), ${(out.drho_per_skyrmion_depression_ohm_m * 1e11).toFixed(2)} (dep.) nOhm cm`,
          `diameter sparse/dense: ${(out.diameter_sparse_m * 1e9).toFixed(0)} / ${(out.diameter_dense_m * 1e9).toFixed(0)} nm`,
          ...[out.energetics.potentiation, out.energetics.depression].map(
            (e) =>
              `isolated skyrmion at ${(e.field_T * 1e3).toFixed(0)} mT: E - E_uniform = ${e.skyrmion_energy_kT.toFixed(0)} kT, collapse barrier ${e.collapse_barrier_kT.toFixed(0)} kT (${e.metastable ? 'metastable' : 'below the uniform state: no in-place collapse in the film'})`,
          ),
          `rho_xy range ${range.min.toExponential(3)} .. ${range.max.toExponential(3)} ohm m, on/off ${range.onOff.toFixed(3)}`,
          `wrote ${tablePath}, ${csvPath}, ${positionsPath}`,
        ].join('\n'),
      );
    });
  syn
    .command('calibrate')
    .description(
      'calibrate the site nucleation barrier (scale and critical current) on the skyrmion count: target at the end of potentiation (default 41, Song et al. 2020) and half of it at mid-protocol; --write stores both in the preset',
    )
    .option('--model <NAME|FILE>', 'device model preset or file', 'song2020')
    .option('--target <N>', 'mean active skyrmions at the end of potentiation', '41')
    .option(
      '--mid-fraction <F>',
      'fraction of the target reached after half of the pulses (0.5 = linear)',
      '0.5',
    )
    .option('--devices <N>', 'device realizations averaged per evaluation', '8')
    .option(
      '--calibration-seed <S>',
      'seed of the calibration runs (keep it different from table seeds)',
      'calibration:song2020-nucleation',
    )
    .option('--workers <N>', 'worker threads (results are identical for any number)')
    .option('--write', 'write the calibrated value (with its provenance) into the preset file')
    .action(
      async (
        opts: {
          model: string;
          target: string;
          midFraction: string;
          devices: string;
          calibrationSeed: string;
          workers?: string;
          write?: boolean;
        },
        cmd: Command,
      ) => {
        const ctx = CliContext.from(cmd);
        const target = numberOption('target', opts.target, 0.1, 10000);
        const devices = intOption('devices', opts.devices, 1, 10000);
        const workers = opts.workers !== undefined ? intOption('workers', opts.workers, 1, 256) : undefined;
        const { loadSkyrmionSynapse, skyrmionSynapsePresetPath } =
          await import('../../devices/skyrmion-synapse-preset.js');
        const { calibrateNucleation, writeCalibratedNucleation } =
          await import('../../devices/skyrmion-calibrate.js');
        const dev = loadSkyrmionSynapse(opts.model, ctx.globals.set);
        const cal = await calibrateNucleation(dev, {
          targetSkyrmions: target,
          midFraction: numberOption('mid-fraction', opts.midFraction, 0.01, 0.99),
          devices,
          workers,
          seed: opts.calibrationSeed,
          onProgress: (e) =>
            ctx.info(
              `scale ${e.scale.toExponential(4)}, j_site ${e.criticalCurrent.toExponential(4)} A/m^2 -> ${e.midSkyrmions.toFixed(2)} skyrmions at mid-protocol, ${e.finalSkyrmions.toFixed(2)} at the end`,
            ),
        });
        let written: string | undefined;
        if (opts.write) {
          written = skyrmionSynapsePresetPath(opts.model);
          writeCalibratedNucleation(written, cal);
        }
        ctx.emit(
          { ...cal, preset_written: written ?? null },
          [
            `nucleationBarrierScale = ${cal.nucleationBarrierScale.toExponential(4)}, nucleationCriticalCurrent = ${cal.nucleationCriticalCurrent.toExponential(4)} A/m^2 (calibrated; targets ${cal.targetMidSkyrmions} / ${cal.targetSkyrmions} skyrmions at mid-protocol / end, reached ${cal.achievedMidSkyrmions.toFixed(2)} / ${cal.achievedSkyrmions.toFixed(2)} over ${cal.devices} devices, seed ${cal.seed}, ${cal.evaluations.length} evaluations, ${cal.converged ? 'converged' : 'NOT converged'})`,
            ...(cal.reason ? [`warning: ${cal.reason}`] : []),
            written ? `wrote ${written}` : 'not written (use --write to store it in the preset)',
          ].join('\n'),
        );
      },
    );
  syn
    .command('calibrate-material')
    .description(
      'calibrate Keff and Ms: the largest Keff (not above the estimate) for which the simulated device holds 1.15 x 41 skyrmions with saturated nucleation, Ms for a 200 nm film skyrmion; --write stores Ms and Ku in the preset',
    )
    .option('--model <NAME|FILE>', 'device model preset or file', 'song2020')
    .option('--workers <N>', 'worker threads (results are identical for any number)')
    .option('--write', 'write Ms and Ku (with their provenance) into the preset file')
    .action(async (opts: { model: string; workers?: string; write?: boolean }, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const workers = opts.workers !== undefined ? intOption('workers', opts.workers, 1, 256) : undefined;
      const { loadSkyrmionSynapse, skyrmionSynapsePresetPath } =
        await import('../../devices/skyrmion-synapse-preset.js');
      const { calibrateSkyrmionMaterial, writeCalibratedMaterial } =
        await import('../../devices/skyrmion-calibrate-material.js');
      const dev = loadSkyrmionSynapse(opts.model, ctx.globals.set);
      const cal = await calibrateSkyrmionMaterial(dev, {
        workers,
        onTrial: (t) =>
          ctx.info(
            `Keff ${(t.Keff / 1e3).toFixed(2)} kJ/m^3, Ms ${(t.Ms / 1e3).toFixed(1)} kA/m: capacity ${t.capacity.toFixed(1)} skyrmions (${t.capable ? 'enough' : 'too few'})`,
          ),
      });
      let written: string | undefined;
      if (opts.write) {
        written = skyrmionSynapsePresetPath(opts.model);
        writeCalibratedMaterial(written, cal);
      }
      ctx.emit(
        { ...cal, preset_written: written ?? null },
        [
          `Keff = ${(cal.Keff / 1e3).toFixed(2)} kJ/m^3 (prior ${(cal.priorKeff / 1e3).toFixed(1)}), Ms = ${(cal.Ms / 1e3).toFixed(2)} kA/m, Ku = ${(cal.Ku / 1e3).toFixed(3)} kJ/m^3 (calibrated, ${cal.trials.length} trials)`,
          written ? `wrote ${written}` : 'not written (use --write to store it in the preset)',
        ].join('\n'),
      );
    });
}
