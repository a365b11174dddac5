/**
 * `magneuro train snn` and `magneuro eval snn`: the spiking MLP of Leonard et al. 2023 with LIF,
 * binary DW-MTJ or multi-weight DW-MTJ neurons (or any switching/state table).
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { CliContext, intOption, numberOption } from '../context.js';
import { MagneuroError } from '../../util/errors.js';

function findOrCreate(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export function registerSnnCommands(program: Command): void {
  findOrCreate(program, 'train', 'train networks on image datasets')
    .command('snn')
    .description(
      'spiking MLP 784-H-H-10 (batch norm, LI output, max-over-time loss) with LIF or DW-MTJ neurons',
    )
    .option('--dataset <name>', 'fashion-mnist | mnist', 'fashion-mnist')
    .option('--data-dir <dir>', 'folder holding the dataset IDX files')
    .option('--neuron <kind>', 'lif | dwmtj-binary | dwmtj-mw | TABLE.json | TABLE.csv', 'lif')
    .option('--hidden <n>', 'units per hidden layer', '500')
    .option('--timesteps <n>', 'time steps per image', '80')
    .option('--batch <n>', 'images per batch', '100')
    .option('--epochs <e>', 'epochs', '1')
    .option('--lr <x>', 'Adam learning rate', '1e-3')
    .option('--limit <n>', 'train on the first N training images (validation: the next min(5000, N/5))')
    .option('--test-limit <n>', 'evaluate on the first N test images (default 10000)')
    .option('--workers <n>', 'worker threads (results do not depend on it; default: all cores)')
    .option('--no-download', 'never download the dataset')
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const { neuronSpecFromName, neuronLabel, trainSnn, evaluateSnn, saveCheckpoint } =
        await import('../../nn/snn/index.js');
      const { snnSplits } = await import('../../nn/snn/data.js');
      const { loadDataset } = await import('../../nn/data/index.js');
      const dataset = String(o.dataset);
      if (dataset !== 'mnist' && dataset !== 'fashion-mnist')
        throw new MagneuroError(`--dataset: got "${dataset}", expected fashion-mnist or mnist`);
      const neuron = neuronSpecFromName(String(o.neuron));
      const hidden = intOption('hidden', o.hidden, 1, 100000);
      const timesteps = intOption('timesteps', o.timesteps, 1, 100000);
      const batch = intOption('batch', o.batch, 1, 60000);
      const epochs = intOption('epochs', o.epochs, 1, 100000);
      const lr = numberOption('lr', o.lr, 1e-12, 10);
      const limit = o.limit === undefined ? undefined : intOption('limit', o.limit, 1, 59999);
      const testLimit =
        o.testLimit === undefined ? undefined : intOption('test-limit', o.testLimit, 1, 10000);
      const workers = o.workers === undefined ? undefined : intOption('workers', o.workers, 1, 256);
      const data = await loadDataset(dataset, {
        dataDir: o.dataDir as string | undefined,
        allowDownload: o.download !== false,
        log: (l) => ctx.info(l),
      });
      const splits = snnSplits(data, { limit, testLimit });
      const config = {
        inputs: data.train.rows * data.train.cols,
        hidden: [hidden, hidden],
        outputs: 10,
        timesteps,
      };
      const label = neuronLabel(neuron);
      ctx.info(
        `train snn: ${label}, ${config.inputs}-${hidden}-${hidden}-10, T = ${timesteps}, ${splits.train.count} training images, ${splits.validation.count} validation, ${splits.test.count} test`,
      );
      let bar = ctx.progress('epoch 1', Math.ceil(splits.train.count / batch));
      const res = await trainSnn({
        config,
        neuron,
        train: splits.train,
        validation: splits.validation,
        epochs,
        batchSize: batch,
        lr,
        seed: ctx.seed,
        workers,
        onBatch: (_e, done) => bar.update(done),
        onEpoch: (r) => {
          bar.stop();
          ctx.info(
            `epoch ${r.epoch}: loss ${r.train_loss.toFixed(4)}, train ${(100 * r.train_accuracy).toFixed(2)} %, validation ${(100 * (r.validation_accuracy ?? NaN)).toFixed(2)} %, ${r.images_per_s.toFixed(1)} images/s`,
          );
          if (r.epoch < epochs)
            bar = ctx.progress(`epoch ${r.epoch + 1}`, Math.ceil(splits.train.count / batch));
        },
      });
      const testBar = ctx.progress('test', Math.ceil(splits.test.count / 25));
      const test = await evaluateSnn(res.model, splits.test, {
        seed: `${ctx.seed}/test`,
        workers,
        onProgress: (d) => testBar.update(d),
      });
      testBar.stop();
      const out = ctx.outDir('magneuro-out/snn');
      const tag = neuron.kind === 'lif' ? 'lif' : neuron.kind;
      const checkpoint = join(out, `snn-${dataset}-${tag}-h${hidden}-T${timesteps}-seed${ctx.seed}.json`);
      const result = {
        dataset,
        neuron: label,
        neuron_kind: neuron.kind,
        hidden,
        timesteps,
        batch,
        epochs,
        lr,
        seed: ctx.seed,
        train_images: splits.train.count,
        validation_images: splits.validation.count,
        test_images: splits.test.count,
        validation_accuracy: res.history.map((h) => h.validation_accuracy),
        train_loss: res.history.map((h) => h.train_loss),
        test_accuracy: test.accuracy,
        images_per_s: res.images_per_s,
        spike_density: res.history[res.history.length - 1].spike_density,
        checkpoint,
      };
      saveCheckpoint(checkpoint, res.model, { ...result, history: res.history });
      ctx.emit(
        result,
        [
          `validation accuracy per epoch: ${result.validation_accuracy.map((a) => (100 * (a ?? NaN)).toFixed(2) + ' %').join(', ')}`,
          `test accuracy: ${(100 * test.accuracy).toFixed(2)} % (${splits.test.count} images)`,
          `training speed: ${res.images_per_s.toFixed(1)} images/s`,
          `spike density (input, hidden 1, hidden 2): ${result.spike_density.map((d) => d.toFixed(3)).join(', ')}`,
          `checkpoint: ${checkpoint}`,
        ].join('\n'),
      );
    });

  findOrCreate(program, 'eval', 'evaluate trained networks')
    .command('snn')
    .description('test accuracy of a trained spiking MLP, optionally with Gaussian input noise')
    .requiredOption('--checkpoint <file>', 'checkpoint written by "train snn"')
    .option(
      '--noise <range>',
      'noise standard deviations START:STOP:STEP (intensity units, pixel/255)',
      '0:0:1',
    )
    .option('--dataset <name>', 'dataset (default: the one the checkpoint was trained on)')
    .option('--data-dir <dir>', 'folder holding the dataset IDX files')
    .option('--test-limit <n>', 'evaluate on the first N test images (default 10000)')
    .option(
      '--bn-statistics <kind>',
      'batch norm at inference: running (averages from training) | batch (each shard of 25 test images)',
      'running',
    )
    .option('--workers <n>', 'worker threads (default: all cores)')
    .option('--no-download', 'never download the dataset')
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const bnStatistics = String(o.bnStatistics);
      if (bnStatistics !== 'running' && bnStatistics !== 'batch')
        throw new MagneuroError(`--bn-statistics: got "${bnStatistics}", expected running or batch`);
      const { loadCheckpoint, evaluateSnn, neuronLabel } = await import('../../nn/snn/index.js');
      const { parseNoiseRange } = await import('../../nn/snn/noise.js');
      const { loadDataset, normalizedImages } = await import('../../nn/data/index.js');
      const { model, meta } = loadCheckpoint(String(o.checkpoint));
      const levels = parseNoiseRange(String(o.noise));
      const dataset = String(o.dataset ?? meta.dataset ?? 'fashion-mnist');
      if (dataset !== 'mnist' && dataset !== 'fashion-mnist')
        throw new MagneuroError(`--dataset: got "${dataset}", expected fashion-mnist or mnist`);
      const workers = o.workers === undefined ? undefined : intOption('workers', o.workers, 1, 256);
      const data = await loadDataset(dataset, {
        dataDir: o.dataDir as string | undefined,
        allowDownload: o.download !== false,
        log: (l) => ctx.info(l),
      });
      const count =
        o.testLimit === undefined
          ? data.test.count
          : intOption('test-limit', o.testLimit, 1, data.test.count);
      const test = {
        images: normalizedImages(data.test, 0, count),
        labels: data.test.labels.slice(0, count),
        count,
      };
      const bar = ctx.progress('noise levels', levels.length);
      const rows: { noise_std: number; accuracy: number; normalized_accuracy: number }[] = [];
      // Same seed at every level (as in `train snn`'s test run): common random numbers, so noise level 0
      // reproduces the training run's test accuracy and levels differ only by the noise amplitude.
      for (const [k, std] of levels.entries()) {
        const r = await evaluateSnn(model, test, {
          seed: `${ctx.seed}/test`,
          workers,
          noiseStd: std,
          batchNormStatistics: bnStatistics,
        });
        rows.push({ noise_std: std, accuracy: r.accuracy, normalized_accuracy: 0 });
        bar.update(k + 1);
      }
      bar.stop();
      const clean = rows[0].accuracy;
      for (const r of rows) r.normalized_accuracy = clean > 0 ? r.accuracy / clean : 0;
      ctx.emit(
        {
          checkpoint: o.checkpoint,
          neuron: neuronLabel(model.neuron),
          dataset,
          test_images: count,
          noise_clipping:
            'intensity + N(0, std^2), clipped to [0, 1] (an intensity is a spike probability per step)',
          batch_norm_statistics: bnStatistics,
          results: rows,
        },
        [
          `${neuronLabel(model.neuron)} on ${count} ${dataset} test images; noisy intensities clipped to [0, 1]`,
          'noise std   accuracy   normalized (to the first level)',
          ...rows.map(
            (r) =>
              `${r.noise_std.toFixed(3).padStart(9)}   ${(100 * r.accuracy).toFixed(2).padStart(6)} %   ${r.normalized_accuracy.toFixed(3)}`,
          ),
        ].join('\n'),
      );
    });
}
