"""cleancrawl's application package: crawl, process, write. Imports nothing heavy."""

__version__ = "0.1.0"
