// The plain-Chromium baseline for the gallery's onnxruntime-web timings. Bundled by
// scripts/bench/onnx.mjs with the same settings as the gallery, it runs the very same code: the
// gallery's onnxruntime wrapper (webview/inference/ort.ts: wasm-only build, one thread, the wasm
// preloaded by the page and compiled as it streams in, the same glue hook) and its speed
// measurements (webview/inference/speed.ts). index.html carries the gallery's preloads.
import { decodeMnistSet } from '../../../src/shared/inference/mnistData';
import { createSession, float32, run, runtimeTimes, scorable, startRuntime } from '../../../webview/inference/ort';
import { measureSpeed } from '../../../webview/inference/speed';

// As in the gallery (webview/demos/main.ts): onnxruntime-web imports this module for its glue.
export { ortGlue as default } from '../../../webview/inference/ort';

const scriptStartMs = performance.now();
startRuntime(document.body.dataset.ortBase, import.meta.url);
const media = document.body.dataset.mediaBase;

async function bytes(path) {
  const r = await fetch(media + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

async function main() {
  const model = await bytes('models/mnist-mlp.onnx');
  const { session } = await createSession(model);
  // From the page's start (its time origin), as the gallery times it from the panel's.
  const sessionFirstMs = performance.now();
  const { downloadMs, compiledMs } = runtimeTimes();
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
  return { sessionFirstMs, scriptStartMs, wasmDownloadMs: downloadMs, wasmCompiledMs: compiledMs, ...speed };
}

main().then(
  (r) => { window.__bench = r; document.body.dataset.done = 'true'; },
  (e) => { window.__bench = { error: String(e && e.stack || e) }; document.body.dataset.done = 'true'; },
);
