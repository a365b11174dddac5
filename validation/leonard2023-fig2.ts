/**
 * Leonard et al., APL 122, 262406 (2023), Fig. 2(b)-(e) and the energy estimate of the text.
 *
 * Calibration: the nucleation current scale J0 of both presets is calibrated by code
 * (src/devices/dwmtj-calibrate.ts)
 * on ONE observable, P(1.8 V) = 1/2 of Fig. 2(d). The V50 row below therefore restates the
 * calibration target and is marked so; the other rows are checks of quantities not fitted.
 */
import { join } from 'node:path';
import { createRng } from '../src/random/index.js';
import { histogram, lineChart, writeFigure } from '../src/report/index.js';
import { loadDwmtj, readDwmtjFile } from '../src/devices/dwmtj-preset.js';
import { DwmtjSimulator } from '../src/devices/dwmtj-simulator.js';
import { pulsesUntilSwitch } from '../src/devices/dwmtj-protocols.js';
import { runBinarySweep, runRampSweep } from '../src/devices/dwmtj-sweep.js';
import { paperEnergyPerPulse, trackVoltage } from '../src/physics/domainwall/pulse.js';
import { notchBarrier, notchDepinningField } from '../src/physics/domainwall/track.js';
import { KB } from '../src/units/constants.js';
import { absRow, factRow, relRow, writeJson, type ValidationRow, type ValidationScript } from './lib.js';

/** Storage time of the retention criterion, 10 years [s]. */
const TEN_YEARS_S = 10 * 365.25 * 24 * 3600;

export const validation: ValidationScript = {
  id: 'leonard2023-fig2',
  title: 'Binary and multi-weight DW-MTJ stochastic neurons (Fig. 2(b)-(e), energy per pulse)',
  paper: 'T. Leonard, S. Liu, H. Jin, J. A. C. Incorvia, Appl. Phys. Lett. 122, 262406 (2023)',
  async run(ctx) {
    const cycles = ctx.full ? 1000 : 100;
    const histCycles = ctx.full ? 1000 : 200;
    const mwCycles = ctx.full ? 100 : 10;
    const voltages = Array.from({ length: 11 }, (_, i) => Math.round((1.0 + 0.12 * i) * 100) / 100);
    const spec = { file: readDwmtjFile('leonard2023-binary'), overrides: [] };
    const model = loadDwmtj('leonard2023-binary');
    const figures: string[] = [];
    const rows: ValidationRow[] = [];

    // Fig. 2(b): resistance vs pulse number, 15 cycles at 1.75 V (3 pulses kept after the switch).
    const sim = new DwmtjSimulator(model);
    const root = createRng(ctx.seed);
    const traces = Array.from({ length: 15 }, (_, c) =>
      pulsesUntilSwitch(sim, 1.75, 60, root.fork('fig2b', c), 3),
    );
    let offset = 0;
    const bPoints: Array<{ x: number; y: number }> = [];
    for (const t of traces) {
      t.resistance.forEach((R, k) => bPoints.push({ x: offset + k + 1, y: R }));
      offset += t.resistance.length;
    }
    const f2b = await writeFigure(
      ctx.outDir,
      'fig2b-resistance-vs-pulse',
      lineChart({
        title: 'Fig. 2(b): MTJ resistance vs pulse number, 15 cycles at 1.75 V (reset after each switch)',
        x: { title: 'pulse number (cumulative)' },
        y: { title: 'MTJ resistance (Ohm)' },
        series: [{ name: 'simulated', points: bPoints }],
        width: 620,
      }),
    );
    figures.push(f2b.png);

    // Fig. 2(c): switch-pulse histogram at 1.75 V.
    const hist: number[] = [];
    for (let c = 0; c < histCycles; c++) {
      const r = pulsesUntilSwitch(sim, 1.75, 60, root.fork('fig2c', c));
      if (r.switchedAt > 0) hist.push(r.switchedAt);
    }
    const f2c = await writeFigure(
      ctx.outDir,
      'fig2c-switch-count',
      histogram({
        title: `Fig. 2(c): pulse number at which the device switched, 1.75 V (${histCycles} cycles)`,
        xTitle: 'pulse number',
        samples: [{ name: 'simulated', values: hist }],
        bins: 30,
      }),
    );
    figures.push(f2c.png);
    const meanPulses = hist.reduce((a, b) => a + b, 0) / Math.max(1, hist.length);
    const distinct15 = new Set(traces.map((t) => t.switchedAt)).size;

    // Fig. 2(d): P(V) sweep.
    ctx.log(`binary sweep: 11 amplitudes x ${cycles} cycles`);
    const sweep = await runBinarySweep(spec, { voltages, cycles, seed: ctx.seed, maxPulses: 50 });
    const t = sweep.table;
    const fit = sweep.fit;
    const dSeries = [
      {
        name: 'simulated (Wilson 95 %)',
        points: voltages.map((v, i) => ({
          x: v,
          y: t.probability[i],
          yLow: t.ci_low?.[i],
          yHigh: t.ci_high?.[i],
        })),
      },
    ];
    if (fit)
      dSeries.push({
        name: `sigmoid fit V50 = ${fit.v50_V.toFixed(2)} V, width = ${fit.width_V.toFixed(3)} V`,
        points: Array.from({ length: 61 }, (_, i) => {
          const v = 1.0 + (1.2 * i) / 60;
          return {
            x: v,
            y: 1 / (1 + Math.exp(-(v - fit.v50_V) / fit.width_V)),
            yLow: undefined,
            yHigh: undefined,
          };
        }),
      });
    const f2d = await writeFigure(
      ctx.outDir,
      'fig2d-switching-probability',
      lineChart({
        title: 'Fig. 2(d): per-pulse switching probability vs amplitude',
        x: { title: 'pulse amplitude (V)' },
        y: { title: 'switching probability', domain: [0, 1] },
        series: dSeries,
      }),
    );
    figures.push(f2d.png);

    // Fig. 2(e): multi-weight ramp.
    const mwVoltages = Array.from({ length: 23 }, (_, i) => i * 0.25);
    const ramp = await runRampSweep(
      { file: readDwmtjFile('leonard2022-mw5'), overrides: [] },
      { voltages: mwVoltages, cycles: mwCycles, seed: ctx.seed },
    );
    const f2e = await writeFigure(
      ctx.outDir,
      'fig2e-multiweight-states',
      lineChart({
        title: `Fig. 2(e): multi-weight neuron state probability over a 0-5.5 V ramp (${mwCycles} cycles)`,
        x: { title: 'pulse amplitude (V)' },
        y: { title: 'probability', domain: [0, 1] },
        series: ramp.table.states.map((s, k) => ({
          name: s,
          points: mwVoltages.map((v, i) => ({ x: v, y: ramp.table.probability[i][k] })),
        })),
      }),
    );
    figures.push(f2e.png);

    // Rows: published value and tolerance side by side.
    rows.push(
      absRow(
        'V50 of the binary neuron (sigmoid fit)',
        'V',
        1.8,
        fit ? +fit.v50_V.toFixed(3) : NaN,
        0.05,
        'calibration target, not a test (nucleation current scale J0 calibrated on P(1.8 V) = 1/2)',
      ),
    );
    rows.push(
      relRow(
        'track voltage at 1.8 V',
        'V',
        0.64,
        +trackVoltage(model.circuit, 1.8).toFixed(4),
        0.01,
        'circuit arithmetic from the published 1029/365 Ohm',
      ),
    );
    rows.push(
      relRow(
        'energy per pulse at 1.8 V',
        'pJ',
        44.9,
        +(paperEnergyPerPulse(model.circuit, model.pulse, 1.8) * 1e12).toFixed(2),
        0.01,
        'definition inferred: V_track^2/R_4pt x FWHM (40 ns); checks the definition, not the physics',
      ),
    );
    rows.push(
      relRow(
        'energy per pulse at the simulated V50',
        'pJ',
        44.9,
        +((sweep.energyAtV50_J ?? NaN) * 1e12).toFixed(2),
        0.1,
        'follows from the calibrated V50',
      ),
    );
    rows.push(
      factRow(
        'P(V) sigmoidal from ~0 at 1.0 V to ~1 at 2.2 V (Fig. 2(d))',
        'P(1.0 V) < 0.1, P(2.2 V) > 0.9',
        t.probability[0] < 0.1 && t.probability[10] > 0.9,
        `P(1.0) = ${t.probability[0].toFixed(3)}, P(2.2) = ${t.probability[10].toFixed(3)}`,
        'shape, not calibrated',
      ),
    );
    rows.push(
      factRow(
        'stochastic switching at 1.75 V: the switching pulse varies from cycle to cycle (Fig. 2(b),(c))',
        'several distinct switching pulse numbers in 15 cycles',
        distinct15 >= 3,
        `${distinct15} distinct values in 15 cycles; mean ${meanPulses.toFixed(2)} pulses over ${histCycles} cycles`,
      ),
    );
    {
      // Memoryless per-pulse switching: if every pulse is an independent trial with probability p
      // (what the per-pulse probability of Fig. 2(d) assumes), the switching pulse N is geometric,
      // so P(N = 1) equals the maximum-likelihood p = switches / pulses of the same cycles.
      // Tolerance: 3 binomial standard errors of the fraction.
      const pulsesApplied = hist.reduce((a, b) => a + b, 0);
      const pHat = hist.length / Math.max(1, pulsesApplied);
      const first = hist.filter((x) => x === 1).length / Math.max(1, hist.length);
      const tol = 3 * Math.sqrt((pHat * (1 - pHat)) / Math.max(1, hist.length));
      rows.push(
        factRow(
          'switching pulse at 1.75 V is geometric (memoryless per-pulse trials)',
          'P(N = 1) = per-pulse p within 3 standard errors',
          Math.abs(first - pHat) < tol,
          `P(N = 1) = ${first.toFixed(3)}, per-pulse p = ${pHat.toFixed(3)} (tolerance ${tol.toFixed(3)})`,
          'model consistency, not calibrated (Fig. 2(b)-(c) are not used by the calibration)',
        ),
      );
    }
    {
      // Leonard 2023: the notches "stabilize the DW position in one of two places". With the
      // 350 Oe writing bias off, notch 1 must keep a wall for a storage time t_ret: zero-field
      // barrier sigma t d (track.ts) above kB T ln(f0 t_ret) (Neel-Brown, interpulse.ts), with
      // t_ret = 10 years (non-volatile memory criterion) and f0 the preset's attempt frequency.
      const n0 = model.track.notches[0];
      const kT = KB * model.material.temperature;
      const barrier = notchBarrier(n0, model.sigma, model.wall.thickness) / kT;
      const needed = Math.log(model.interPulse.attemptFrequency * TEN_YEARS_S);
      rows.push(
        factRow(
          'a notch keeps the wall at zero field (non-volatile; Leonard 2023: notches stabilize the DW position)',
          'zero-field barrier sigma t d > kB T ln(f0 x 10 yr)',
          barrier > needed,
          `${barrier.toFixed(1)} kB T vs ${needed.toFixed(1)} kB T (300 K)`,
          'consistency of the estimated notch depth, not a measured number',
        ),
      );
    }
    {
      // Leonard 2023: "DW nucleation occurs probabilistically during writing" (the stochastic step)
      // and the pulse is applied "to nucleate, depin, and drive the DW down the track". Under the
      // 350 Oe writing bias the notch does not hold (H_dep < Hz, track.ts), so a wall nucleated by
      // a pulse passes notch 1 and the neuron fires: firing is nucleation-limited. Checked on
      // single pulses at 1.8 V from the reset state: fired / nucleated. Tolerance: >= 0.95 (a
      // nucleation-limited neuron fires on every nucleation up to rare backward collapses).
      const n0 = model.track.notches[0];
      const Hdep = notchDepinningField(n0, model.sigma, model.wall.Ms, model.wall.width);
      let nucleated = 0;
      let fired = 0;
      for (let c = 0; c < 400; c++) {
        const st = sim.resetState();
        const o = sim.pulse(st, 1.8, root.fork('nucleated-fires', c));
        if (o.nucleated) {
          nucleated++;
          if (o.antiparallel) fired++;
        }
      }
      const ratio = fired / Math.max(1, nucleated);
      rows.push(
        factRow(
          'under the 350 Oe writing bias a nucleated wall passes notch 1 and fires (nucleation-limited; Leonard 2023 text)',
          'H_dep < bias and fired / nucleated >= 0.95 for single 1.8 V pulses',
          Hdep < model.biasField && ratio >= 0.95,
          `H_dep = ${((Hdep * 4 * Math.PI) / 1000).toFixed(0)} Oe < ${((model.biasField * 4 * Math.PI) / 1000).toFixed(0)} Oe; ${fired} fired of ${nucleated} nucleated in 400 pulses`,
          'a notch holding against the bias would make firing two-step (docs/domain-wall.md: P(2.2 V) < 0.9 then)',
        ),
      );
    }
    {
      // Fig. 2(a): the 350 Oe bias alone does not switch the device (zero-amplitude "pulses").
      let switched = 0;
      for (let c = 0; c < 20; c++)
        if (pulsesUntilSwitch(sim, 0, 5, root.fork('bias-only', c)).switchedAt > 0) switched++;
      rows.push(
        factRow(
          'the 350 Oe bias alone does not switch (Fig. 2(a))',
          'no switching without current',
          switched === 0,
          `${switched} of 20 cycles switched`,
        ),
      );
    }
    {
      const P = ramp.table.probability;
      const reached = ramp.table.states.map((_, k) => P.some((row) => row[k] >= 0.5));
      rows.push(
        factRow(
          'five multi-weight states each dominant somewhere in 0-5.5 V (Fig. 2(e))',
          'S1..S5 each with P >= 0.5 at some voltage',
          reached.every(Boolean),
          `dominant: ${ramp.table.states.filter((_, k) => reached[k]).join(', ') || 'none'}`,
          'prediction: MW notch, circuit, no bias and Oe-line wall at notch 1 are estimates; the notch was required to depin below 5.5 V (published ramp range), so that states change inside the ramp is built in, their occupancies are not; nothing calibrated on Fig. 2(e)',
        ),
      );
      rows.push(
        factRow(
          'multi-weight: S1 at 0 V, S5 most probable at 5.5 V (Fig. 2(e))',
          'P(S1, 0 V) = 1 and argmax P(5.5 V) = S5',
          Math.abs(P[0][0] - 1) < 1e-9 && P[P.length - 1].indexOf(Math.max(...P[P.length - 1])) === 4,
          `P(S1, 0 V) = ${P[0][0].toFixed(2)}, P(5.5 V) = [${P[P.length - 1].map((x) => x.toFixed(2)).join(', ')}]`,
        ),
      );
    }
    writeJson(ctx.outDir, 'tables.json', { binary: t, multiWeight: ramp.table });
    return {
      rows,
      figures,
      settings: {
        seed: ctx.seed,
        binary_cycles_per_amplitude: cycles,
        histogram_cycles: histCycles,
        multiweight_cycles: mwCycles,
        maxPulses: 50,
        voltages_V: voltages,
        fit: fit ?? sweep.fitError,
        tables: join(ctx.outDir, 'tables.json'),
      },
    };
  },
};
