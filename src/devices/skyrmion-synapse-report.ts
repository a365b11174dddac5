/** Per-pulse CSV, positions and figures (Fig. 2B and 2C analogues) of a skyrmion-synapse simulation. */
import { lineChart, writeFigure, type FigureSpec } from '../report/figure.js';
import type { CycleResult } from './skyrmion-synapse.js';
import type { SynapseSimulation } from './skyrmion-synapse-table.js';

export function pulsesCsv(cycles: CycleResult[]): string {
  const head =
    'cycle,phase,pulse,current_A_per_m2,field_T,temperature_K,skyrmions_total,skyrmions_active,mean_diameter_m,rho_xy_ohm_m,drho_xy_ohm_m,nucleated,annihilated,deleted_at_sites';
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
          r.deleted_at_sites,
        ].join(','),
      );
  });
  return lines.join('\n') + '\n';
}

/** Every skyrmion's centre after each pulse of one cycle [um], as JSON (positions do not fit the CSV). */
export function positionsJson(cycle: CycleResult): string {
  return JSON.stringify({
    unit: 'um',
    note: 'skyrmion centres (x along the track, y across it; origin at the Hall-cross centre) after each pulse',
    records: cycle.records.map((r) => ({
      phase: r.phase,
      pulse: r.pulse,
      positions_um: r.positions_m.map((v) => +(v * 1e6).toFixed(4)),
    })),
  });
}

/**
 * Fig. 2C analogue: skyrmion centres at the end of potentiation and at the end of depression
 * (cycle 0), with the Hall-cross outline and the active disk.
 */
export function positionsFigure(sim: SynapseSimulation): FigureSpec {
  const P = sim.device.params;
  const um = 1e6;
  const [hl, hw, ha, arm] = [P.trackLength / 2, P.trackWidth / 2, P.armWidth / 2, P.armLength].map(
    (v) => v * um,
  );
  // Hall-cross outline (track with the two arms, cut where skyrmions leave the model), closed.
  const cross: Array<[number, number]> = [
    [-hl, -hw],
    [-ha, -hw],
    [-ha, -hw - arm],
    [ha, -hw - arm],
    [ha, -hw],
    [hl, -hw],
    [hl, hw],
    [ha, hw],
    [ha, hw + arm],
    [-ha, hw + arm],
    [-ha, hw],
    [-hl, hw],
    [-hl, -hw],
  ];
  const disk = Array.from({ length: 73 }, (_, k): [number, number] => [
    P.activeRadius * um * Math.cos((k * Math.PI) / 36),
    P.activeRadius * um * Math.sin((k * Math.PI) / 36),
  ]);
  const records = sim.cycles[0].records;
  const last = (phase: 'potentiation' | 'depression') => records.filter((r) => r.phase === phase).at(-1)!;
  const values: Array<Record<string, unknown>> = [];
  const panels = [last('potentiation'), last('depression')].map((r) => ({
    r,
    state: `${r.phase === 'potentiation' ? 'potentiated' : 'depressed'} (${(r.field_T * 1e3).toFixed(0)} mT, pulse ${r.pulse}): ${r.skyrmions_total}, ${r.skyrmions_active} active`,
  }));
  for (const { r, state } of panels) {
    for (let i = 0; i < r.positions_m.length; i += 2)
      values.push({ state, kind: 'skyrmion', x: r.positions_m[i] * um, y: r.positions_m[i + 1] * um });
    cross.forEach(([x, y], order) => values.push({ state, kind: 'device outline', x, y, order }));
    disk.forEach(([x, y], order) => values.push({ state, kind: 'active disk', x, y, order }));
  }
  const x = {
    field: 'x',
    type: 'quantitative',
    title: 'x along the track (um)',
    scale: { domain: [-hl, hl] },
  };
  const y = { field: 'y', type: 'quantitative', title: 'y (um)', scale: { domain: [-hw - arm, hw + arm] } };
  const outline = (kind: string) => ({
    transform: [{ filter: `datum.kind === '${kind}'` }],
    mark: { type: 'line', strokeWidth: 1 },
    encoding: {
      x,
      y,
      order: { field: 'order' },
      color: { value: kind === 'active disk' ? '#d62728' : '#555' },
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title:
      'Skyrmion centres, cycle 0 (Song et al. Fig. 2C analogue): skyrmions in the model, of which in the active disk',
    data: { values },
    facet: { column: { field: 'state', type: 'nominal', title: null, sort: panels.map((p) => p.state) } },
    spec: {
      width: (300 * 2 * hl) / (2 * (hw + arm)),
      height: 300,
      layer: [
        outline('device outline'),
        outline('active disk'),
        {
          transform: [{ filter: "datum.kind === 'skyrmion'" }],
          mark: { type: 'circle', size: 40, opacity: 0.8 },
          encoding: { x, y, color: { value: '#1f77b4' } },
        },
      ],
    },
  } as FigureSpec;
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
  const c = await writeFigure(dir, 'fig2c-positions', positionsFigure(sim));
  return [a.png, b.png, c.png];
}
