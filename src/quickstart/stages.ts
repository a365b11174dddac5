/** The quickstart pipeline, in data-flow order. Each capability appends its stage here. */
import { materialStage } from './material-stage.js';
import type { QuickstartStage } from './stage.js';
import { mlpStage } from './mlp-stage.js';

export const QUICKSTART_STAGES: QuickstartStage[] = [materialStage, mlpStage];
