"""The web console: static files served by Tether itself (no CDN, no build step), and the eval-report
listing it shows. Everything else it does goes through the public HTTP API with the user's key."""
