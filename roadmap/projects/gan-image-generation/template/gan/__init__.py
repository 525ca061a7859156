"""gan: generative adversarial networks, from a 2-D toy to MNIST digits and StyleGAN's ideas."""

__version__ = "0.1.0"
