"""gunicorn's settings for `pathways serve`. gunicorn's master reads this file before it forks
its workers, so WeasyPrint is imported and its fonts are loaded here, once: every worker
starts with them, and no request pays the half-second import."""

from pathways.render.flyers import warm_up

warm_up()
