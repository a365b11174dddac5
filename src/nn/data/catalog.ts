/**
 * The datasets magneuro knows: file names, sizes, SHA-256 of the uncompressed IDX files, and the
 * canonical download mirrors.
 *
 * The SHA-256 values are of the uncompressed files (gzip bytes differ between mirrors); they are
 * those of the reference copies (MNIST: LeCun, Cortes & Burges; Fashion-MNIST: Xiao, Rasul &
 * Vollgraf 2017, MIT licence).
 */
export type DatasetName = 'mnist' | 'fashion-mnist';

export const DATASET_NAMES: readonly DatasetName[] = ['mnist', 'fashion-mnist'];

export type DatasetPart = 'trainImages' | 'trainLabels' | 'testImages' | 'testLabels';

export interface DatasetFile {
  part: DatasetPart;
  /** Base name without ".gz". */
  file: string;
  /** Expected IDX dimensions. */
  dims: readonly number[];
  sha256: string;
}

export interface DatasetInfo {
  name: DatasetName;
  title: string;
  files: readonly DatasetFile[];
  /** Base URLs; a file is fetched from `${mirror}${file}.gz`. */
  mirrors: readonly string[];
}

const files = (sha: Record<DatasetPart, string>): DatasetFile[] => [
  { part: 'trainImages', file: 'train-images-idx3-ubyte', dims: [60000, 28, 28], sha256: sha.trainImages },
  { part: 'trainLabels', file: 'train-labels-idx1-ubyte', dims: [60000], sha256: sha.trainLabels },
  { part: 'testImages', file: 't10k-images-idx3-ubyte', dims: [10000, 28, 28], sha256: sha.testImages },
  { part: 'testLabels', file: 't10k-labels-idx1-ubyte', dims: [10000], sha256: sha.testLabels },
];

export const DATASETS: Record<DatasetName, DatasetInfo> = {
  mnist: {
    name: 'mnist',
    title: 'MNIST handwritten digits',
    files: files({
      trainImages: 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
      trainLabels: '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
      testImages: '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
      testLabels: 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
    }),
    mirrors: [
      'https://ossci-datasets.s3.amazonaws.com/mnist/',
      'https://storage.googleapis.com/cvdf-datasets/mnist/',
      'http://yann.lecun.com/exdb/mnist/',
    ],
  },
  'fashion-mnist': {
    name: 'fashion-mnist',
    title: 'Fashion-MNIST (Zalando article images)',
    files: files({
      trainImages: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888',
      trainLabels: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9',
      testImages: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b',
      testLabels: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34',
    }),
    mirrors: [
      'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/',
      'https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/',
    ],
  },
};
