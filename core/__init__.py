"""Pure Python every other package may import: texts in Finnish and English, formats, the
indicator catalog and the rules, periods, the query scope, problems, and the settings."""
