"""timeline: dated events from news articles, on an interactive Plotly timeline."""
__version__ = "0.1.0"
