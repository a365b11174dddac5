/** `magneuro train mlp`: a 784-H-10 perceptron on MNIST/Fashion-MNIST with ideal or device synapses. */
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliContext, intOption, jsonReplacer, numberOption } from '../context.js';
import { MagneuroError } from '../../util/errors.js';

export function registerTrainCommands(program: Command): void {
  const train = program.command('train').description('train networks on image datasets');
  train
    .command('mlp')
    .description('784-H-10 perceptron trained by SGD with ideal or device (table-driven) synapses')
    .option('--dataset <name>', 'mnist | fashion-mnist', 'mnist')
    .option('--data-dir <dir>', 'folder holding <name>/train-images-idx3-ubyte.gz etc.')
    .option(
      '--synapse <kind>',
      'ideal | song2020 | song2020-published | TABLE.json | TABLE.csv | neurosim | constant-step | soft-bounds',
      'ideal',
    )
    .option('--hidden <n>', 'hidden neurons', '100')
    .option('--batch <n>', 'images per iteration', '300')
    .option('--iterations <n>', 'number of iterations (batches)')
    .option('--epochs <e>', 'number of epochs (alternative to --iterations)')
    .option('--lr <x>', 'SGD learning rate (default 0.5 ideal, 2 device)')
    .option('--limit <n>', 'train on the first N training images')
    .option('--test-limit <n>', 'evaluate on the first N test images (default 10000)')
    .option('--activation <f>', 'sigmoid | relu', 'sigmoid')
    .option('--loss <l>', 'cross-entropy | mse', 'cross-entropy')
    .option('--no-download', 'never download the dataset')
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const { loadDataset } = await import('../../nn/data/index.js');
      const { resolveSynapse } = await import('../../nn/synapses/resolve.js');
      const { trainMlp, checkpoint, distribution, DEVICE_DEFAULT_LR, TRAIN_DEFAULTS } =
        await import('../../nn/mlp/index.js');
      const dataset = String(o.dataset);
      if (dataset !== 'mnist' && dataset !== 'fashion-mnist')
        throw new MagneuroError(`--dataset: got "${dataset}", expected mnist or fashion-mnist`);
      const activation = String(o.activation);
      if (activation !== 'sigmoid' && activation !== 'relu')
        throw new MagneuroError(`--activation: got "${activation}", expected sigmoid or relu`);
      const loss = String(o.loss);
      if (loss !== 'cross-entropy' && loss !== 'mse')
        throw new MagneuroError(`--loss: got "${loss}", expected cross-entropy or mse`);
      if (o.iterations !== undefined && o.epochs !== undefined)
        throw new MagneuroError('give either --iterations or --epochs, not both');
      const synapse = resolveSynapse(String(o.synapse));
      const hidden = intOption('hidden', o.hidden, 1, 100000);
      const batch = intOption('batch', o.batch, 1, 60000);
      const lr =
        o.lr !== undefined
          ? numberOption('lr', o.lr, 1e-9, 1e6)
          : synapse.kind === 'ideal'
            ? TRAIN_DEFAULTS.lr
            : DEVICE_DEFAULT_LR;
      const data = await loadDataset(dataset, {
        dataDir: o.dataDir as string | undefined,
        allowDownload: o.download !== false,
        log: (l) => ctx.info(l),
      });
      const limit =
        o.limit !== undefined ? intOption('limit', o.limit, batch, data.train.count) : data.train.count;
      const testLimit =
        o.testLimit !== undefined ? intOption('test-limit', o.testLimit, 1, data.test.count) : undefined;
      const perEpoch = Math.floor(limit / batch);
      const iterations =
        o.iterations !== undefined
          ? intOption('iterations', o.iterations, 1)
          : o.epochs !== undefined
            ? Math.max(1, Math.round(numberOption('epochs', o.epochs, 1e-6, 1e4) * perEpoch))
            : perEpoch;
      const bar = ctx.progress('train mlp', iterations);
      const r = trainMlp(data, {
        synapse: synapse.kind === 'ideal' ? synapse : { kind: 'device', table: synapse.table },
        hidden,
        batch,
        lr,
        iterations,
        limit,
        testLimit,
        activation,
        loss,
        seed: ctx.seed,
        onProgress: (done) => bar.update(done),
      });
      bar.stop();
      const result: Record<string, unknown> = {
        dataset: r.dataset,
        synapse: r.synapse,
        synapse_source: synapse.kind === 'device' ? synapse.origin : 'ideal',
        sizes: [data.train.rows * data.train.cols, hidden, 10],
        activation,
        loss,
        lr,
        batch,
        iterations,
        train_images: r.train_images,
        test_images: r.test_images,
        seed: r.seed,
        test_accuracy: r.test_accuracy,
        history: r.history,
        images_per_s: r.images_per_s,
        train_s: r.train_seconds,
      };
      if (r.device) {
        let lo = Infinity;
        let hi = -Infinity;
        for (const a of [r.device.before, r.device.after])
          for (const v of a) {
            if (v < lo) lo = v;
            if (v > hi) hi = v;
          }
        result.device_quantity = r.device.quantity;
        result.device_unit = r.device.unit;
        result.device_distribution_before = distribution(r.device.before, 40, lo, hi);
        result.device_distribution_after = distribution(r.device.after, 40, lo, hi);
      }
      if (ctx.globals.out !== undefined) {
        const dir = ctx.outDir('magneuro-out');
        const cp = join(dir, 'mlp-checkpoint.json');
        writeFileSync(cp, JSON.stringify(checkpoint(r)) + '\n');
        writeFileSync(join(dir, 'train-mlp.json'), JSON.stringify(result, jsonReplacer, 2) + '\n');
        result.checkpoint = cp;
      }
      const human = [
        `${r.dataset} ${result.sizes} ${r.synapse} synapses, ${iterations} iterations of ${batch} images, lr ${lr}`,
        ...r.history.map(
          (h) => `  iteration ${h.iteration}: test accuracy ${(100 * h.test_accuracy).toFixed(2)} %`,
        ),
        `test accuracy ${(100 * r.test_accuracy).toFixed(2)} % on ${r.test_images} test images; ${Math.round(r.images_per_s)} training images/s`,
      ];
      if (result.checkpoint) human.push(`checkpoint: ${result.checkpoint}`);
      ctx.emit(result, human.join('\n'));
    });
}
