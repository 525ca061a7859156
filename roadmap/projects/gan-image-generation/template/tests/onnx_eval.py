"""A small NumPy interpreter for ONNX graphs, to check an exported generator without
onnxruntime (which the course machines do not have).

It knows the operators a small generator exports to: dense layers, transposed and plain
convolutions, batch norm in inference mode, the usual activations and the shape
bookkeeping around a reshape. An operator it does not know fails with its name, so a test
says exactly what to simplify.
"""
import numpy as np
import onnx
from onnx import numpy_helper


def _attributes(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _conv2d(x, w, b, strides, pads, dilations, group):
    if group != 1 or dilations != [1, 1]:
        raise NotImplementedError("Conv with groups or dilations")
    top, left, bottom, right = pads
    x = np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)))
    n, c, h, wd = x.shape
    m, _, kh, kw = w.shape
    sh, sw = strides
    oh, ow = (h - kh) // sh + 1, (wd - kw) // sw + 1
    out = np.zeros((n, m, oh, ow))
    for i in range(kh):
        for j in range(kw):
            patch = x[:, :, i:i + sh * oh:sh, j:j + sw * ow:sw]  # [n, c, oh, ow]
            out += np.einsum("nchw,mc->nmhw", patch, w[:, :, i, j])
    return out + (0 if b is None else b.reshape(1, -1, 1, 1))


def _conv_transpose2d(x, w, b, strides, pads, output_padding, dilations, group):
    if group != 1 or dilations != [1, 1]:
        raise NotImplementedError("ConvTranspose with groups or dilations")
    n, c, h, wd = x.shape
    _, m, kh, kw = w.shape  # [in, out, kh, kw]
    sh, sw = strides
    full_h, full_w = (h - 1) * sh + kh + output_padding[0], (wd - 1) * sw + kw + output_padding[1]
    out = np.zeros((n, m, full_h, full_w))
    for i in range(kh):
        for j in range(kw):
            contrib = np.einsum("nchw,cm->nmhw", x, w[:, :, i, j])
            out[:, :, i:i + sh * h:sh, j:j + sw * wd:sw] += contrib
    top, left, bottom, right = pads
    out = out[:, :, top:full_h - bottom, left:full_w - right]
    return out + (0 if b is None else b.reshape(1, -1, 1, 1))


def run(model, inputs):
    """Evaluate ``model`` (an ``onnx.ModelProto`` or a path) on ``inputs`` (name -> array);
    returns the list of graph outputs."""
    if not isinstance(model, onnx.ModelProto):
        model = onnx.load(str(model))

    def wide(v):  # compute in float64; integers (shapes, indices) stay as they are
        v = np.asarray(v)
        return v.astype(np.float64) if v.dtype.kind == "f" else v

    env = {t.name: wide(numpy_helper.to_array(t)) for t in model.graph.initializer}
    env.update({k: wide(v) for k, v in inputs.items()})
    for node in model.graph.node:
        a = _attributes(node)
        x = [env[i] if i else None for i in node.input]
        op = node.op_type
        if op == "Constant":
            y = wide(numpy_helper.to_array(a["value"]))
        elif op == "Identity":
            y = x[0]
        elif op == "Gemm":
            A = x[0].T if a.get("transA", 0) else x[0]
            B = x[1].T if a.get("transB", 0) else x[1]
            y = a.get("alpha", 1.0) * A @ B
            if len(x) > 2 and x[2] is not None:
                y = y + a.get("beta", 1.0) * x[2]
        elif op == "MatMul":
            y = x[0] @ x[1]
        elif op in ("Add", "Sub", "Mul", "Div", "Pow"):
            fn = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide, "Pow": np.power}[op]
            y = fn(x[0], x[1])
        elif op == "Relu":
            y = np.maximum(x[0], 0)
        elif op == "LeakyRelu":
            y = np.where(x[0] >= 0, x[0], a.get("alpha", 0.01) * x[0])
        elif op == "Sigmoid":
            y = 1.0 / (1.0 + np.exp(-x[0]))
        elif op == "Tanh":
            y = np.tanh(x[0])
        elif op == "Sqrt":
            y = np.sqrt(x[0])
        elif op == "Clip":
            lo = x[1] if len(x) > 1 and x[1] is not None else -np.inf
            hi = x[2] if len(x) > 2 and x[2] is not None else np.inf
            y = np.clip(x[0], lo, hi)
        elif op == "BatchNormalization":
            scale, bias, mean, var = x[1:5]
            shape = (1, -1) + (1,) * (x[0].ndim - 2)
            y = (x[0] - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + a.get("epsilon", 1e-5))
            y = y * scale.reshape(shape) + bias.reshape(shape)
        elif op == "Conv":
            y = _conv2d(x[0], x[1], x[2] if len(x) > 2 else None, list(a.get("strides", [1, 1])),
                        list(a.get("pads", [0, 0, 0, 0])), list(a.get("dilations", [1, 1])), a.get("group", 1))
        elif op == "ConvTranspose":
            if a.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET") or "output_shape" in a:
                raise NotImplementedError("ConvTranspose with auto_pad or output_shape")
            y = _conv_transpose2d(x[0], x[1], x[2] if len(x) > 2 else None, list(a.get("strides", [1, 1])),
                                  list(a.get("pads", [0, 0, 0, 0])), list(a.get("output_padding", [0, 0])),
                                  list(a.get("dilations", [1, 1])), a.get("group", 1))
        elif op == "Reshape":
            shape = [int(s) for s in x[1]]
            shape = [x[0].shape[i] if s == 0 and not a.get("allowzero", 0) else s for i, s in enumerate(shape)]
            y = x[0].reshape(shape)
        elif op == "Flatten":
            axis = a.get("axis", 1)
            y = x[0].reshape(int(np.prod(x[0].shape[:axis])), -1)
        elif op == "Shape":
            y = np.array(x[0].shape, dtype=np.int64)
        elif op == "Gather":
            y = np.take(x[0], x[1].astype(np.int64), axis=a.get("axis", 0))
        elif op == "Unsqueeze":
            axes = [int(v) for v in (x[1] if len(x) > 1 else a["axes"])]
            y = x[0]
            for ax in sorted(axes):
                y = np.expand_dims(y, ax)
        elif op == "Squeeze":
            axes = tuple(int(v) for v in x[1]) if len(x) > 1 else None
            y = np.squeeze(x[0], axis=axes)
        elif op == "Concat":
            y = np.concatenate([np.atleast_1d(v) for v in x], axis=a["axis"])
        elif op == "Cast":
            y = x[0].astype(onnx.helper.tensor_dtype_to_np_dtype(a["to"]))
        elif op == "Transpose":
            y = np.transpose(x[0], a.get("perm"))
        else:
            raise NotImplementedError(f"the test's ONNX evaluator does not know the operator {op}")
        for name, value in zip(node.output, [y]):
            env[name] = value
    return [env[o.name] for o in model.graph.output]
