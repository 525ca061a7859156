"""Test helper: run an ONNX graph with NumPy, to compare an export with PyTorch.

There is no onnxruntime here, so this evaluates the handful of operators a small image
classifier exports to (convolutions, pooling, batch norm, dense layers, activations and the
shape bookkeeping around a flatten). An operator it does not know fails the test with its name.
"""
import numpy as np
import onnx
from onnx import numpy_helper


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _pads(pads, spatial):
    pads = list(pads) if pads else [0] * (2 * spatial)
    return [(pads[i], pads[i + spatial]) for i in range(spatial)]


def _conv(x, w, b, a):
    n, c, h, wd = x.shape
    m, cg, kh, kw = w.shape
    group = a.get("group", 1)
    sh, sw = a.get("strides", [1, 1])
    dh, dw = a.get("dilations", [1, 1])
    if a.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET"):
        raise NotImplementedError("Conv auto_pad")
    (pt, pb), (pl, pr) = _pads(a.get("pads"), 2)
    x = np.pad(x, ((0, 0), (0, 0), (pt, pb), (pl, pr)))
    oh = (x.shape[2] - dh * (kh - 1) - 1) // sh + 1
    ow = (x.shape[3] - dw * (kw - 1) - 1) // sw + 1
    out = np.zeros((n, m, oh, ow), dtype=np.float64)
    per = m // group
    for g in range(group):
        xg = x[:, g * cg:(g + 1) * cg]
        wg = w[g * per:(g + 1) * per]
        cols = np.empty((n, cg, kh, kw, oh, ow), dtype=np.float64)
        for i in range(kh):
            for j in range(kw):
                cols[:, :, i, j] = xg[:, :, i * dh:i * dh + sh * oh:sh, j * dw:j * dw + sw * ow:sw]
        out[:, g * per:(g + 1) * per] = np.einsum("nckhxy,mckh->nmxy", cols, wg)
    if b is not None:
        out += b.reshape(1, -1, 1, 1)
    return out


def _pool(x, a, kind):
    kh, kw = a["kernel_shape"]
    sh, sw = a.get("strides", [1, 1])
    if a.get("ceil_mode", 0) or a.get("dilations", [1, 1]) != [1, 1]:
        raise NotImplementedError(f"{kind} with ceil_mode or dilations")
    (pt, pb), (pl, pr) = _pads(a.get("pads"), 2)
    fill = -np.inf if kind == "MaxPool" else 0.0
    x = np.pad(x, ((0, 0), (0, 0), (pt, pb), (pl, pr)), constant_values=fill)
    oh = (x.shape[2] - kh) // sh + 1
    ow = (x.shape[3] - kw) // sw + 1
    windows = np.stack([x[:, :, i:i + sh * oh:sh, j:j + sw * ow:sw] for i in range(kh) for j in range(kw)])
    if kind == "MaxPool":
        return windows.max(axis=0)
    if (pt or pb or pl or pr) and not a.get("count_include_pad", 0):
        ones = np.pad(np.ones((x.shape[2] - pt - pb, x.shape[3] - pl - pr)), ((pt, pb), (pl, pr)))
        counts = np.stack([ones[i:i + sh * oh:sh, j:j + sw * ow:sw] for i in range(kh) for j in range(kw)]).sum(0)
        return windows.sum(axis=0) / counts
    return windows.mean(axis=0)


def _softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def run(model_or_path, x: np.ndarray) -> list:
    """Outputs of the graph (a list, in graph order) for the single input ``x``."""
    model = model_or_path if isinstance(model_or_path, onnx.ModelProto) else onnx.load(str(model_or_path))
    graph = model.graph
    env = {}
    for t in graph.initializer:
        value = numpy_helper.to_array(t)
        env[t.name] = value.astype(np.float64) if value.dtype.kind == "f" else value
    inputs = [i for i in graph.input if i.name not in env]
    assert len(inputs) == 1, f"expected one input, the graph has {[i.name for i in inputs]}"
    env[inputs[0].name] = np.asarray(x, dtype=np.float64)
    for node in graph.node:
        a = _attrs(node)
        ins = [env[name] if name else None for name in node.input]
        op = node.op_type
        if op == "Conv":
            out = _conv(ins[0], ins[1], ins[2] if len(ins) > 2 else None, a)
        elif op in ("MaxPool", "AveragePool"):
            out = _pool(ins[0], a, op)
        elif op == "GlobalAveragePool":
            out = ins[0].mean(axis=(2, 3), keepdims=True)
        elif op == "BatchNormalization":
            xx, scale, bias, mean, var = ins[:5]
            shape = (1, -1) + (1,) * (xx.ndim - 2)
            out = (xx - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + a.get("epsilon", 1e-5))
            out = out * scale.reshape(shape) + bias.reshape(shape)
        elif op == "Gemm":
            A, B = ins[0], ins[1]
            A = A.T if a.get("transA", 0) else A
            B = B.T if a.get("transB", 0) else B
            out = a.get("alpha", 1.0) * (A @ B)
            if len(ins) > 2 and ins[2] is not None:
                out = out + a.get("beta", 1.0) * ins[2]
        elif op == "MatMul":
            out = ins[0] @ ins[1]
        elif op in ("Add", "Sub", "Mul", "Div"):
            out = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide}[op](ins[0], ins[1])
        elif op == "Relu":
            out = np.maximum(ins[0], 0)
        elif op == "LeakyRelu":
            out = np.where(ins[0] > 0, ins[0], a.get("alpha", 0.01) * ins[0])
        elif op == "Sigmoid":
            out = 1 / (1 + np.exp(-ins[0]))
        elif op == "Tanh":
            out = np.tanh(ins[0])
        elif op == "Softmax":
            out = _softmax(ins[0], a.get("axis", -1))
        elif op == "LogSoftmax":
            out = np.log(_softmax(ins[0], a.get("axis", -1)))
        elif op in ("Identity", "Dropout"):
            out = ins[0]
        elif op == "Flatten":
            axis = a.get("axis", 1)
            out = ins[0].reshape(int(np.prod(ins[0].shape[:axis])), -1)
        elif op == "Reshape":
            shape = [int(s) for s in ins[1]]
            shape = [ins[0].shape[i] if s == 0 and not a.get("allowzero", 0) else s for i, s in enumerate(shape)]
            out = ins[0].reshape(shape)
        elif op == "Shape":
            out = np.array(ins[0].shape, dtype=np.int64)
        elif op == "Gather":
            out = np.take(ins[0], ins[1].astype(np.int64), axis=a.get("axis", 0))
        elif op == "Unsqueeze":
            axes = a.get("axes", list(ins[1]) if len(ins) > 1 else [])
            out = ins[0]
            for ax in sorted(int(v) % (out.ndim + 1) for v in axes):
                out = np.expand_dims(out, ax)
        elif op == "Squeeze":
            axes = a.get("axes", list(ins[1]) if len(ins) > 1 and ins[1] is not None else None)
            out = np.squeeze(ins[0], axis=tuple(int(v) for v in axes) if axes is not None else None)
        elif op == "Concat":
            out = np.concatenate([np.atleast_1d(v) for v in ins], axis=a["axis"])
        elif op == "Constant":
            t = numpy_helper.to_array(a["value"])
            out = t.astype(np.float64) if t.dtype.kind == "f" else t
        elif op == "Transpose":
            out = np.transpose(ins[0], a.get("perm"))
        elif op == "Cast":
            to = onnx.helper.tensor_dtype_to_np_dtype(a["to"])
            out = ins[0].astype(np.float64 if np.dtype(to).kind == "f" else to)
        else:
            raise NotImplementedError(f"the test's NumPy ONNX evaluator does not know the operator {op}")
        env[node.output[0]] = out
    return [env[o.name] for o in graph.output]
