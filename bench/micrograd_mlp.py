#!/usr/bin/env python3
"""Times micrograd 0.1.0 on the workload of `backprop bench`'s mlp figure, and checks that
backprop computes the same thing.

The workload is micrograd's own demo: an MLP 2-16-16-1 (ReLU hidden, linear output, 337
parameters) on 100 two-moons points, loss = mean relu(1 - y*score) + 1e-4 * sum(w^2), full
batch, SGD with lr = 1.0 - 0.9*k/100. One epoch = forward, zero grads, backward, update, as
in the demo (micrograd rebuilds the graph every forward pass; that is part of its epoch).

    python3 -m venv /tmp/mg && /tmp/mg/bin/pip install micrograd==0.1.0
    swift build -c release
    /tmp/mg/bin/python bench/micrograd_mlp.py --backprop .build/release/backprop

prints micrograd's seconds per epoch, backprop's (`backprop bench --json`, same run, same
machine), their ratio, and the loss after 10 epochs from micrograd's initial weights in
both engines.
"""
import argparse
import json
import math
import random
import statistics
import subprocess
import sys
import tempfile
import time

from micrograd.engine import Value
from micrograd.nn import MLP


def moons():
    """The 100 points of the issue's formulas: two interleaved half circles, labels +1/-1."""
    points = []
    for i in range(100):
        t = math.pi * (i % 50) / 49
        jx = 0.05 * math.sin(12.9898 * (i + 1))
        jy = 0.05 * math.sin(78.233 * (i + 1))
        if i < 50:
            points.append(((math.cos(t) + jx, math.sin(t) + jy), 1.0))
        else:
            points.append(((1 - math.cos(t) + jx, 0.5 - math.sin(t) + jy), -1.0))
    return points


def loss(model, points):
    """micrograd's demo loss (SVM max-margin loss plus L2), written as in its notebook."""
    inputs = [list(map(Value, x)) for x, _ in points]
    scores = list(map(model, inputs))
    losses = [(1 + -y * score).relu() for (_, y), score in zip(points, scores)]
    data_loss = sum(losses) * (1.0 / len(losses))
    alpha = 1e-4
    reg_loss = alpha * sum((p * p for p in model.parameters()))
    return data_loss + reg_loss


def epoch(model, points, k):
    total = loss(model, points)
    model.zero_grad()
    total.backward()
    learning_rate = 1.0 - 0.9 * k / 100
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    return total.data


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=11, help="epochs to run; the first is a warm-up (default 11)")
    parser.add_argument("--seed", type=int, default=1337, help="random.seed for the initial weights")
    parser.add_argument("--weights-out", help="write the initial weights and the 10-epoch loss as JSON")
    parser.add_argument("--backprop", help="path of the backprop binary to compare with")
    args = parser.parse_args()

    random.seed(args.seed)
    points = moons()
    model = MLP(2, [16, 16, 1])
    weights = [float(p.data) for p in model.parameters()]
    assert len(weights) == 337

    # losses[k] is the loss at the start of epoch k, so losses[10] is the loss after 10 epochs.
    times, losses = [], []
    for k in range(max(args.epochs, 11)):
        start = time.perf_counter()
        losses.append(epoch(model, points, k))
        times.append(time.perf_counter() - start)
    loss_after_10 = losses[10]
    micrograd_s = statistics.median(times[1:] if len(times) > 1 else times)
    print(f"micrograd 0.1.0: {micrograd_s:.4f} s per epoch (median of {len(times) - 1} after a warm-up)")
    print(f"micrograd loss after 10 epochs: {loss_after_10!r}")

    report = {"weights": weights, "loss_after_10": loss_after_10, "losses": losses[:11]}
    weights_path = args.weights_out
    if weights_path is None and args.backprop:
        weights_path = tempfile.NamedTemporaryFile(suffix=".json", delete=False).name
    if weights_path:
        with open(weights_path, "w") as f:
            json.dump(report, f, indent=1)
            f.write("\n")

    if args.backprop:
        out = subprocess.run([args.backprop, "bench", "--json"], check=True, capture_output=True, text=True).stdout
        ours = json.loads(out)
        ratio = micrograd_s / ours["mlp_epoch_s"]
        print(f"backprop:        {ours['mlp_epoch_s']:.6f} s per epoch ({ours['mlp_nodes']} nodes)")
        print(f"ratio:           {ratio:.0f}x faster than micrograd")
        check = subprocess.run([args.backprop, "bench", "--mlp-weights", weights_path],
                               check=True, capture_output=True, text=True).stdout.strip()
        ours_loss = float(check.split()[-1])
        error = abs(ours_loss - loss_after_10) / abs(loss_after_10)
        print(f"backprop loss after 10 epochs from micrograd's weights: {ours_loss!r} "
              f"(relative difference {error:.1e})")
        if error > 1e-12:
            sys.exit("the two engines disagree")


if __name__ == "__main__":
    main()
