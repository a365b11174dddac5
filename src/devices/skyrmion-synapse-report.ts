/** Per-pulse CSV and figures (Fig. 2B analogue) of a skyrmion-synapse simulation. */
import { lineChart, writeFigure } from '../report/figure.js';
import type { CycleResult } from './skyrmion-synapse.js';
import type { SynapseSimulation } from './skyrmion-synapse-table.js';

export function pulsesCsv(cycles: CycleResult[]): string {
  const head =
    'cycle,phase,pulse,current_A_per_m2,field_T,temperature_K,skyrmions_total,skyrmions_active,mean_diameter_m,rho_xy_ohm_m,drho_xy_ohm_m,nucleated,annihilated';
  const lines = [head];
  cycles.forEach((c, i) => {
    for (const r of c.records)
      lines.push(
        [
          i,
          r.phase,
          r.pulse,
          r.current_A_per_m2,
          r.field_T,
          r.temperature_K,
          r.skyrmions_total,
          r.skyrmions_active,
          r.mean_diameter_m,
          r.rho_xy_ohm_m,
          r.drho_xy_ohm_m,
          r.nucleated,
          r.annihilated,
        ].join(','),
      );
  });
  return lines.join('\n') + '\n';
}

/** Fig. 2B analogue: delta rho_xy (nOhm cm) and skyrmion count vs pulse number (mean +- std over cycles). */
export async function writeSynapseFigures(dir: string, sim: SynapseSimulation): Promise<string[]> {
  const pot = sim.table.potentiation;
  const dep = sim.table.depression;
  const sat = sim.statics.rhoAHsat;
  const nPot = pot.length - 1;
  const pts = (levels: typeof pot, offset: number) =>
    levels.map((l, k) => ({
      x: offset + k,
      y: (l.mean - sat) * 1e11,
      yLow: (l.mean - l.std - sat) * 1e11,
      yHigh: (l.mean + l.std - sat) * 1e11,
    }));
  const a = await writeFigure(
    dir,
    'fig2b-drho',
    lineChart({
      title: 'Skyrmion synapse: Hall resistivity change vs pulse number (Song et al. Fig. 2B analogue)',
      x: { title: 'pulse number' },
      y: { title: 'delta rho_xy (nOhm cm)' },
      series: [
        { name: 'potentiation (140 mT)', points: pts(pot, 0) },
        { name: 'depression (144 mT)', points: pts(dep, nPot) },
      ],
    }),
  );
  const count = (levels: typeof pot, offset: number) =>
    levels.map((l, k) => ({ x: offset + k, y: l.annotations?.skyrmions_mean ?? 0 }));
  const b = await writeFigure(
    dir,
    'fig2b-count',
    lineChart({
      title: 'Skyrmions in the active area vs pulse number',
      x: { title: 'pulse number' },
      y: { title: 'skyrmion number' },
      series: [
        { name: 'potentiation', points: count(pot, 0) },
        { name: 'depression', points: count(dep, nPot) },
      ],
    }),
  );
  return [a.png, b.png];
}
