"""The local web page (`rasd serve`): a FastAPI app over the event store plus a static
vanilla-JS page. Owns nothing else; see `app.py` for the routes and `basemap.py` for the
offline map layer."""
