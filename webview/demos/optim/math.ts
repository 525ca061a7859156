// The optimizer visualizer's mathematics: 2-D test functions with analytic gradients, and SGD,
// momentum, RMSprop and Adam as small stateful steppers. Pure TypeScript (no DOM): unit-tested.

export type Vec2 = readonly [number, number];

export interface TestFunction {
  readonly id: FunctionId;
  readonly name: string;
  readonly formula: string;
  f(x: number, y: number): number;
  grad(x: number, y: number): Vec2;
  /** The plotted area. */
  readonly domain: { readonly xMin: number; readonly xMax: number; readonly yMin: number; readonly yMax: number };
  /** Global minima (several for Himmelblau and the saddle). */
  readonly minima: readonly Vec2[];
  readonly fMin: number;
  /** A start point that makes the race interesting. */
  readonly start: Vec2;
  /** A learning rate per optimizer that works from `start` (found by trying). */
  readonly learningRates: Readonly<Record<OptimizerId, number>>;
  readonly steps: number;
}

export const FUNCTION_IDS = ['rosenbrock', 'beale', 'himmelblau', 'saddle'] as const;
export type FunctionId = (typeof FUNCTION_IDS)[number];

export const FUNCTIONS: Readonly<Record<FunctionId, TestFunction>> = {
  rosenbrock: {
    id: 'rosenbrock',
    name: 'Rosenbrock',
    formula: 'f(x, y) = (1 − x)² + 100 (y − x²)²',
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    domain: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
    minima: [[1, 1]],
    fMin: 0,
    start: [-1.5, 2.5],
    learningRates: { sgd: 0.002, momentum: 0.001, rmsprop: 0.005, adam: 0.1 },
    steps: 1000,
  },
  beale: {
    id: 'beale',
    name: 'Beale',
    formula: 'f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²',
    f: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
    grad: (x, y) => {
      const a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y ** 3;
      return [
        2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y ** 3 - 1),
        2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y,
      ];
    },
    domain: { xMin: -4.5, xMax: 4.5, yMin: -4.5, yMax: 4.5 },
    minima: [[3, 0.5]],
    fMin: 0,
    start: [-1, -1.5],
    learningRates: { sgd: 0.01, momentum: 0.001, rmsprop: 0.005, adam: 0.1 },
    steps: 1000,
  },
  himmelblau: {
    id: 'himmelblau',
    name: 'Himmelblau',
    formula: 'f(x, y) = (x² + y − 11)² + (x + y² − 7)²',
    f: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    grad: (x, y) => {
      const a = x * x + y - 11, b = x + y * y - 7;
      return [4 * x * a + 2 * b, 2 * a + 4 * y * b];
    },
    domain: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
    minima: [[3, 2], [-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]],
    fMin: 0,
    start: [-0.3, -0.9],
    learningRates: { sgd: 0.005, momentum: 0.002, rmsprop: 0.02, adam: 0.1 },
    steps: 300,
  },
  saddle: {
    id: 'saddle',
    name: 'Saddle',
    formula: 'f(x, y) = x² + y⁴/4 − y²/2   (saddle at the origin, minima at (0, ±1))',
    f: (x, y) => x * x + y ** 4 / 4 - (y * y) / 2,
    grad: (x, y) => [2 * x, y ** 3 - y],
    domain: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
    minima: [[0, 1], [0, -1]],
    fMin: -0.25,
    start: [-1.8, 0.001],
    learningRates: { sgd: 0.05, momentum: 0.02, rmsprop: 0.01, adam: 0.05 },
    steps: 500,
  },
};

export const OPTIMIZER_IDS = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
export type OptimizerId = (typeof OPTIMIZER_IDS)[number];
export const OPTIMIZER_NAMES: Readonly<Record<OptimizerId, string>> = {
  sgd: 'SGD', momentum: 'Momentum', rmsprop: 'RMSprop', adam: 'Adam',
};

export interface Hyper {
  /** Momentum coefficient (momentum). */
  readonly beta: number;
  /** Decay of the squared-gradient average (RMSprop). */
  readonly rho: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
}
export const DEFAULT_HYPER: Hyper = { beta: 0.9, rho: 0.9, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/** One optimizer's state; `step` takes the current point and gradient and returns the next point. */
export interface Optimizer {
  step(p: Vec2, g: Vec2): Vec2;
}

export function makeOptimizer(id: OptimizerId, lr: number, hyper: Hyper = DEFAULT_HYPER): Optimizer {
  switch (id) {
    case 'sgd':
      return { step: (p, g) => [p[0] - lr * g[0], p[1] - lr * g[1]] };
    case 'momentum': {
      // Heavy ball: v ← βv + g, p ← p − lr·v.
      const v = [0, 0];
      return {
        step: (p, g) => {
          v[0] = hyper.beta * v[0] + g[0];
          v[1] = hyper.beta * v[1] + g[1];
          return [p[0] - lr * v[0], p[1] - lr * v[1]];
        },
      };
    }
    case 'rmsprop': {
      const s = [0, 0];
      return {
        step: (p, g) => {
          s[0] = hyper.rho * s[0] + (1 - hyper.rho) * g[0] * g[0];
          s[1] = hyper.rho * s[1] + (1 - hyper.rho) * g[1] * g[1];
          return [p[0] - (lr * g[0]) / (Math.sqrt(s[0]) + hyper.eps), p[1] - (lr * g[1]) / (Math.sqrt(s[1]) + hyper.eps)];
        },
      };
    }
    case 'adam': {
      const m = [0, 0], v = [0, 0];
      let t = 0;
      return {
        step: (p, g) => {
          t++;
          const c1 = 1 - hyper.beta1 ** t, c2 = 1 - hyper.beta2 ** t;
          const out: [number, number] = [0, 0];
          for (let i = 0; i < 2; i++) {
            m[i] = hyper.beta1 * m[i] + (1 - hyper.beta1) * g[i];
            v[i] = hyper.beta2 * v[i] + (1 - hyper.beta2) * g[i] * g[i];
            out[i] = p[i] - (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + hyper.eps);
          }
          return out;
        },
      };
    }
    default: {
      const never: never = id;
      throw new Error(`unknown optimizer ${String(never)}`);
    }
  }
}

export interface RunOptions {
  readonly lr: number;
  readonly steps: number;
  readonly start: Vec2;
  /** Converged when f − fMin < tolerance (default 1e-4). */
  readonly tolerance?: number;
  readonly hyper?: Hyper;
}

export interface RunResult {
  /** x0, y0, x1, y1, …: the start and the point after each step taken. */
  readonly path: Float64Array;
  /** f at each point of the path. */
  readonly losses: Float64Array;
  readonly finalLoss: number;
  /** The first step after which f − fMin < tolerance, or null if never. */
  readonly stepsToTolerance: number | null;
  /** True when the run left every sensible range (non-finite, or |x|,|y| > 1e6) and was stopped. */
  readonly diverged: boolean;
}

const BLOW_UP = 1e6;

export function runOptimizer(fn: TestFunction, id: OptimizerId, options: RunOptions): RunResult {
  const tol = options.tolerance ?? 1e-4;
  const opt = makeOptimizer(id, options.lr, options.hyper);
  const steps = Math.max(0, Math.floor(options.steps));
  const path = new Float64Array(2 * (steps + 1));
  const losses = new Float64Array(steps + 1);
  let p: Vec2 = options.start;
  path[0] = p[0];
  path[1] = p[1];
  losses[0] = fn.f(p[0], p[1]);
  let reached: number | null = losses[0] - fn.fMin < tol ? 0 : null;
  let taken = 0;
  let diverged = false;
  for (let k = 1; k <= steps; k++) {
    p = opt.step(p, fn.grad(p[0], p[1]));
    const loss = fn.f(p[0], p[1]);
    if (!Number.isFinite(loss) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > BLOW_UP || Math.abs(p[1]) > BLOW_UP) {
      diverged = true;
      break;
    }
    path[2 * k] = p[0];
    path[2 * k + 1] = p[1];
    losses[k] = loss;
    taken = k;
    if (reached === null && loss - fn.fMin < tol) reached = k;
  }
  return {
    path: path.slice(0, 2 * (taken + 1)),
    losses: losses.slice(0, taken + 1),
    finalLoss: losses[taken],
    stepsToTolerance: reached,
    diverged,
  };
}

/** Central finite-difference gradient (for tests and for checking a new function). */
export function numericGradient(f: (x: number, y: number) => number, x: number, y: number, h = 1e-5): Vec2 {
  return [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)];
}

/** A plot-friendly loss: log10(f − fMin + floor), so valleys many decades deep stay visible. */
export function logLoss(fn: TestFunction, x: number, y: number, floor = 1e-3): number {
  return Math.log10(Math.max(0, fn.f(x, y) - fn.fMin) + floor);
}
