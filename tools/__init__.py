"""Scripts around the book: the benchmark and the imports of external datasets."""
