// The optimizer visualizer's math: analytic gradients against finite differences, and every
// optimizer making progress on a convex bowl and on the demo's own functions.
import * as assert from 'node:assert/strict';
import {
  FUNCTIONS, FUNCTION_IDS, OPTIMIZER_IDS, makeOptimizer, numericGradient, runOptimizer, type TestFunction,
} from '../../../webview/demos/optim/math';

const bowl: TestFunction = {
  id: 'rosenbrock', name: 'bowl', formula: 'x² + 4y²',
  f: (x, y) => x * x + 4 * y * y, grad: (x, y) => [2 * x, 8 * y],
  domain: { xMin: -3, xMax: 3, yMin: -3, yMax: 3 }, minima: [[0, 0]], fMin: 0, start: [2.5, -1.5],
  learningRates: { sgd: 0.05, momentum: 0.02, rmsprop: 0.01, adam: 0.1 }, steps: 300,
};

describe('optimizer math', () => {
  for (const id of FUNCTION_IDS) {
    const fn = FUNCTIONS[id];
    it(`${fn.name}: the analytic gradient matches central finite differences`, () => {
      const d = fn.domain;
      for (let k = 0; k < 60; k++) {
        // A fixed scatter of points over the plotted area.
        const x = d.xMin + ((k * 0.618034) % 1) * (d.xMax - d.xMin);
        const y = d.yMin + ((k * 0.414214 + 0.1) % 1) * (d.yMax - d.yMin);
        const [gx, gy] = fn.grad(x, y);
        const [nx, ny] = numericGradient((px, py) => fn.f(px, py), x, y, 1e-6);
        const scale = Math.max(1, Math.abs(nx), Math.abs(ny));
        assert.ok(Math.abs(gx - nx) / scale < 1e-5 && Math.abs(gy - ny) / scale < 1e-5,
          `at (${x.toFixed(3)}, ${y.toFixed(3)}): analytic (${gx}, ${gy}) vs numeric (${nx}, ${ny})`);
      }
    });

    it(`${fn.name}: its minima are minima (f = fMin, zero gradient)`, () => {
      for (const [x, y] of fn.minima) {
        assert.ok(Math.abs(fn.f(x, y) - fn.fMin) < 1e-9, `f(${x}, ${y}) = ${fn.f(x, y)}`);
        const [gx, gy] = fn.grad(x, y);
        assert.ok(Math.hypot(gx, gy) < 1e-4, `gradient at (${x}, ${y}) is (${gx}, ${gy})`);
      }
    });
  }

  for (const id of OPTIMIZER_IDS) {
    it(`${id} decreases a convex bowl and converges`, () => {
      const r = runOptimizer(bowl, id, { lr: bowl.learningRates[id], steps: bowl.steps, start: bowl.start, tolerance: 1e-3 });
      assert.equal(r.diverged, false);
      assert.ok(r.finalLoss < r.losses[0] / 1e4, `final loss ${r.finalLoss} from ${r.losses[0]}`);
      assert.ok(r.stepsToTolerance !== null && r.stepsToTolerance > 0);
      assert.equal(r.path.length, 2 * r.losses.length);
      if (id === 'sgd') {
        // Plain gradient descent with a small enough step never goes up on a convex quadratic.
        for (let k = 1; k < r.losses.length; k++) assert.ok(r.losses[k] <= r.losses[k - 1] + 1e-15, `went up at step ${k}`);
      }
    });

    it(`${id}: the first step goes downhill`, () => {
      const p = bowl.start;
      const next = makeOptimizer(id, 0.01).step(p, bowl.grad(p[0], p[1]));
      assert.ok(bowl.f(next[0], next[1]) < bowl.f(p[0], p[1]));
    });
  }

  it('RMSprop with a fixed learning rate hovers at a distance set by the rate (its steps do not shrink)', () => {
    const end = (lr: number): number => runOptimizer(bowl, 'rmsprop', { lr, steps: 2000, start: bowl.start }).finalLoss;
    assert.ok(end(0.05) > 1e-3 && end(0.01) < 2e-4 && end(0.01) < end(0.05) / 10);
  });

  it('stops and reports a diverging run instead of returning infinities', () => {
    const r = runOptimizer(FUNCTIONS.rosenbrock, 'sgd', { lr: 0.05, steps: 500, start: [-1.5, 2.5] });
    assert.equal(r.diverged, true);
    assert.ok(r.losses.every(Number.isFinite));
    assert.ok(r.losses.length < 501);
  });

  it('the default learning rates get Adam within tolerance on every function', () => {
    for (const id of FUNCTION_IDS) {
      const fn = FUNCTIONS[id];
      const r = runOptimizer(fn, 'adam', { lr: fn.learningRates.adam, steps: fn.steps, start: fn.start });
      assert.ok(r.stepsToTolerance !== null, `${fn.name}: Adam ended at loss ${r.finalLoss - fn.fMin}`);
    }
  });

  it('Adam\'s first step has length lr in each coordinate (bias correction)', () => {
    const next = makeOptimizer('adam', 0.1).step([1, 1], [3, -0.002]);
    assert.ok(Math.abs(next[0] - 0.9) < 1e-6 && Math.abs(next[1] - 1.1) < 1e-4);
  });
});
