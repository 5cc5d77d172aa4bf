"""Importers for the public data behind the catalog: parse, validate, load in bulk.

Each importer streams its files, writes inside the caller's transaction (it flushes, never
commits), replaces what an earlier import of the same vintage wrote, and raises MalformedFile
naming file, line and column before the caller commits anything.
"""
