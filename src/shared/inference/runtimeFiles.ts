// What the demo gallery's page (src/demos/html.ts, which preloads them) and its script
// (webview/inference/ort.ts, webview/demos/main.ts, which use them) agree on: onnxruntime-web's two
// files in the ort folder esbuild.mjs writes, and the model whose session comes first. A preload
// only helps when the later fetch asks for exactly the same URL.

/** The runtime's wasm, gzipped by esbuild.mjs (14 MB → under 4 MB on the way in). */
export const ORT_WASM_GZ = 'ort-wasm-simd-threaded.wasm.gz';
/** Its JavaScript glue (Emscripten's). */
export const ORT_GLUE_MJS = 'ort-wasm-simd-threaded.mjs';
/** The bundled model whose session is created first (the digit pad's MLP). */
export const FIRST_MODEL = 'mnist-mlp';
/** A bundled model's path under the media folder. */
export const modelPath = (name: string): string => `models/${name}.onnx`;
