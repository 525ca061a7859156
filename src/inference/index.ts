// Runtime-neutral inference helpers (webview and Node). The Node-only session loader is
// ./nodeRuntime, deliberately not re-exported here.
export * from './layout';
export * from './mnistData';
export * from './score';
export * from './textHash';
export * from './validate';
