"""Renderers: plain values in, bytes or text out. No session, no models, no Flask."""
