// The plain-Chromium baseline for the gallery's onnxruntime-web timings. Bundled by
// scripts/bench/onnx.mjs with the same settings as the gallery, it runs the very same code: the
// gallery's onnxruntime wrapper (webview/inference/ort.ts: wasm-only build, one thread, the wasm
// downloaded at start) and its speed measurements (webview/inference/speed.ts).
import { decodeMnistSet } from '../../../src/shared/inference/mnistData';
import { configureOrt, createSession, float32, run, scorable } from '../../../webview/inference/ort';
import { wasmDownloadMs } from '../../../webview/inference/ort';
import { measureSpeed } from '../../../webview/inference/speed';

const started = performance.now();
configureOrt(document.body.dataset.ortBase);
const media = document.body.dataset.mediaBase;

async function bytes(path) {
  const r = await fetch(media + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

async function main() {
  const model = await bytes('models/mnist-mlp.onnx');
  const { session } = await createSession(model);
  const sessionFirstMs = performance.now() - started;
  const wasm = wasmDownloadMs();
  const heldout = decodeMnistSet(await bytes('data/mnist-heldout.bin'));
  // In the gallery the measurement starts seconds after the first session (the other models load,
  // then someone clicks Measure), when V8 has finished optimising the wasm in the background. Wait
  // as long here (onnx.mjs passes the same ?settle= to both), or single runs would be timed on the
  // baseline tier.
  await new Promise((r) => setTimeout(r, Number(new URLSearchParams(location.search).get('settle') ?? 3000)));
  const speed = await measureSpeed({
    createSession: async (b) => (await createSession(b)).session,
    release: (s) => s.release(),
    tensor: float32,
    run: (s, feeds) => run(s, feeds),
    scorable,
  }, session, model, heldout);
  return { sessionFirstMs, wasmDownloadMs: wasm, ...speed };
}

main().then(
  (r) => { window.__bench = r; document.body.dataset.done = 'true'; },
  (e) => { window.__bench = { error: String(e && e.stack || e) }; document.body.dataset.done = 'true'; },
);
