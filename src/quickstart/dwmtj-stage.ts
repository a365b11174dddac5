/** Quickstart stage: DW-MTJ binary and multi-weight neurons -> switching and state tables. */
import { join } from 'node:path';
import { readDwmtjFile } from '../devices/dwmtj-preset.js';
import { runBinarySweep, runRampSweep } from '../devices/dwmtj-sweep.js';
import { lineChart, markdownTable, writeFigure } from '../report/index.js';
import { saveTable } from '../tables/index.js';
import type { QuickstartStage } from './stage.js';

export const dwmtjStage: QuickstartStage = {
  id: 'dwmtj-neurons',
  title: 'DW-MTJ stochastic neurons',
  async run(ctx) {
    const voltages = Array.from({ length: 11 }, (_, i) => Math.round((1.0 + 0.12 * i) * 100) / 100);
    ctx.log('dwmtj: binary sweep 11 amplitudes x 40 cycles');
    const b = await runBinarySweep(
      { file: readDwmtjFile('leonard2023-binary'), overrides: [] },
      { voltages, cycles: 40, seed: ctx.seed },
    );
    const mwV = Array.from({ length: 12 }, (_, i) => i * 0.5);
    ctx.log('dwmtj: multi-weight ramp 0-5.5 V x 5 cycles');
    const m = await runRampSweep(
      { file: readDwmtjFile('leonard2022-mw5'), overrides: [] },
      { voltages: mwV, cycles: 5, seed: ctx.seed },
    );
    saveTable(join(ctx.outDir, 'dwmtj-binary-table.json'), b.table);
    saveTable(join(ctx.outDir, 'dwmtj-mw5-table.json'), m.table);
    const fig = await writeFigure(
      ctx.figuresDir,
      'dwmtj-switching-probability',
      lineChart({
        title: 'Binary DW-MTJ neuron: per-pulse switching probability (40 cycles per amplitude)',
        x: { title: 'pulse amplitude (V)' },
        y: { title: 'switching probability', domain: [0, 1] },
        series: [
          {
            name: 'simulated (95 % CI)',
            points: voltages.map((v, i) => ({
              x: v,
              y: b.table.probability[i],
              yLow: b.table.ci_low?.[i],
              yHigh: b.table.ci_high?.[i],
            })),
          },
        ],
      }),
    );
    const f = b.fit;
    const md = [
      '## DW-MTJ stochastic neurons',
      '',
      'Binary neuron of Leonard et al. (APL 2023) simulated from the Ta/CoFeB/MgO material with the collective-coordinate wall model, thermal noise, Joule heating and pulse-driven nucleation (nucleation current scale J0 calibrated on P(1.8 V) = 1/2; see docs/domain-wall.md).',
      '',
      markdownTable(
        ['V (V)', 'P per pulse', 'trials'],
        voltages.map((v, i) => [v.toFixed(2), b.table.probability[i].toFixed(3), b.table.trials?.[i] ?? '']),
      ),
      '',
      f
        ? `Sigmoid fit: V50 = ${f.v50_V.toFixed(3)} +- ${f.v50_err_V.toFixed(3)} V, width = ${f.width_V.toFixed(3)} +- ${f.width_err_V.toFixed(3)} V; energy per pulse at V50 = ${((b.energyAtV50_J ?? 0) * 1e12).toFixed(1)} pJ.`
        : `No sigmoid fit: ${b.fitError}`,
      '',
      `![switching probability](figures/${fig.png.split('/').pop()})`,
      '',
      `Multi-weight neuron (5 notches; wall written at notch 1, moved by SOT alone), state probability at 5.5 V: ${m.table.probability[m.table.probability.length - 1].map((p, k) => `S${k + 1} ${p.toFixed(2)}`).join(', ')}; most probable state per ramp voltage: ${mwV.map((v, i) => `${v} V S${m.table.probability[i].indexOf(Math.max(...m.table.probability[i])) + 1}`).join(', ')}.`,
      '',
    ].join('\n');
    return {
      markdown: md,
      summary: {
        v50_V: f?.v50_V ?? null,
        width_V: f?.width_V ?? null,
        energy_per_pulse_J: b.energyAtV50_J,
        probability: b.table.probability,
        mw_state_probabilities_at_5_5V: m.table.probability[m.table.probability.length - 1],
      },
    };
  },
};
