"""rlagent: DQN and policy-gradient agents for environments with the Gymnasium API."""

__version__ = "0.1.0"
