import { join } from 'node:path';
import type { QuickstartStage } from './stage.js';

/** Skyrmion stage: isolated profile (local and thick-multilayer models) and a short synapse simulation. */
export const skyrmionStage: QuickstartStage = {
  id: 'skyrmion-synapse',
  title: 'Skyrmion synapse',
  async run(ctx) {
    const { loadSkyrmionSynapse } = await import('../devices/skyrmion-synapse-preset.js');
    const { simulateSynapse } = await import('../devices/skyrmion-synapse-table.js');
    const { writeSynapseFigures } = await import('../devices/skyrmion-synapse-report.js');
    const { solveSkyrmionProfile, profileParametersFromMaterial } =
      await import('../physics/skyrmion/index.js');
    const { conductanceRange } = await import('../tables/lookup.js');
    const { effectiveAnisotropy } = await import('../materials/derived.js');
    const dev = loadSkyrmionSynapse('song2020');
    const local = solveSkyrmionProfile(profileParametersFromMaterial(dev.material, 0.14));
    ctx.log('skyrmion synapse: 6 cycles');
    const sim = await simulateSynapse(dev, { cycles: 6, seed: ctx.seed, workers: 2 });
    const figs = await writeSynapseFigures(ctx.figuresDir, sim);
    const s = sim.summary;
    const r = conductanceRange(sim.table);
    const md = [
      '## Skyrmion synapse (Song et al. 2020)',
      '',
      `Material ${dev.material.name} with the device preset's calibrated values: Keff ${(effectiveAnisotropy(dev.material) / 1e3).toFixed(2)} kJ/m^3 (on the device capacity), ` +
        `Ms ${(dev.material.Ms / 1e3).toFixed(1)} kA/m (200 nm film skyrmion), site nucleation on the skyrmion count (docs/skyrmion.md section 4). ` +
        `Geometry: Hall cross, ${(dev.params.trackWidth * 1e6).toFixed(1)} um track, ${(dev.params.armWidth * 1e6).toFixed(1)} um arms, active radius ${(dev.params.activeRadius * 1e6).toFixed(1)} um.`,
      `Local thin-film model at 140 mT: ${local.exists ? `skyrmion diameter ${(2 * local.radius * 1e9).toFixed(1)} nm` : `no skyrmion (${local.reason})`}; ` +
        `thick-multilayer model with stray fields: ${(s.isolated_diameter_m * 1e9).toFixed(0)} nm.`,
      '',
      `6 cycles: ${s.final_skyrmions.toFixed(1)} skyrmions in the active area after 24 pulses, delta rho_xy = ${(s.final_drho_ohm_m * 1e11).toFixed(1)} nOhm cm, ` +
        `|delta rho| per skyrmion ${(s.drho_per_skyrmion_potentiation_ohm_m * 1e11).toFixed(2)} nOhm cm; rho_xy on/off ratio ${r.onOff.toFixed(3)}.`,
      '',
      ...figs.map((f) => `![](${join('figures', f.split('/').pop()!)})`),
      '',
    ].join('\n');
    return { markdown: md, summary: { ...s, on_off_ratio: r.onOff } };
  },
};
