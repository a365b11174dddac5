/* Pair loops of the skyrmion gas (skyrmion_pairs.c). */
#ifndef MAGNEURO_SKYRMION_PAIRS_H
#define MAGNEURO_SKYRMION_PAIRS_H

/* Layout constants of interaction.ts: TABLE_RADII has SKYRMION_RADIUS_NODES nodes; a pair-table
   row holds the symmetric energy and force blocks and the ordered size-derivative block. */
#define SKYRMION_RADIUS_NODES 6
#define SKYRMION_PAIR_SYM (SKYRMION_RADIUS_NODES * (SKYRMION_RADIUS_NODES + 1) / 2)
#define SKYRMION_PAIR_BLOCK (2 * SKYRMION_PAIR_SYM + SKYRMION_RADIUS_NODES * SKYRMION_RADIUS_NODES)

/* Whether every radius-node position node[0..count) lies in [0, SKYRMION_RADIUS_NODES - 1). */
int skyrmion_nodes_valid(int count, const double *node);

/* The parts of an InteractionTable (src/physics/skyrmion/interaction.ts) the pair loops read. */
typedef struct {
  const double *pair;              /* PAIR_BLOCK values per distance node */
  int n;                           /* distance nodes */
  double step;                     /* node spacing [m] */
  const double *reversedArea;      /* per radius node [m^2] */
  const double *reversedAreaSlope; /* per radius node [m] */
  double mu0MsEff2;
  double filmThickness;
} SkyrmionPairTable;

/* out[2i], out[2i+1] += pair forces on skyrmion i (all pairs i < k, in JavaScript order). */
void skyrmion_pair_forces(const SkyrmionPairTable *t, int n, const double *x, const double *node, double *out);

/* dist[i n + k] = |r_i - r_k| + 1e-12 (the distance of the JavaScript loops), dist[i n + i] = 0. */
void skyrmion_pair_distances(int n, const double *x, double *dist);

/* sum over k != i of dE_int(d_ik)/dR_i, with d_ik from skyrmion_pair_distances. */
double skyrmion_pair_pressure_cached(const SkyrmionPairTable *t, int n, int i, const double *dist,
                                     const double *node);

#endif
