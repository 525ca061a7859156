"""``python -m stylize [run|gallery|tune|images|serve|download-vgg]`` (given).

    run           one content in one style: artifacts/<content>-<style>.png, the loss curves
                  (artifacts/<content>-<style>-losses.png) and progress frames (artifacts/frames/)
    gallery       the content in every style side by side: artifacts/gallery.png
    tune          one style at several style weights: artifacts/tuning-<style>.png
    images        the generated content and style images: artifacts/images/*.png
    serve         the web app on http://127.0.0.1:8000 (Ctrl-C stops it)
    download-vgg  fetch VGG-19's ImageNet weights (548 MB, needs internet) for much better results

The network is VGG-19 when its weights are on this machine, else a small random CNN (see
features.py). ``--content`` and ``--style`` take a generated image's name or a file path.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import torch

from .features import make_extractor, vgg19_extractor, vgg19_weights_path
from .images import CONTENTS, STYLES, get_image, save_image
from .transfer import pick_device, stylize


def _name(path_or_name: str) -> str:
    return Path(path_or_name).stem


def _plot_losses(history, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    steps = [h["step"] for h in history]
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.5))
    for ax, key in zip(axes, ("content", "style")):
        ax.plot(steps, [h[key] for h in history])
        ax.set_yscale("log")
        ax.set_xlabel("step")
        ax.set_title(f"{key} loss")
        ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _row(images, gap: int = 4) -> torch.Tensor:
    """Images of the same height side by side, with white gaps."""
    h = images[0].shape[2]
    parts = []
    for x in images:
        parts += [x, torch.ones(1, 3, h, gap)]
    return torch.cat(parts[:-1], dim=3)


def cmd_run(args, extractor) -> None:
    content = get_image(args.content, args.size, styles=False)
    style = get_image(args.style, args.size, styles=True)
    stem = f"{_name(args.content)}-{_name(args.style)}"
    frames = args.out / "frames"
    frames.mkdir(parents=True, exist_ok=True)

    def save_frame(step, image, record):
        save_image(image, frames / f"{stem}-{step:05d}.png")
        if record:
            print(f"  step {step:5d}: content {record['content']:.3e}  style {record['style']:.3e}  total {record['total']:.3e}")

    start = time.perf_counter()
    image, history = stylize(content, style, extractor, steps=args.steps, lr=args.lr, style_weight=args.style_weight,
                             content_weight=args.content_weight, tv_weight=args.tv_weight, init=args.init,
                             callback=save_frame, every=max(1, args.steps // 10), device=args.device)
    print(f"{args.steps} steps in {time.perf_counter() - start:.1f} s on {args.device or pick_device()}")
    save_image(image, args.out / f"{stem}.png")
    save_image(_row([content, torch.nn.functional.interpolate(style, size=content.shape[2:]), image]),
               args.out / f"{stem}-triptych.png")
    _plot_losses(history, args.out / f"{stem}-losses.png")
    print(f"wrote {args.out / (stem + '.png')}, {stem}-triptych.png, {stem}-losses.png and frames/")


def cmd_gallery(args, extractor) -> None:
    content = get_image(args.content, args.size, styles=False)
    row = [content]
    for name in STYLES:
        print(f"  {name} ...")
        image, _ = stylize(content, get_image(name, args.size, styles=True), extractor, steps=args.steps, lr=args.lr,
                           style_weight=args.style_weight, tv_weight=args.tv_weight, init=args.init, device=args.device)
        row.append(image)
    styles = [torch.nn.functional.interpolate(get_image(n, args.size, styles=True), size=content.shape[2:]) for n in STYLES]
    grid = torch.cat([_row([torch.ones_like(content)] + styles), torch.ones(1, 3, 4, _row(row).shape[3]), _row(row)], dim=2)
    save_image(grid, args.out / "gallery.png")
    print(f"wrote {args.out / 'gallery.png'} (top: the styles; bottom: the content, then the content in each style)")


def cmd_tune(args, extractor) -> None:
    content = get_image(args.content, args.size, styles=False)
    style = get_image(args.style, args.size, styles=True)
    weights = [args.style_weight * f for f in (0.01, 0.1, 1.0, 10.0, 100.0)]
    row = []
    for w in weights:
        image, history = stylize(content, style, extractor, steps=args.steps, lr=args.lr, style_weight=w,
                                 tv_weight=args.tv_weight, init=args.init, device=args.device)
        print(f"  style weight {w:.0e}: content {history[-1]['content']:.3e}, style {history[-1]['style']:.3e}")
        row.append(image)
    save_image(_row(row), args.out / f"tuning-{_name(args.style)}.png")
    print(f"wrote {args.out / ('tuning-' + _name(args.style) + '.png')} (style weights {', '.join(f'{w:.0e}' for w in weights)})")


def cmd_images(args) -> None:
    for table, styles in ((CONTENTS, False), (STYLES, True)):
        for name in table:
            save_image(get_image(name, args.size, styles=styles), args.out / "images" / f"{name}.png")
    print(f"wrote {len(CONTENTS) + len(STYLES)} images to {args.out / 'images'}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m stylize", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="run",
                        choices=["run", "gallery", "tune", "images", "serve", "download-vgg"])
    parser.add_argument("--content", default="scene", help=f"{', '.join(CONTENTS)} or an image file")
    parser.add_argument("--style", default="waves", help=f"{', '.join(STYLES)} or an image file")
    parser.add_argument("--size", type=int, default=128, help="the shorter side in pixels (256-512 with VGG on a GPU)")
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--lr", type=float, default=0.03)
    parser.add_argument("--style-weight", type=float, default=1e4)
    parser.add_argument("--content-weight", type=float, default=1.0)
    parser.add_argument("--tv-weight", type=float, default=0.0)
    parser.add_argument("--init", choices=["content", "noise"], default="content")
    parser.add_argument("--random-net", action="store_true", help="use the small random CNN even when VGG-19 is here")
    parser.add_argument("--device", default=None, help="cpu or cuda (default: cuda when available)")
    parser.add_argument("--out", type=Path, default=Path("artifacts"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)

    if args.command == "download-vgg":
        vgg19_extractor(download=True)
        print(f"VGG-19 weights are in {vgg19_weights_path()}")
        return
    if args.command == "images":
        cmd_images(args)
        return
    if args.command == "serve":
        import uvicorn

        from .web import create_app

        uvicorn.run(create_app(), host="127.0.0.1", port=args.port)
        return
    extractor, description = make_extractor(prefer_vgg=not args.random_net)
    print(f"network: {description}")
    {"run": cmd_run, "gallery": cmd_gallery, "tune": cmd_tune}[args.command](args, extractor)


if __name__ == "__main__":
    main()
