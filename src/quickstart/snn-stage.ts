/**
 * Spiking-network stage: a short LIF run of the Leonard et al. 2023 spiking MLP on Fashion-MNIST
 * (small: 784-100-100-10, T = 20, 1,000 training images, 1 epoch) and a noise sweep of the trained
 * model. Skipped, with a message, when the dataset is not found (no download in the quickstart).
 */
import type { QuickstartStage } from './stage.js';

export const snnStage: QuickstartStage = {
  id: 'snn',
  title: 'Spiking MLP (LIF, short run)',
  async run(ctx) {
    const { loadDataset } = await import('../nn/data/index.js');
    const { snnSplits } = await import('../nn/snn/data.js');
    const { trainSnn, evaluateSnn } = await import('../nn/snn/train.js');
    const { lineChart, writeFigure } = await import('../report/figure.js');
    let data;
    try {
      data = await loadDataset('fashion-mnist', { dataDir: ctx.dataDir, allowDownload: false });
    } catch (err) {
      const msg = `skipped: Fashion-MNIST not found (${(err as Error).message.split('\n')[0]}); set MAGNEURO_DATA or --data-dir`;
      ctx.log(`snn: ${msg}`);
      return { markdown: `## Spiking MLP\n\n${msg}\n`, summary: { skipped: true, reason: msg } };
    }
    const splits = snnSplits(data, { limit: 1000, validation: 300, testLimit: 500 });
    const config = { inputs: 784, hidden: [100, 100], outputs: 10, timesteps: 20 };
    const r = await trainSnn({
      config,
      neuron: { kind: 'lif' },
      train: splits.train,
      validation: splits.validation,
      epochs: 1,
      batchSize: 100,
      lr: 1e-3,
      seed: ctx.seed,
    });
    const noise = [0, 0.5, 1, 2, 3];
    const acc: number[] = [];
    for (const [k, std] of noise.entries())
      acc.push(
        (await evaluateSnn(r.model, splits.test, { seed: `${ctx.seed}/q${k}`, noiseStd: std })).accuracy,
      );
    const fig = await writeFigure(
      ctx.figuresDir,
      'snn-noise',
      lineChart({
        title: 'LIF spiking MLP (short run): test accuracy vs input noise',
        x: { title: 'Gaussian noise std (intensity units, clipped to [0, 1])' },
        y: { title: 'test accuracy (%)' },
        series: [
          { name: 'LIF 784-100-100-10, T = 20', points: noise.map((x, k) => ({ x, y: 100 * acc[k] })) },
        ],
        points: true,
      }),
    );
    const h = r.history[0];
    const markdown = [
      '## Spiking MLP (LIF, short run)',
      '',
      `784-100-100-10, T = 20, ${splits.train.count} Fashion-MNIST training images, 1 epoch (a smoke run, not the paper's setting; see docs/spiking.md and validation/leonard2023-fig3.ts).`,
      '',
      `Validation accuracy ${(100 * (h.validation_accuracy ?? 0)).toFixed(1)} % on ${splits.validation.count} images; ${h.images_per_s.toFixed(0)} training images/s; spike density (input, hidden 1, hidden 2) ${h.spike_density.map((d) => d.toFixed(3)).join(', ')}.`,
      '',
      `Test accuracy on ${splits.test.count} images vs noise std: ${noise.map((s, k) => `${s}: ${(100 * acc[k]).toFixed(1)} %`).join(', ')}.`,
      '',
      `![snn noise](figures/${fig.png.split('/').pop()})`,
      '',
    ].join('\n');
    return {
      markdown,
      summary: {
        validation_accuracy: h.validation_accuracy,
        images_per_s: h.images_per_s,
        spike_density: h.spike_density,
        noise_std: noise,
        test_accuracy: acc,
      },
    };
  },
};
