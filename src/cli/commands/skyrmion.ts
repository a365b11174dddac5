import type { Command } from 'commander';
import { CliContext } from '../context.js';

/** `magneuro skyrmion profile`: isolated Neel skyrmion profile from a material preset. */
export function registerSkyrmionCommands(program: Command): void {
  const sk = program
    .command('skyrmion')
    .description('isolated skyrmion physics: radial profile, Thiele integrals');
  sk.command('profile')
    .description('solve the radial Neel skyrmion profile (shooting with odex) for a material and field')
    .option('--field <B>', 'field along the background magnetization, with unit (e.g. "140 mT")', '0 T')
    .option(
      '--disk-radius <R>',
      'solve in a disk of this radius with the free DMI boundary condition (e.g. "100 nm")',
    )
    .action(async (opts: { field: string; diskRadius?: string }, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const { loadMaterial, criticalDmi } = await import('../../materials/index.js');
      const { parseQuantity } = await import('../../units/quantity.js');
      const { solveSkyrmionProfile, profileParametersFromMaterial } =
        await import('../../physics/skyrmion/index.js');
      const m = loadMaterial(ctx.globals.material ?? 'pt-gdfeco-mgo', ctx.globals.set);
      const B = parseQuantity(opts.field, 'T', 'field');
      const Rd =
        opts.diskRadius !== undefined ? parseQuantity(opts.diskRadius, 'm', 'disk-radius') : undefined;
      const params = profileParametersFromMaterial(m, B, Rd);
      const res = solveSkyrmionProfile(params);
      const dc = (() => {
        try {
          return criticalDmi(m);
        } catch {
          return null;
        }
      })();
      const base = {
        material: m.name,
        field_T: B,
        disk_radius_m: Rd ?? null,
        Keff_J_per_m3: params.Keff,
        critical_dmi_J_per_m2: dc,
        model: 'local thin-film (Keff = Ku - mu0 Ms^2/2), energy of the whole stack (thickness x repeats)',
      };
      if (!res.exists) {
        ctx.emit(
          {
            ...base,
            exists: false,
            reason: res.reason,
            kind: res.kind,
            radius_m: null,
            wall_width_m: null,
            energy_J: null,
          },
          `no skyrmion: ${res.reason}`,
        );
        return;
      }
      const out = {
        ...base,
        exists: true,
        radius_m: res.radius,
        diameter_m: 2 * res.radius,
        wall_width_m: res.wallWidth,
        energy_J: res.energy,
        energy_kT300: res.energy / (1.380649e-23 * 300),
        dissipation_Dxx: res.dissipation,
        sot_force_length_m: res.sotForceLength,
        reversed_area_m2: res.reversedArea,
        topological_charge: res.topologicalCharge,
        decay_length_m: res.decayLength,
      };
      ctx.emit(
        out,
        [
          `skyrmion in ${m.name} at B = ${B} T${Rd ? `, disk radius ${Rd} m` : ''}`,
          `radius      ${(res.radius * 1e9).toFixed(2)} nm`,
          `wall width  ${(res.wallWidth * 1e9).toFixed(2)} nm`,
          `energy      ${res.energy.toExponential(4)} J (${out.energy_kT300.toFixed(1)} kT at 300 K)`,
          `Dxx         ${res.dissipation.toFixed(3)}`,
          `Q           ${res.topologicalCharge.toFixed(4)}`,
        ].join('\n'),
      );
    });
}
