"""`rasd serve`: run the local web page with uvicorn.

Owns: the command's checks (the web extra installed, a safe default bind) and starting
the server; the app itself is `rasd.web.app.create_app`.
"""
from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; 2 when the web extra is missing or the settings are unusable."""
    try:
        import uvicorn

        from .web.app import create_app
    except ImportError as exc:
        print(f"rasd: error: `rasd serve` needs the web extra ({exc.name} is missing): pip install 'rasd[serve]'",
              file=sys.stderr)
        return 2
    if args.max_bytes < 1:
        print("rasd: error: --max-bytes must be positive", file=sys.stderr)
        return 2
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        # Anyone who can reach the address can read the database (and write with --allow-ingest).
        print(f"rasd: warning: serving on {args.host}: the page and API are reachable from other machines",
              file=sys.stderr)
    from pathlib import Path
    if not Path(args.db).is_file():
        hint = "articles pasted will be stored there" if args.allow_ingest else "run `rasd ingest` first to see events"
        print(f"rasd: note: database {args.db} does not exist yet; {hint}", file=sys.stderr)
    app = create_app(args.db, allow_ingest=args.allow_ingest, max_bytes=args.max_bytes)
    mode = "read-write (--allow-ingest)" if args.allow_ingest else "read-only"
    print(f"rasd: serving {args.db} {mode} on http://{args.host}:{args.port}/ (API docs: /docs); Ctrl-C stops",
          file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
