"""A tiny NumPy interpreter for the ONNX graphs a small CNN exports (test helper).

There is no onnxruntime in this environment, so the export check runs the ``.onnx`` file
with this: it walks the graph's nodes in order and evaluates each with NumPy. It covers the
operators a small convolutional detector exports (convolutions, including grouped and
depthwise ones, batch norm, the usual activations, pooling, elementwise arithmetic,
concatenation, reshaping and nearest-neighbour upsampling). An operator outside that list
raises ``NotImplementedError`` naming it.
"""
from __future__ import annotations

import numpy as np
import onnx
from onnx import numpy_helper


def _attrs(node) -> dict:
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _pads(pads, spatial):
    if not pads:
        return [(0, 0)] * spatial
    return [(int(pads[i]), int(pads[i + spatial])) for i in range(spatial)]


def _windows(x, kernel, strides, pads, fill):
    """``x [N, C, H, W]`` -> sliding windows ``[N, C, kh, kw, OH, OW]``."""
    (pt, pb), (pl, pr) = pads
    x = np.pad(x, ((0, 0), (0, 0), (pt, pb), (pl, pr)), constant_values=fill)
    kh, kw = kernel
    sh, sw = strides
    N, C, H, W = x.shape
    oh = (H - kh) // sh + 1
    ow = (W - kw) // sw + 1
    s = x.strides
    return np.lib.stride_tricks.as_strided(
        x, shape=(N, C, kh, kw, oh, ow), strides=(s[0], s[1], s[2], s[3], s[2] * sh, s[3] * sw), writeable=False
    )


def _conv(x, w, b, a):
    group = int(a.get("group", 1))
    strides = a.get("strides", [1, 1])
    if any(d != 1 for d in a.get("dilations", [1, 1])):
        raise NotImplementedError("Conv with dilations")
    kh, kw = w.shape[2:]
    if a.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET"):
        raise NotImplementedError("Conv with auto_pad")
    win = _windows(x, (kh, kw), strides, _pads(a.get("pads"), 2), 0.0)  # N, C, kh, kw, OH, OW
    N, C = x.shape[:2]
    M = w.shape[0]
    cin, cout = C // group, M // group
    outs = []
    for g in range(group):
        part = win[:, g * cin:(g + 1) * cin]
        wg = w[g * cout:(g + 1) * cout]
        outs.append(np.einsum("nckluv,mckl->nmuv", part, wg, optimize=True))
    y = np.concatenate(outs, axis=1)
    if b is not None:
        y = y + b.reshape(1, -1, 1, 1)
    return y


def _pool(x, a, kind):
    kernel = a["kernel_shape"]
    strides = a.get("strides", [1, 1])
    if a.get("ceil_mode", 0):
        raise NotImplementedError(f"{kind} with ceil_mode")
    pads = _pads(a.get("pads"), 2)
    if kind == "MaxPool":
        return _windows(x, kernel, strides, pads, -np.inf).max(axis=(2, 3))
    win = _windows(x, kernel, strides, pads, 0.0)
    if a.get("count_include_pad", 0) or not any(p for pair in pads for p in pair):
        return win.mean(axis=(2, 3))
    ones = _windows(np.ones_like(x[:1, :1]), kernel, strides, pads, 0.0).sum(axis=(2, 3))
    return win.sum(axis=(2, 3)) / ones


def _sigmoid(x):
    return np.where(x >= 0, 1 / (1 + np.exp(-np.abs(x))), np.exp(-np.abs(x)) / (1 + np.exp(-np.abs(x))))


def run_onnx(path, inputs: dict) -> list:
    """Evaluate the graph in ``path`` on ``{input name: array}``; returns the outputs in order."""
    model = onnx.load(str(path))
    graph = model.graph
    env = {init.name: numpy_helper.to_array(init) for init in graph.initializer}
    for name, value in inputs.items():
        env[name] = np.asarray(value, dtype=np.float32)
    for node in graph.node:
        a = _attrs(node)
        ins = [env[name] if name else None for name in node.input]
        op = node.op_type
        if op == "Conv":
            out = _conv(ins[0], ins[1], ins[2] if len(ins) > 2 else None, a)
        elif op == "BatchNormalization":
            x, scale, bias, mean, var = ins[:5]
            shape = (1, -1) + (1,) * (x.ndim - 2)
            out = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + a.get("epsilon", 1e-5))
            out = out * scale.reshape(shape) + bias.reshape(shape)
        elif op == "Relu":
            out = np.maximum(ins[0], 0)
        elif op == "LeakyRelu":
            alpha = a.get("alpha", 0.01)
            out = np.where(ins[0] >= 0, ins[0], alpha * ins[0])
        elif op == "Sigmoid":
            out = _sigmoid(ins[0])
        elif op == "Tanh":
            out = np.tanh(ins[0])
        elif op == "Softplus":
            out = np.logaddexp(0, ins[0])
        elif op == "HardSigmoid":
            out = np.clip(a.get("alpha", 0.2) * ins[0] + a.get("beta", 0.5), 0, 1)
        elif op == "HardSwish":
            out = ins[0] * np.clip(ins[0] / 6 + 0.5, 0, 1)
        elif op == "Clip":
            lo = ins[1] if len(ins) > 1 and ins[1] is not None else a.get("min", -np.inf)
            hi = ins[2] if len(ins) > 2 and ins[2] is not None else a.get("max", np.inf)
            out = np.clip(ins[0], lo, hi)
        elif op in ("Add", "Sub", "Mul", "Div", "Pow"):
            fn = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide, "Pow": np.power}[op]
            out = fn(ins[0], ins[1])
        elif op == "Exp":
            out = np.exp(ins[0])
        elif op == "MaxPool" or op == "AveragePool":
            out = _pool(ins[0], a, op)
        elif op == "GlobalAveragePool":
            out = ins[0].mean(axis=(2, 3), keepdims=True)
        elif op == "Concat":
            out = np.concatenate(ins, axis=a["axis"])
        elif op == "Identity" or op == "Dropout":
            out = ins[0]
        elif op == "Constant":
            out = numpy_helper.to_array(a["value"]) if "value" in a else np.array(a.get("value_float", 0.0))
        elif op == "Shape":
            out = np.array(ins[0].shape, dtype=np.int64)
        elif op == "Gather":
            out = np.take(ins[0], ins[1].astype(np.int64), axis=a.get("axis", 0))
        elif op == "Unsqueeze":
            out = np.expand_dims(ins[0], tuple(int(i) for i in ins[1]))
        elif op == "Squeeze":
            out = np.squeeze(ins[0], axis=tuple(int(i) for i in ins[1]) if len(ins) > 1 else None)
        elif op == "Reshape":
            shape = [int(s) for s in ins[1]]
            shape = [ins[0].shape[i] if s == 0 else s for i, s in enumerate(shape)]
            out = ins[0].reshape(shape)
        elif op == "Flatten":
            axis = a.get("axis", 1)
            out = ins[0].reshape(int(np.prod(ins[0].shape[:axis])), -1)
        elif op == "Transpose":
            out = np.transpose(ins[0], a.get("perm"))
        elif op == "Resize":
            scales = ins[2] if len(ins) > 2 and ins[2] is not None and ins[2].size else None
            if a.get("mode", b"nearest") not in (b"nearest", "nearest") or scales is None:
                raise NotImplementedError("Resize other than nearest with scales")
            out = ins[0]
            for axis, s in enumerate(scales):
                if s != 1:
                    out = np.repeat(out, int(s), axis=axis)
        elif op == "Cast":
            out = ins[0].astype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[a["to"]])
        else:
            raise NotImplementedError(f"ONNX operator {op} is not supported by the test's NumPy evaluator")
        env[node.output[0]] = out
    return [env[o.name] for o in graph.output]
