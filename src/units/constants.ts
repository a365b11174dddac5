/**
 * Physical constants in SI units.
 *
 * Source: CODATA 2018 recommended values (E. Tiesinga et al., Rev. Mod. Phys. 93, 025010 (2021);
 * https://physics.nist.gov/cuu/Constants/). e, h, kB and NA are exact since the 2019 SI redefinition.
 */

/** Vacuum magnetic permeability mu0 [N/A^2] (CODATA 2018: 1.25663706212e-6). */
export const MU0 = 1.25663706212e-6;
/** Boltzmann constant kB [J/K] (exact). */
export const KB = 1.380649e-23;
/** Elementary charge e [C] (exact). */
export const E_CHARGE = 1.602176634e-19;
/** Planck constant h [J s] (exact). */
export const H_PLANCK = 6.62607015e-34;
/** Reduced Planck constant hbar = h / (2 pi) [J s]. */
export const HBAR = H_PLANCK / (2 * Math.PI);
/** Bohr magneton muB [J/T] (CODATA 2018: 9.2740100783e-24). */
export const MU_B = 9.2740100783e-24;
/** Electron gyromagnetic ratio |gamma_e| [rad/(s T)] (CODATA 2018: 1.76085963023e11). */
export const GAMMA_E = 1.76085963023e11;
/** Electron g-factor magnitude |g_e| (CODATA 2018: 2.00231930436256). */
export const G_E = 2.00231930436256;
/** Electron mass me [kg] (CODATA 2018: 9.1093837015e-31). */
export const M_E = 9.1093837015e-31;
/** Room temperature used as a default where a preset does not give one [K]. */
export const ROOM_TEMPERATURE = 300;
