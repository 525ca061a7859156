// A requirement's distribution name (what pip installs) → the module a program imports. Most are
// the same name in lowercase with `_` for `-`; these are the well-known exceptions.

/** Keys are normalised names (lowercase, runs of `-_.` as `-`); `null` means nothing to import. */
const RENAMES: Readonly<Record<string, string | null>> = {
  'scikit-learn': 'sklearn',
  'scikit-image': 'skimage',
  'scikit-optimize': 'skopt',
  'imbalanced-learn': 'imblearn',
  'umap-learn': 'umap',
  pyyaml: 'yaml',
  'ruamel-yaml': 'ruamel.yaml',
  pillow: 'PIL',
  'opencv-python': 'cv2',
  'opencv-python-headless': 'cv2',
  'opencv-contrib-python': 'cv2',
  'opencv-contrib-python-headless': 'cv2',
  beautifulsoup4: 'bs4',
  'python-dateutil': 'dateutil',
  'python-dotenv': 'dotenv',
  'python-multipart': 'multipart',
  'python-json-logger': 'pythonjsonlogger',
  'tensorflow-cpu': 'tensorflow',
  'tensorflow-gpu': 'tensorflow',
  'onnxruntime-gpu': 'onnxruntime',
  'faiss-cpu': 'faiss',
  'faiss-gpu': 'faiss',
  'tf-keras': 'tf_keras',
  protobuf: 'google.protobuf',
  grpcio: 'grpc',
  'google-cloud-storage': 'google.cloud.storage',
  ipython: 'IPython',
  attrs: 'attr',
  pyjwt: 'jwt',
  pyzmq: 'zmq',
  pyserial: 'serial',
  pycryptodome: 'Crypto',
  pymupdf: 'fitz',
  gitpython: 'git',
  'psycopg2-binary': 'psycopg2',
  mysqlclient: 'MySQLdb',
  'msgpack-python': 'msgpack',
  pywin32: 'win32api',
  'discord-py': 'discord',
  // Meta-packages and type stubs install nothing importable under their own name.
  jupyter: null,
};

/** PEP 503 normalisation, so `Scikit_Learn` and `scikit-learn` are the same project. */
export function normalizeDistribution(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The module to import for a distribution, or `undefined` when it has none to check. */
export function importNameOf(distribution: string): string | undefined {
  const key = normalizeDistribution(distribution);
  if (Object.hasOwn(RENAMES, key)) return RENAMES[key] ?? undefined;
  if (key.startsWith('types-') || key.endsWith('-stubs')) return undefined;
  return distribution.toLowerCase().replace(/-/g, '_');
}
