"""Rendering as work to do: one flyer or diagram on request (through the render cache), a
partnership's flyers in a batch (a local process pool, or RQ workers on Redis), and the
pre-rendering that publishing a pathway starts."""
