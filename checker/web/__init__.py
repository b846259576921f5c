"""`checker serve`: a web page and a JSON API over the same pipeline as `checker check`."""
