"""A tiny ONNX interpreter in NumPy, enough to run a small exported transformer.

There is no onnxruntime for Debian's Python, so the export check runs the graph with this
reference instead. It implements the operators ``torch.onnx.export`` (opset 13-17) emits for
embeddings, attention, layer norm and linear layers, and raises ``NotImplementedError`` naming
any other operator it meets.
"""
from __future__ import annotations

import numpy as np
import onnx
from onnx import numpy_helper

_DTYPES = {
    onnx.TensorProto.FLOAT: np.float32, onnx.TensorProto.DOUBLE: np.float64,
    onnx.TensorProto.INT64: np.int64, onnx.TensorProto.INT32: np.int32,
    onnx.TensorProto.BOOL: np.bool_, onnx.TensorProto.UINT8: np.uint8,
    onnx.TensorProto.INT8: np.int8, onnx.TensorProto.FLOAT16: np.float16,
}


def _attrs(node) -> dict:
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _axes(value, ndim):
    return tuple(int(a) % ndim for a in np.atleast_1d(value))


def _softmax(x, axis):
    z = np.exp(x - x.max(axis=axis, keepdims=True))
    return z / z.sum(axis=axis, keepdims=True)


def _run_node(op, x, a, opset):  # noqa: C901 - a plain dispatch table reads best here
    if op == "Constant":
        if "value" in a:
            return [numpy_helper.to_array(a["value"])]
        for key in ("value_float", "value_int"):
            if key in a:
                return [np.array(a[key])]
        for key in ("value_floats", "value_ints"):
            if key in a:
                return [np.array(a[key])]
        raise NotImplementedError("Constant without a value")
    if op == "Identity":
        return [x[0]]
    binary = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Pow": np.power,
              "Equal": np.equal, "Less": np.less, "Greater": np.greater, "And": np.logical_and,
              "Or": np.logical_or, "Max": np.maximum, "Min": np.minimum,
              "LessOrEqual": np.less_equal, "GreaterOrEqual": np.greater_equal}
    if op in binary:
        out = binary[op](x[0], x[1])
        return [out.astype(x[0].dtype) if op in ("Add", "Sub", "Mul", "Pow", "Max", "Min") else out]
    if op == "Div":
        if np.issubdtype(x[0].dtype, np.integer):
            return [(x[0] // x[1]).astype(x[0].dtype)]
        return [(x[0] / x[1]).astype(x[0].dtype)]
    unary = {"Relu": lambda v: np.maximum(v, 0), "Sqrt": np.sqrt, "Exp": np.exp, "Log": np.log,
             "Neg": np.negative, "Tanh": np.tanh, "Not": np.logical_not, "Abs": np.abs,
             "Sigmoid": lambda v: 1 / (1 + np.exp(-v)), "Sin": np.sin, "Cos": np.cos,
             "Reciprocal": lambda v: 1 / v,
             "Erf": lambda v: np.vectorize(__import__("math").erf)(v).astype(v.dtype)}
    if op in unary:
        return [unary[op](x[0]).astype(x[0].dtype)]
    if op == "MatMul":
        return [np.matmul(x[0], x[1])]
    if op == "Gemm":
        A = x[0].T if a.get("transA", 0) else x[0]
        B = x[1].T if a.get("transB", 0) else x[1]
        y = a.get("alpha", 1.0) * (A @ B)
        if len(x) > 2 and x[2] is not None:
            y = y + a.get("beta", 1.0) * x[2]
        return [y.astype(x[0].dtype)]
    if op == "Transpose":
        return [np.transpose(x[0], a.get("perm"))]
    if op == "Reshape":
        shape = [int(s) for s in x[1]]
        if not a.get("allowzero", 0):
            shape = [x[0].shape[i] if s == 0 else s for i, s in enumerate(shape)]
        return [x[0].reshape(shape)]
    if op == "Flatten":
        axis = a.get("axis", 1) % max(x[0].ndim, 1)
        return [x[0].reshape(int(np.prod(x[0].shape[:axis])), -1)]
    if op == "Unsqueeze":
        axes = x[1] if opset >= 13 else a["axes"]
        out = x[0]
        ndim = out.ndim + len(np.atleast_1d(axes))
        for ax in sorted(int(v) % ndim for v in np.atleast_1d(axes)):
            out = np.expand_dims(out, ax)
        return [out]
    if op == "Squeeze":
        axes = (x[1] if len(x) > 1 else None) if opset >= 13 else a.get("axes")
        return [np.squeeze(x[0]) if axes is None else np.squeeze(x[0], axis=_axes(axes, x[0].ndim))]
    if op == "Concat":
        return [np.concatenate(x, axis=a["axis"])]
    if op == "Gather":
        return [np.take(x[0], x[1].astype(np.int64), axis=a.get("axis", 0))]
    if op == "Shape":
        return [np.array(x[0].shape, dtype=np.int64)]
    if op == "Size":
        return [np.array(x[0].size, dtype=np.int64)]
    if op == "Cast":
        return [x[0].astype(_DTYPES[a["to"]])]
    if op == "Where":
        return [np.where(x[0], x[1], x[2])]
    if op == "Slice":
        data, starts, ends = x[0], x[1], x[2]
        axes = x[3] if len(x) > 3 and x[3] is not None else range(len(starts))
        steps = x[4] if len(x) > 4 and x[4] is not None else [1] * len(starts)
        index = [slice(None)] * data.ndim
        for s, e, ax, st in zip(starts, ends, axes, steps):
            index[int(ax)] = slice(int(s), int(e), int(st))
        return [data[tuple(index)]]
    if op == "Softmax":
        return [_softmax(x[0], a.get("axis", -1 if opset >= 13 else 1)).astype(x[0].dtype)]
    if op == "LogSoftmax":
        return [np.log(_softmax(x[0], a.get("axis", -1))).astype(x[0].dtype)]
    if op in ("ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin"):
        if op == "ReduceSum" and opset >= 13:
            axes = x[1] if len(x) > 1 and x[1] is not None and x[1].size else None
        else:
            axes = a.get("axes")
        keep = bool(a.get("keepdims", 1))
        fn = {"ReduceSum": np.sum, "ReduceMean": np.mean, "ReduceMax": np.max, "ReduceMin": np.min}[op]
        ax = None if axes is None else _axes(axes, x[0].ndim)
        return [fn(x[0], axis=ax, keepdims=keep).astype(x[0].dtype)]
    if op == "LayerNormalization":
        axis = a.get("axis", -1) % x[0].ndim
        dims = tuple(range(axis, x[0].ndim))
        mean = x[0].mean(axis=dims, keepdims=True)
        var = ((x[0] - mean) ** 2).mean(axis=dims, keepdims=True)
        y = (x[0] - mean) / np.sqrt(var + a.get("epsilon", 1e-5)) * x[1]
        if len(x) > 2 and x[2] is not None:
            y = y + x[2]
        return [y.astype(x[0].dtype), mean, 1 / np.sqrt(var + a.get("epsilon", 1e-5))]
    if op == "Expand":
        return [x[0] * np.ones([int(s) for s in x[1]], dtype=x[0].dtype)]
    if op == "ConstantOfShape":
        value = numpy_helper.to_array(a["value"]) if "value" in a else np.zeros(1, np.float32)
        return [np.full([int(s) for s in x[0]], value.reshape(-1)[0], dtype=value.dtype)]
    if op == "Range":
        return [np.arange(x[0], x[1], x[2]).astype(x[0].dtype)]
    if op == "ArgMax":
        out = np.argmax(x[0], axis=a.get("axis", 0))
        return [np.expand_dims(out, a.get("axis", 0)) if a.get("keepdims", 1) else out]
    if op == "Split":
        axis = a.get("axis", 0)
        sizes = x[1] if len(x) > 1 and x[1] is not None else a.get("split")
        if sizes is None:
            return list(np.split(x[0], len(a["_outputs"]), axis=axis))
        return list(np.split(x[0], np.cumsum(sizes)[:-1], axis=axis))
    if op == "Tile":
        return [np.tile(x[0], [int(s) for s in x[1]])]
    if op == "Clip":
        lo = x[1] if len(x) > 1 and x[1] is not None else -np.inf
        hi = x[2] if len(x) > 2 and x[2] is not None else np.inf
        return [np.clip(x[0], lo, hi).astype(x[0].dtype)]
    raise NotImplementedError(f"the NumPy reference does not implement the ONNX operator {op}")


def run(model_or_path, feeds: dict) -> dict:
    """Evaluate the graph on ``feeds`` ({input name: array}); returns {output name: array}."""
    model = onnx.load(model_or_path) if isinstance(model_or_path, str) else model_or_path
    opset = max((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), default=13)
    values = {init.name: numpy_helper.to_array(init) for init in model.graph.initializer}
    values.update(feeds)
    for node in model.graph.node:
        if node.domain not in ("", "ai.onnx"):
            raise NotImplementedError(f"custom operator domain {node.domain!r} ({node.op_type})")
        inputs = [values[name] if name else None for name in node.input]
        attrs = _attrs(node)
        attrs["_outputs"] = list(node.output)
        outputs = _run_node(node.op_type, inputs, attrs, opset)
        for name, value in zip(node.output, outputs):
            if name:
                values[name] = np.asarray(value)
    return {out.name: values[out.name] for out in model.graph.output}
