/**
 * Network stage: a short 784-100-10 MNIST run with ideal synapses and with a device synapse
 * (the song2020 skyrmion table when usable, else the song2020-published control device), ~30 s (one epoch each).
 */
import type { QuickstartStage } from './stage.js';

export const mlpStage: QuickstartStage = {
  id: 'mlp',
  title: 'Network: MLP on MNIST with device synapses',
  async run(ctx) {
    const { loadDataset, DatasetNotFoundError } = await import('../nn/data/index.js');
    const { trainMlp, DEVICE_DEFAULT_LR, thin } = await import('../nn/mlp/index.js');
    const { usableSong2020Table, song2020PublishedDeviceTable } = await import('../nn/synapses/index.js');
    const { histogram, lineChart, writeFigure } = await import('../report/index.js');
    let data;
    try {
      data = await loadDataset('mnist', { dataDir: ctx.dataDir, allowDownload: false, log: ctx.log });
    } catch (err) {
      if (!(err instanceof DatasetNotFoundError)) throw err;
      ctx.log('mlp stage skipped: MNIST not found (pass --data-dir DIR or set MAGNEURO_DATA)');
      return {
        markdown:
          '## Network: MLP on MNIST\n\nSkipped: the MNIST files were not found. Pass `--data-dir DIR` or set ' +
          '`MAGNEURO_DATA=DIR` (DIR/mnist/train-images-idx3-ubyte.gz etc.).\n',
        summary: { skipped: true, reason: 'MNIST not found' },
      };
    }
    const song = usableSong2020Table();
    const table = 'table' in song ? song.table : song2020PublishedDeviceTable();
    const label =
      'table' in song
        ? 'skyrmion synapse (song2020 table)'
        : `song2020-published control device (song2020 table unusable: ${song.reason})`;
    const common = { iterations: 200, evalEvery: 25, seed: ctx.seed };
    ctx.log('mlp: training with ideal synapses');
    const ideal = trainMlp(data, { ...common, synapse: { kind: 'ideal' } });
    ctx.log(`mlp: training with ${label}`);
    const device = trainMlp(data, { ...common, synapse: { kind: 'device', table }, lr: DEVICE_DEFAULT_LR });
    const acc = await writeFigure(
      ctx.figuresDir,
      'mlp-accuracy',
      lineChart({
        title: 'MNIST test accuracy (10,000 test images), batch 300',
        x: { title: 'iteration' },
        y: { title: 'test accuracy (%)', domain: [0, 100] },
        series: [
          { name: 'ideal', points: ideal.history.map((h) => ({ x: h.iteration, y: 100 * h.test_accuracy })) },
          { name: label, points: device.history.map((h) => ({ x: h.iteration, y: 100 * h.test_accuracy })) },
        ],
      }),
    );
    const dist = await writeFigure(
      ctx.figuresDir,
      'mlp-device-distribution',
      histogram({
        title: `${label}: device values before and after training`,
        xTitle: `${table.quantity} (${table.unit})`,
        samples: [
          { name: 'before', values: thin(device.device!.before) },
          { name: 'after', values: thin(device.device!.after) },
        ],
      }),
    );
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
    const rel = (p: string) => `figures/${p.split('/').pop()}`;
    return {
      markdown: [
        '## Network: MLP on MNIST',
        '',
        `784-100-10 perceptron, sigmoid hidden layer, softmax cross-entropy, SGD, ${common.iterations} iterations of 300 images (one epoch), accuracy on the 10,000 test images.`,
        '',
        `| synapses | test accuracy | training images/s |`,
        `|---|---|---|`,
        `| ideal | ${pct(ideal.test_accuracy)} | ${Math.round(ideal.images_per_s)} |`,
        `| ${label} | ${pct(device.test_accuracy)} | ${Math.round(device.images_per_s)} |`,
        '',
        `![accuracy](${rel(acc.png)})`,
        '',
        `![device distribution](${rel(dist.png)})`,
        '',
        'Full run: `magneuro train mlp --synapse song2020 --epochs 3`; validation: `npm run validate -- --only song2020-fig3`.',
        '',
      ].join('\n'),
      summary: {
        device_table: table.name,
        ideal_test_accuracy: ideal.test_accuracy,
        device_test_accuracy: device.test_accuracy,
        ideal_images_per_s: ideal.images_per_s,
        device_images_per_s: device.images_per_s,
      },
    };
  },
};
