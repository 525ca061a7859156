"""Customer churn prediction: data, features, models, explanations and an API."""

__version__ = "0.1.0"
