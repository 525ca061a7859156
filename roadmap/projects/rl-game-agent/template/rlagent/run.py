"""Train, evaluate and compare the agents from the command line (given code).

    python -m rlagent                         # DQN on GridWorld + REINFORCE on CartPole
    python -m rlagent all --seeds 0 1 2       # the same over three training seeds
    python -m rlagent train --algo dqn --env cartpole --seeds 0
    python -m rlagent all --gymnasium         # Gymnasium's CartPole-v1 (pip install gymnasium)

Writes to ``artifacts/`` (or ``--out``): ``metrics.json`` (evaluation over 20 seeds the
training never used, with the random baseline), ``reward_curves_<env>.png`` and one ``.pt``
file per trained network.
"""
import argparse
import dataclasses
import json
import time
from pathlib import Path

import numpy as np
import torch

from . import envs
from .dqn import DQNConfig, greedy_policy as dqn_greedy, train_dqn
from .evaluation import RandomPolicy, evaluate_policy
from .plots import plot_reward_curves
from .policy_gradient import PGConfig, greedy_policy as pg_greedy, train_reinforce

EVAL_SEEDS = list(range(10_000, 10_020))  # never used for training

# Settings per (algorithm, environment). The first two are the ones the tests use.
PRESETS = {
    ("dqn", "gridworld"): DQNConfig(),
    ("reinforce", "cartpole"): PGConfig(),
    ("dqn", "cartpole"): DQNConfig(total_steps=25_000, eps_decay_steps=10_000, learning_starts=1000,
                                   target_sync_every=500, hidden=(64, 64), buffer_size=20_000),
    ("reinforce", "gridworld"): PGConfig(episodes=1500, episodes_per_update=8, lr=3e-3, hidden=(64,)),
}
DEFAULT_RUNS = [("dqn", "gridworld"), ("reinforce", "cartpole")]


def run_one(algo, env_name, seed, use_gymnasium, out):
    gym = use_gymnasium and env_name == "cartpole"
    make_env = lambda: envs.make(env_name, use_gymnasium=gym)  # noqa: E731
    config = PRESETS[(algo, env_name)]
    print(f"== {algo} on {env_name}, seed {seed}: {config}")
    start = time.process_time()
    if algo == "dqn":
        net, history = train_dqn(make_env, config, seed=seed, log_every=50)
        policy = dqn_greedy(net)
    else:
        net, history = train_reinforce(make_env, config, seed=seed, log_every=40)
        policy = pg_greedy(net)
    seconds = time.process_time() - start
    report = evaluate_policy(policy, make_env, EVAL_SEEDS)
    path = out / f"{algo}_{env_name}_seed{seed}.pt"
    torch.save({"state_dict": net.state_dict(), "class": type(net).__name__,
                "obs_dim": net.obs_dim, "n_actions": net.n_actions, "hidden": list(net.hidden),
                "config": dataclasses.asdict(config)}, path)
    print(f"   eval over {len(EVAL_SEEDS)} seeds: {report['mean']:.3f} +/- {report['ci95']:.3f} "
          f"(train {seconds:.1f} s CPU) -> {path}")
    return history, {"seed": seed, "train_cpu_seconds": round(seconds, 2),
                     "train_episodes": len(history["episode_returns"]),
                     "eval_mean": report["mean"], "eval_std": report["std"], "eval_ci95": report["ci95"],
                     "eval_returns": report["returns"], "model": str(path)}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m rlagent", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="all", choices=["all", "train"])
    parser.add_argument("--algo", choices=["dqn", "reinforce"], default="dqn")
    parser.add_argument("--env", choices=["gridworld", "cartpole"], default="gridworld")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--gymnasium", action="store_true", help="use gymnasium's CartPole-v1")
    parser.add_argument("--out", default="artifacts")
    args = parser.parse_args(argv)

    torch.set_num_threads(1)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    runs = DEFAULT_RUNS if args.command == "all" else [(args.algo, args.env)]

    metrics, curves = {}, {}  # curves: one plot per environment (returns differ in scale)
    for algo, env_name in runs:
        key = f"{algo}/{env_name}"
        results = []
        for seed in args.seeds:
            history, result = run_one(algo, env_name, seed, args.gymnasium, out)
            results.append(result)
            curves.setdefault(env_name, {})[f"{algo} (seed {seed})"] = history["episode_returns"]
        means = [r["eval_mean"] for r in results]
        make_env = lambda: envs.make(env_name)  # noqa: E731
        baseline = evaluate_policy(RandomPolicy(make_env().action_space, seed=0), make_env, EVAL_SEEDS)
        metrics[key] = {"runs": results, "mean_over_training_seeds": float(np.mean(means)),
                        "std_over_training_seeds": float(np.std(means, ddof=1)) if len(means) > 1 else 0.0,
                        "random_policy_mean": baseline["mean"]}
    for env_name, env_curves in curves.items():
        path = out / f"reward_curves_{env_name}.png"
        plot_reward_curves(env_curves, path, window=20, title=f"Training reward on {env_name}")
        print(f"wrote {path}")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    print(f"wrote {out / 'metrics.json'}")
    for key, m in metrics.items():
        print(f"{key:22s} eval {m['mean_over_training_seeds']:9.3f}   "
              f"random policy {m['random_policy_mean']:9.3f}")


if __name__ == "__main__":
    main()
