/** The quickstart pipeline, in data-flow order. Each capability appends its stage here. */
import { materialStage } from './material-stage.js';
import { skyrmionStage } from './skyrmion-stage.js';
import { dwmtjStage } from './dwmtj-stage.js';
import { mlpStage } from './mlp-stage.js';
import { snnStage } from './snn-stage.js';
import type { QuickstartStage } from './stage.js';

export const QUICKSTART_STAGES: QuickstartStage[] = [
  materialStage,
  skyrmionStage,
  dwmtjStage,
  mlpStage,
  snnStage,
];
