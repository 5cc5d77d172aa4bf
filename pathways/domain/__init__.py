"""Plain-Python core: value types, rules and errors. Imports only the standard library."""
