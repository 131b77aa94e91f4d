"""Import scripts: each reads one public copy of an external dataset and writes a tidy extract."""
