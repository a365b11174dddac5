#!/usr/bin/env python3
"""PyTorch reference of magneuro's spiking-MLP training step, for the speed goal of issue 6
("training throughput no worse than a PyTorch implementation of the same network on the same CPU"),
for each neuron type: LIF, binary DW-MTJ and multi-weight DW-MTJ.

The network and the training step are those of src/nn/snn (equations in docs/spiking.md):

  input      Poisson (Bernoulli per step) spikes, P(spike at step) = pixel intensity, T steps
  hidden     linear (no bias) -> ghost batch norm (statistics per shard of 25 images over all T steps,
             learnable gamma/beta, eps 1e-5) -> LIF with synaptic current, BPTT with the triangular
             surrogate h(u) = max(0, 1 - |u - theta|/w)/w, w = 0.5 (theta - v_reset), reset detached
             (as Norse: the spike in the reset carries no gradient)
  output     linear (with bias) -> leaky integrator (Norse LI)
  loss       max over time of each output membrane, softmax cross-entropy (batch mean)
  optimizer  Adam, lr 1e-3 (beta 0.9/0.999, eps 1e-8)

  LIF:  i[t] = beta i[t-1] + x[t];  u[t] = alpha v[t-1] + (1 - alpha) i[t];  s[t] = H(u[t] - theta);
        v[t] = u[t] (1 - s[t]) + v_reset s[t]          alpha = 1 - dt/tau_mem = 0.9, beta = 1 - dt/tau_syn = 0.8
  LI:   i[t] = beta i[t-1] + z[t];  v[t] = alpha v[t-1] + (1 - alpha) i[t]

  DW-MTJ neurons (--neuron dwmtj-binary | dwmtj-mw, --table FILE in magneuro.table/1 JSON): the drive
  x sets the pulse V = center + scale x (--center-v/--scale-v; default magneuro's defaultVoltageMapping
  rule: x in [-2, 2] spans the table's active range); tables are interpolated linearly, end values
  hold outside, with zero slope.
  binary:  s[t] ~ Bernoulli(P(V(x[t]))), no state; backward ds/dx := P'(V) scale (straight-through)
  multi-weight (n states): k[t] ~ Categorical(P_0..P_{n-1}(V(x[t]))), a[t] = a[t-1](1 - s[t-1]) + k[t],
           s[t] = H(a[t] - (n - 1)); backward s ~ a/(n - 1), dk/dx := E[k]'(V) scale, reset detached
  Only the recursions (LIF, multi-weight position) loop over time; the binary neuron and all the
  table look-ups are one vectorized operation over [T, B, n].

It is written the way a PyTorch user would write it for speed: each linear layer is one matrix
product over all T steps (time-major tensors [T, B, n]), batch norm is the fused native
F.batch_norm, only the neuron recursions loop over time. The shard of an image is b mod (B / 25), so
the ghost batch norm is a plain reshape ([T, B, n] -> [T * 25, (B/25) * n] channels).

Modes:
  timing (default)  median seconds per training step (after warm-up) for each --threads value,
                    consecutive batches of the given images in turn; prints one JSON object.
  --check DIR       reads params.f32 / spikes.f32 / labels.u8 / meta.json written by magneuro's
                    test helper, runs forward + backward once (no Adam step) and writes loss.json and
                    grad.f32 (magneuro's flat parameter layout) to DIR: used to show that this
                    reference computes the same gradient as magneuro.

Usage: /usr/bin/python3 src/bench/pytorch/snn.py [--neuron lif|dwmtj-binary|dwmtj-mw] [--table FILE.json]
          [--center-v V --scale-v V] [--timesteps 80] [--hidden 500] [--batch 100]
          [--threads 2,1] [--runs 5] [--warmup 2] [--images FILE.f32 --labels FILE.u8 | --idx-dir DIR]
"""
import argparse
import gzip
import json
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

DT = 1e-3
TAU_MEM = 10e-3
TAU_SYN = 5e-3
ALPHA = 1.0 - DT / TAU_MEM  # membrane decay per step
BETA = 1.0 - DT / TAU_SYN  # synaptic decay per step
THETA = 1.0  # threshold
V_RESET = 0.0
SURROGATE_W = 0.5 * (THETA - V_RESET)  # half-width of the triangular surrogate
BN_EPS = 1e-5
SHARD = 25  # images per batch-norm group (magneuro's unit of parallel work)


class TriangleSpike(torch.autograd.Function):
    """s = H(u - theta); backward uses h(u) = max(0, 1 - |u - theta|/w)/w."""

    @staticmethod
    def forward(ctx, u):
        ctx.save_for_backward(u)
        return (u >= THETA).to(u.dtype)

    @staticmethod
    def backward(ctx, grad_s):
        (u,) = ctx.saved_tensors
        h = torch.clamp(1.0 - (u - THETA).abs() / SURROGATE_W, min=0.0) / SURROGATE_W
        return grad_s * h


spike = TriangleSpike.apply


def lif(x):
    """x: [T, B, n] drive -> spikes [T, B, n]; the reset uses the detached spike (Norse)."""
    i = torch.zeros_like(x[0])
    v = torch.full_like(x[0], V_RESET)
    out = []
    for t in range(x.shape[0]):
        i = BETA * i + x[t]
        u = ALPHA * v + (1.0 - ALPHA) * i
        s = spike(u)
        sd = s.detach()
        v = u * (1.0 - sd) + V_RESET * sd
        out.append(s)
    return torch.stack(out)


class Table:
    """Piecewise-linear look-up on the table's voltage grid (one 1-D table per column), ends held
    outside the grid with zero slope. locate() finds the interval once; value()/slope() per column."""

    def __init__(self, voltage, columns):
        self.v = torch.tensor(voltage, dtype=torch.float32)
        self.last = self.v.numel() - 1
        dv = self.v[1:] - self.v[:-1]
        self.y = [torch.tensor(col, dtype=torch.float32) for col in zip(*columns)]
        self.dy = [(y[1:] - y[:-1]) / dv for y in self.y]

    def locate(self, V):
        """V (no autograd) -> (offset into the interval, interval index, inside-the-grid mask)."""
        vc = V.clamp(float(self.v[0]), float(self.v[self.last]))
        i = (torch.searchsorted(self.v, vc, right=True) - 1).clamp_(0, self.last - 1)
        inside = (V > self.v[0]) & (V < self.v[self.last])
        return vc - torch.take(self.v, i), i, inside

    def value(self, m, loc):
        d, i, _ = loc
        return torch.take(self.y[m], i) + torch.take(self.dy[m], i) * d

    def slope(self, m, loc):
        _, i, inside = loc
        return torch.take(self.dy[m], i) * inside


class BinaryDwMtjSpike(torch.autograd.Function):
    """s ~ Bernoulli(P(V)), V = center + scale x; backward ds/dx := P'(V) scale."""

    @staticmethod
    def forward(ctx, x, table, center, scale):
        loc = table.locate(center + scale * x)
        s = (torch.rand_like(x) < table.value(0, loc)).to(x.dtype)
        ctx.save_for_backward(table.slope(0, loc) * scale)
        return s

    @staticmethod
    def backward(ctx, grad_s):
        (g,) = ctx.saved_tensors
        return grad_s * g, None, None, None


class MeanAdvance(torch.autograd.Function):
    """Sampled state index k (forward) with the straight-through gradient dk/dx := E[k]'(V) scale."""

    @staticmethod
    def forward(ctx, x, cumulative, mean_advance, center, scale):
        loc = cumulative.locate(center + scale * x)  # same grid for both tables
        r = torch.rand_like(x)
        k = torch.zeros_like(x)
        for m in range(len(cumulative.y)):  # k = number of cumulative probabilities P_0 + .. + P_m <= r
            k += r >= cumulative.value(m, loc)
        ctx.save_for_backward(mean_advance.slope(0, loc) * scale)
        return k

    @staticmethod
    def backward(ctx, grad_k):
        (g,) = ctx.saved_tensors
        return grad_k * g, None, None, None, None


class PositionSpike(torch.autograd.Function):
    """s = H(a - (n - 1)); backward ds/da := 1/(n - 1) (s ~ a/(n - 1))."""

    @staticmethod
    def forward(ctx, a, last):
        ctx.inv = 1.0 / last
        return (a >= last).to(a.dtype)

    @staticmethod
    def backward(ctx, grad_s):
        return grad_s * ctx.inv, None


def default_mapping(voltage, response):
    """magneuro's defaultVoltageMapping: x in [-2, 2] spans the table's active range."""
    lo, hi = 0, len(voltage) - 1
    while lo + 1 < hi and response[lo + 1] == response[0]:
        lo += 1
    while hi - 1 > lo and response[hi - 1] == response[-1]:
        hi -= 1
    return 0.5 * (voltage[lo] + voltage[hi]), 0.25 * (voltage[hi] - voltage[lo])


class BinaryDwMtj:
    def __init__(self, table, center=None, scale=None):
        self.table = Table(table["voltage_V"], [[p] for p in table["probability"]])
        c, sc = default_mapping(table["voltage_V"], table["probability"])
        self.center = c if center is None else center
        self.scale = sc if scale is None else scale

    def __call__(self, x):
        return BinaryDwMtjSpike.apply(x, self.table, self.center, self.scale)


class MultiWeightDwMtj:
    def __init__(self, table, center=None, scale=None):
        probs = table["probability"]
        self.last = float(len(table["states"]) - 1)
        cum = [[sum(row[: m + 1]) for m in range(len(row) - 1)] for row in probs]
        ek = [sum(k * p for k, p in enumerate(row)) for row in probs]
        self.cumulative = Table(table["voltage_V"], cum)
        self.mean_advance = Table(table["voltage_V"], [[e] for e in ek])
        c, sc = default_mapping(table["voltage_V"], ek)
        self.center = c if center is None else center
        self.scale = sc if scale is None else scale

    def __call__(self, x):
        k = MeanAdvance.apply(x, self.cumulative, self.mean_advance, self.center, self.scale)
        a = torch.zeros_like(x[0])
        keep = torch.ones_like(x[0])
        out = []
        for t in range(x.shape[0]):
            a = a * keep + k[t]
            s = PositionSpike.apply(a, self.last)
            keep = 1.0 - s.detach()  # the reset carries no gradient
            out.append(s)
        return torch.stack(out)


def make_neuron(args):
    if args.neuron == "lif":
        return lif
    if not args.table:
        sys.exit(f"--neuron {args.neuron} needs --table FILE.json")
    table = json.load(open(args.table))
    kind = {"dwmtj-binary": "switching-probability", "dwmtj-mw": "state-probability"}[args.neuron]
    if table.get("kind") != kind:
        sys.exit(f"--table {args.table}: kind {table.get('kind')!r}, --neuron {args.neuron} needs {kind!r}")
    cls = BinaryDwMtj if args.neuron == "dwmtj-binary" else MultiWeightDwMtj
    return cls(table, args.center_v, args.scale_v)


def leaky_integrator(z):
    """z: [T, B, n] -> membrane v: [T, B, n]."""
    i = torch.zeros_like(z[0])
    v = torch.zeros_like(z[0])
    out = []
    for t in range(z.shape[0]):
        i = BETA * i + z[t]
        v = ALPHA * v + (1.0 - ALPHA) * i
        out.append(v)
    return torch.stack(out)


def ghost_batch_norm(z, gamma, beta, groups):
    """Batch norm with statistics per shard (images b with b mod groups = g) over all T steps."""
    T, B, n = z.shape
    zz = z.reshape(T * (B // groups), groups * n)
    y = F.batch_norm(zz, None, None, gamma.repeat(groups), beta.repeat(groups), True, 0.0, BN_EPS)
    return y.reshape(T, B, n), zz


class SpikingMlp(torch.nn.Module):
    def __init__(self, inputs, hidden, outputs, neuron=lif):
        super().__init__()
        self.neuron = neuron
        sizes = [inputs, *hidden]
        self.hidden = torch.nn.ModuleList(torch.nn.Linear(a, b, bias=False) for a, b in zip(sizes, sizes[1:]))
        self.gamma = torch.nn.ParameterList(torch.nn.Parameter(torch.ones(h)) for h in hidden)
        self.beta = torch.nn.ParameterList(torch.nn.Parameter(torch.zeros(h)) for h in hidden)
        self.out = torch.nn.Linear(sizes[-1], outputs)
        self.running = [(torch.zeros(h), torch.ones(h)) for h in hidden]

    def forward(self, spikes, momentum=0.1):
        """spikes: [T, B, inputs] -> max-over-time output membranes [B, outputs]."""
        T, B, _ = spikes.shape
        groups = B // SHARD
        s = spikes
        for layer, gamma, beta, (rm, rv) in zip(self.hidden, self.gamma, self.beta, self.running):
            z = layer(s)  # one product over all T steps
            x, zz = ghost_batch_norm(z, gamma, beta, groups)
            with torch.no_grad():  # running statistics: shard means of the biased batch statistics
                var, mean = torch.var_mean(zz, dim=0, unbiased=False)
                rm.mul_(1 - momentum).add_(momentum * mean.view(groups, -1).mean(0))
                rv.mul_(1 - momentum).add_(momentum * var.view(groups, -1).mean(0))
            s = self.neuron(x)
        v = leaky_integrator(self.out(s))
        return v.max(dim=0).values


def poisson(images, T):
    """images [B, inputs] in [0, 1] -> Bernoulli spikes [T, B, inputs]."""
    return (torch.rand((T, *images.shape)) < images).to(torch.float32)


def read_idx_images(directory, count):
    with gzip.open(os.path.join(directory, "train-images-idx3-ubyte.gz"), "rb") as f:
        data = f.read()
    n = int.from_bytes(data[4:8], "big")
    rows = int.from_bytes(data[8:12], "big")
    cols = int.from_bytes(data[12:16], "big")
    pix = np.frombuffer(data, dtype=np.uint8, offset=16, count=min(n, count) * rows * cols)
    with gzip.open(os.path.join(directory, "train-labels-idx1-ubyte.gz"), "rb") as f:
        lab = np.frombuffer(f.read(), dtype=np.uint8, offset=8, count=min(n, count))
    return pix.reshape(-1, rows * cols).astype(np.float32) / 255.0, lab.astype(np.int64)


def load_batch(args):
    if args.images:
        images = np.fromfile(args.images, dtype=np.float32).reshape(-1, 784)
        labels = np.fromfile(args.labels, dtype=np.uint8).astype(np.int64)
        n = (len(images) // args.batch) * args.batch
        if n == 0:
            sys.exit(f"--images holds fewer than --batch = {args.batch} images")
        images, labels = images[:n], labels[:n]
        return images, labels, args.source or f"images from {args.images}"
    if args.idx_dir:
        images, labels = read_idx_images(args.idx_dir, 3 * args.batch)
        return images, labels, f"IDX images from {args.idx_dir}"
    g = np.random.default_rng(1)
    images = np.where(g.random((3 * args.batch, 784)) < 0.5, 0.0, 0.1 + 0.9 * g.random((3 * args.batch, 784)))
    labels = np.arange(3 * args.batch) % 10
    return images.astype(np.float32), labels.astype(np.int64), "synthetic images"


def blas_library():
    """The BLAS shared object loaded into this process (Debian's torch uses the system libblas.so.3)."""
    torch.ones(64, 64) @ torch.ones(64, 64)
    libs = set()
    with open("/proc/self/maps") as f:
        for line in f:
            path = line.split()[-1]
            if "blas" in path.lower() or "mkl" in path.lower():
                libs.add(os.path.realpath(path))
    return ", ".join(sorted(libs)) or "built into torch"


def time_training(args, threads, images, labels):
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = SpikingMlp(784, [args.hidden, args.hidden], 10, make_neuron(args))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    xs = torch.from_numpy(images).split(args.batch)  # consecutive batches, used in turn
    ys = torch.from_numpy(labels).split(args.batch)
    count = [0]

    def step():
        k = count[0] % len(xs)
        count[0] += 1
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(poisson(xs[k], args.timesteps)), ys[k])
        loss.backward()
        opt.step()
        return loss.item()

    for _ in range(args.warmup):
        step()
    samples = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        step()
        samples.append(time.perf_counter() - t0)
    med = statistics.median(samples)
    return {
        "threads": threads,
        "median_s": med,
        "min_s": min(samples),
        "max_s": max(samples),
        "samples_s": samples,
        "images_per_s": args.batch / med,
    }


def check_gradient(directory):
    """Loss and gradient for given parameters and input spikes (magneuro layout), no optimizer step."""
    meta = json.load(open(os.path.join(directory, "meta.json")))
    T, B, nin, hidden, nout = meta["timesteps"], meta["batch"], meta["inputs"], meta["hidden"], meta["outputs"]
    flat = np.fromfile(os.path.join(directory, "params.f32"), dtype=np.float32)
    # magneuro: spikes [b, t, i], image b in shard floor(b / 25); here shard = b mod groups.
    spikes_bt = np.fromfile(os.path.join(directory, "spikes.f32"), dtype=np.float32).reshape(B, T, nin)
    labels_b = np.fromfile(os.path.join(directory, "labels.u8"), dtype=np.uint8).astype(np.int64)
    groups = B // SHARD
    order = np.array([(b % groups) * SHARD + b // groups for b in range(B)])  # torch slot -> magneuro image
    model = SpikingMlp(nin, hidden, nout)
    sizes = [nin, *hidden, nout]
    slices = []
    off = 0
    with torch.no_grad():
        for l in range(len(sizes) - 1):
            a, b = sizes[l], sizes[l + 1]
            w = torch.from_numpy(flat[off : off + a * b].reshape(a, b).T.copy())
            slices.append(("w", l, off, a * b))
            off += a * b
            if l < len(hidden):
                model.hidden[l].weight.copy_(w)
                model.gamma[l].copy_(torch.from_numpy(flat[off : off + b]))
                slices.append(("gamma", l, off, b))
                off += b
                model.beta[l].copy_(torch.from_numpy(flat[off : off + b]))
                slices.append(("beta", l, off, b))
                off += b
            else:
                model.out.weight.copy_(w)
                model.out.bias.copy_(torch.from_numpy(flat[off : off + b]))
                slices.append(("bias", l, off, b))
                off += b
    spikes = torch.from_numpy(np.ascontiguousarray(spikes_bt[order].transpose(1, 0, 2)))
    labels = torch.from_numpy(labels_b[order])
    loss = F.cross_entropy(model(spikes), labels)
    loss.backward()
    grad = np.zeros_like(flat)
    for kind, l, o, size in slices:
        if kind == "w":
            layer = model.hidden[l] if l < len(hidden) else model.out
            grad[o : o + size] = layer.weight.grad.numpy().T.reshape(-1)
        elif kind == "gamma":
            grad[o : o + size] = model.gamma[l].grad.numpy()
        elif kind == "beta":
            grad[o : o + size] = model.beta[l].grad.numpy()
        else:
            grad[o : o + size] = model.out.bias.grad.numpy()
    grad.astype(np.float32).tofile(os.path.join(directory, "grad.f32"))
    json.dump({"loss": loss.item()}, open(os.path.join(directory, "loss.json"), "w"))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--neuron", choices=["lif", "dwmtj-binary", "dwmtj-mw"], default="lif")
    p.add_argument("--table", help="device table (magneuro.table/1 JSON) of a DW-MTJ neuron")
    p.add_argument("--center-v", type=float, help="voltage mapping V = center + scale x (default: table rule)")
    p.add_argument("--scale-v", type=float)
    p.add_argument("--timesteps", type=int, default=80)
    p.add_argument("--hidden", type=int, default=500)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--threads", default="2,1")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--images")
    p.add_argument("--labels")
    p.add_argument("--idx-dir")
    p.add_argument("--source", help="description of --images for the report")
    p.add_argument("--check")
    args = p.parse_args()
    torch.set_num_interop_threads(1)
    if args.check:
        torch.set_num_threads(1)
        check_gradient(args.check)
        return
    if args.batch % SHARD:
        sys.exit(f"--batch must be a multiple of {SHARD} (batch-norm shards)")
    images, labels, source = load_batch(args)
    results = [time_training(args, int(k), images, labels) for k in args.threads.split(",")]
    print(
        json.dumps(
            {
                "torch": torch.__version__,
                "python": sys.version.split()[0],
                "blas": blas_library(),
                "neuron": args.neuron,
                "table": json.load(open(args.table)).get("name") if args.table else None,
                "config": {"inputs": 784, "hidden": [args.hidden] * 2, "outputs": 10, "timesteps": args.timesteps,
                           "batch": args.batch, "shard": SHARD},
                "images": source,
                "runs": args.runs,
                "warmup": args.warmup,
                "results": results,
            }
        )
    )


if __name__ == "__main__":
    main()
